/** The front door of notifications: the only file other folders import. */
export { notificationsFeature } from './notifications.routes.js';

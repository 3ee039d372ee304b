/** The front door of admin: the only file other folders import. */
export { adminFeature } from './admin.routes.js';

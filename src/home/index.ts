/** The front door of home: the only file other folders import. */
export { homeFeature } from './home.routes.js';

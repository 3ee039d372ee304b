/** The front door of badges: the only file other folders import. */
export { badgesFeature } from './badges.routes.js';
export { currentBadges, latestPhotos } from './badges.store.js';
export { uploadPhoto } from './photos/photos.service.js';
export { printSheet, runSheet } from './print/print.service.js';
export { demoBadges } from './badges.demo.js';

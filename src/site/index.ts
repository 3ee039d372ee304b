/** The front door of site: the only file other folders import. */
export { siteFeature } from './site.routes.js';
export { renderMarkdown } from './markdown.rules.js';
export { demoSite } from './site.demo.js';

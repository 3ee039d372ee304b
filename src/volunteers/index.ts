/** The front door of volunteers: the only file other folders import. */
export { YOUTH_MIN_AGE, roleAllowedForAge } from './application.rules.js';
export { registerScreeningCommands } from './screening.cli.js';
export { volunteersFeature } from './volunteers.routes.js';

/** The front door of volunteers: the only file other folders import. */
export { YOUTH_MIN_AGE, roleAllowedForAge } from './application.rules.js';
export { screeningStatus } from './screening.service.js';
export { applicationsOfPerson } from './applications.store.js';
export { waitingRolesOf } from './decisions/requests.store.js';
export { volunteersFeature } from './volunteers.routes.js';
export { volunteerImportFeature } from './imports/import.feature.js';
export { demoApplications, type DemoApplication, type DemoVolunteer } from './volunteers.demo.js';

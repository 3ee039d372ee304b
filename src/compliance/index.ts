/** The front door of compliance: the only file other folders import. */
export { complianceFeature } from './compliance.routes.js';
export type { ComplianceElement, MissingItem, PersonSummary, RoleInDivision } from './compliance.rules.js';
export { requirementFor, summarizePerson, withCheckResult } from './compliance.rules.js';
export { dashboard, personCompliance, rulesOf } from './compliance.service.js';
export { loadGrants } from './compliance.store.js';
export { itemLabel } from './dashboard.rules.js';
export { loadVolunteerRecords } from './reminders/records.store.js';
export { WEEKLY_SETTING, describeRun, sendWeeklyReminders } from './reminders/reminders.service.js';
export { startNotificationTimer } from './reminders/timer.service.js';

/** Test support of notifications: what tests, browser tests and benchmarks of other folders use besides index.ts. */
export { setWeekly } from './notifications.service.js';

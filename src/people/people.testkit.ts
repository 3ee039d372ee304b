/** Test support of people: what tests, browser tests and benchmarks of other folders use besides index.ts. */
export { grantStandingRole } from './accounts.service.js';
export { mergeAccounts } from './merge.service.js';

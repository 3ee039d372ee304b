/** Test support of region: what tests, browser tests and benchmarks of other folders use besides index.ts. */
export { defaultRegionConfig } from './default-config.rules.js';
export { editRegionConfig } from './region.service.js';

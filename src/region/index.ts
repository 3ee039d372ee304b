/** The front door of region: the only file other folders import. */
export { defaultRegionConfig, membershipYearFor } from './default-config.rules.js';
export { installRegionConfig, useRegionConfig } from './region.http.js';
export { regionFeature } from './region.routes.js';
export type { SeasonRef } from './region.rules.js';
export { ageOn, allSeasons, birthRange, currentSeason, divisionForBirthDate, findDivision, findSeason, isIsoDate } from './region.rules.js';
export type { Division, Field, MembershipYear, RegionConfig, Season, Training } from './region.schemas.js';
export { ensureRegionConfig, getRegionConfig, getStoredConfig, regionToday, saveRegionConfig, seasonNow, seasonsInForce } from './region.service.js';
export { configStampColumns } from './region.store.js';

import type { Deps } from '../platform/feature.js';
import { getRegionConfig, regionToday, seasonsInForce } from '../region/index.js';
import { screeningStatus } from '../volunteers/index.js';
import { setupSteps, type SetupStep } from './checklist.rules.js';
import { anyAuditOf, roleHolderNames } from './checklist.store.js';

/**
 * Saves of the whole configuration document (the file edited in the browser, PUT /api/v1/region,
 * `touchline region import`): whoever made one has seen the season dates and fields in it.
 */
const WHOLE_SAVES = ['region.replace', 'region.import', 'region.update'] as const;

/** The region's set-up steps with their state, from the process settings and the stored data. */
export async function regionSetupSteps(deps: Deps): Promise<SetupStep[]> {
  const config = await getRegionConfig(deps.db);
  const screening = await screeningStatus(deps.db);
  const savedWhole = await anyAuditOf(deps.db, WHOLE_SAVES);
  const coachAdministrators = await roleHolderNames(deps.db, 'coach-administrator', seasonsInForce(config, deps.clock));
  return setupSteps({
    baseUrl: deps.config.baseUrl,
    listenHost: deps.config.host,
    mailDelivers: deps.mailer.delivers,
    config,
    today: regionToday(config, deps.clock),
    savedWhole,
    screeningKey: screening.fingerprint,
    coachAdministrators,
  });
}

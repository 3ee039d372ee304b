import type { Deps } from '../../platform/feature.js';
import { getRegionConfig, seasonNow } from '../../region/index.js';
import { coverage, type DivisionCoverage } from './coverage.rules.js';
import { assessmentFacts, seasonStaff } from './coverage.store.js';
import { listSessions, type SessionRecord } from '../sessions/sessions.store.js';

/** What the coverage table shows: who still needs an assessment this season, and the visits planned. */

export interface CoverageView {
  seasonId: string;
  seasonName: string;
  divisions: string[];
  table: DivisionCoverage[];
  /** Upcoming, not cancelled visit sessions per team id. */
  visits: Record<string, SessionRecord[]>;
}

/** This season's coverage: who still needs a practice or a game assessment, and visits planned. */
export async function loadCoverage(deps: Deps, f: { division?: string; onlyMissing?: boolean } = {}): Promise<CoverageView> {
  const config = await getRegionConfig(deps.db);
  const season = seasonNow(config, deps.clock);
  const seasonId = season?.season.id ?? '';
  const order = config.divisions.map((d) => d.code);
  const staff = await seasonStaff(deps.db, seasonId, f.division || undefined);
  const table = coverage(staff, await assessmentFacts(deps.db, seasonId), order, f.onlyMissing);
  const teamIds = [...new Set(staff.map((s) => s.teamId))];
  const visits: Record<string, SessionRecord[]> = {};
  for (const s of await listSessions(deps.db, { from: deps.clock.now().toISOString(), teamIds })) (visits[s.teamId!] ??= []).push(s);
  return { seasonId, seasonName: season?.season.name ?? '', divisions: order, table, visits };
}

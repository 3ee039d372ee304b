import type { Deps } from '../platform/feature.js';
import { getRegionConfig, seasonNow } from '../region/index.js';
import { teamsCoachedBy } from '../teams/index.js';
import type { Viewer } from './assessments.rules.js';
import { listAssessments, type AssessmentSummary } from './assessments.store.js';
import { coverage, type DivisionCoverage } from './coverage.rules.js';
import { assessmentFacts, seasonStaff } from './coverage.store.js';
import { waitlistPlace } from './sessions.rules.js';
import { listSessions, signupsOf, signupsOfPerson, type SessionRecord } from './sessions.store.js';

/** What the mentoring pages show: a coach's overview, the mentors' list, the coverage table. */

export interface SessionForCoach extends SessionRecord {
  /** confirmed | waitlisted | null (not signed up) */
  myStatus: string | null;
  myPlace: number | null;
}

/**
 * Sessions from now on that a coach may join (every group session, and visits to their own
 * teams; every session with `all`), each with the viewer's own status and waitlist place.
 */
export async function sessionsForCoach(deps: Deps, viewer: Viewer, opts: { all?: boolean } = {}): Promise<SessionForCoach[]> {
  const config = await getRegionConfig(deps.db);
  const seasonId = seasonNow(config, deps.clock)?.season.id ?? '';
  const now = deps.clock.now().toISOString();
  const myTeams = new Set((await teamsCoachedBy(deps.db, viewer.personId, seasonId)).map((t) => t.id));
  const mine = new Map((await signupsOfPerson(deps.db, viewer.personId, now)).map((s) => [s.sessionId, s]));
  const sessions = (await listSessions(deps.db, { from: now })).filter((s) => opts.all || !s.teamId || myTeams.has(s.teamId) || mine.has(s.id));
  const out: SessionForCoach[] = [];
  for (const s of sessions) {
    const m = mine.get(s.id);
    const place = m?.status === 'waitlisted' ? waitlistPlace(await signupsOf(deps.db, s.id), viewer.personId) : null;
    out.push({ ...s, myStatus: m?.status ?? null, myPlace: place });
  }
  return out;
}

export interface CoachOverview {
  sessions: SessionForCoach[];
  assessments: AssessmentSummary[];
}

export async function coachOverview(deps: Deps, viewer: Viewer): Promise<CoachOverview> {
  return { sessions: await sessionsForCoach(deps, viewer), assessments: await listAssessments(deps.db, { coachId: viewer.personId, limit: 50 }) };
}

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

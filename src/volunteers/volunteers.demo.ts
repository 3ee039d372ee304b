import { newId } from '../platform/clock.js';
import type { DemoContext } from '../platform/demo.js';
import { findSeason, getRegionConfig } from '../region/index.js';
import { YOUTH_ROLE, type RoleChoice } from './application.rules.js';
import { insertApplication } from './applications.store.js';
import { setApplicationRoles } from './imports/imports.store.js';
import { insertRequests, type RoleRequestRow } from './decisions/requests.store.js';

/** One person holding a division role in the demo (left by the earlier steps in `facts.volunteers`). */
export interface DemoVolunteer {
  personId: string;
  role: string;
  division: string;
  /** The full name, as the volunteer signs the application. */
  name: string;
  /** The division's first demo account (coach.10u@…): always fully applied, so the journeys start clean. */
  named: boolean;
}

/** How each demo volunteer's application turned out; the training step reads it (`facts.applications`). */
export type DemoApplication = 'none' | 'unsigned' | 'pending' | 'clear';

/** How many applicants for each coaching role wait for the board's decision, in each of the two oldest divisions. */
const WAITING_PER_ROLE = 2;

/**
 * The applicants left waiting, chosen without the random source (so every other step stays as it
 * was): in the two oldest divisions with candidates, the first unnamed adults who applied ask on
 * their application to coach too (an assistant coach to be head coach, anyone else to assist), a
 * role they do not hold yet.
 */
function waitingAsks(volunteers: readonly DemoVolunteer[], outcome: ReadonlyMap<string, DemoApplication>, divisions: readonly string[]): Map<string, RoleChoice> {
  const holds = (personId: string, c: RoleChoice) => volunteers.some((v) => v.personId === personId && v.role === c.role && v.division === c.division);
  const seen = new Set<string>();
  const byDivision = new Map<string, [string, RoleChoice][]>();
  for (const v of volunteers) {
    if (seen.has(v.personId)) continue;
    seen.add(v.personId);
    const state = outcome.get(v.personId);
    if (v.named || v.role === YOUTH_ROLE || v.role === 'head-coach' || state === 'none' || state === 'unsigned') continue;
    const ask: RoleChoice = { role: v.role === 'assistant-coach' ? 'head-coach' : 'assistant-coach', division: v.division };
    if (holds(v.personId, ask)) continue;
    const asks = byDivision.get(v.division) ?? [];
    if (asks.filter(([, a]) => a.role === ask.role).length < WAITING_PER_ROLE) asks.push([v.personId, ask]);
    byDivision.set(v.division, asks);
  }
  const chosen = [...divisions].reverse().filter((d) => byDivision.get(d)?.length);
  return new Map(chosen.slice(0, 2).flatMap((d) => byDivision.get(d)!));
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A birth date for the role: adults born 1970-1995, youth volunteers 14 to 16 years before the season. */
function birthDate(r: () => number, youth: boolean, seasonYear: number): string {
  const year = youth ? seasonYear - 14 - Math.floor(r() * 3) : 1970 + Math.floor(r() * 26);
  return `${year}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
}

/**
 * This season's volunteer applications of the demo's volunteers: most complete with the
 * background check clear, a few with the check still pending, some adults who have not signed
 * yet, and a few who never applied (so the compliance dashboard shows each element missing).
 * No number is sealed (the demo has no screening key): the last four digits stand for it.
 * Each role an application lists is recorded as a request granted at once, except the few coaching
 * roles some applicants ask for on top, which wait for the board's decision (/role-requests).
 */
export async function demoApplications(ctx: DemoContext): Promise<string> {
  const { db, clock } = ctx.deps;
  const config = await getRegionConfig(db);
  const year = Number(findSeason(config, ctx.seasonId)!.season.startDate.slice(0, 4));
  const volunteers = (ctx.facts.get('volunteers') ?? []) as DemoVolunteer[];
  const at = clock.now().toISOString();
  const outcome = new Map<string, DemoApplication>();
  const counts: Record<DemoApplication, number> = { none: 0, unsigned: 0, pending: 0, clear: 0 };
  let waiting = 0;
  const applied: { id: string; personId: string; role: RoleChoice }[] = [];
  await db.transaction().execute(async (trx) => {
    for (const v of volunteers) {
      if (outcome.has(v.personId)) continue;
      const youth = v.role === YOUTH_ROLE;
      const r = ctx.random();
      const state: DemoApplication = v.named ? 'clear' : r < 0.05 ? 'none' : r < 0.09 && !youth ? 'unsigned' : r < 0.14 ? 'pending' : 'clear';
      outcome.set(v.personId, state);
      counts[state]++;
      if (state === 'none') continue;
      const signed = state !== 'unsigned' && !youth;
      const id = newId();
      applied.push({ id, personId: v.personId, role: { role: v.role, division: v.division } });
      await insertApplication(trx, {
        id,
        person_id: v.personId,
        season_id: ctx.seasonId,
        roles_json: JSON.stringify([{ role: v.role, division: v.division }]),
        birth_date: birthDate(ctx.random, youth, year),
        is_adult: youth ? 0 : 1,
        ssn_sealed: null,
        ssn_last4: youth ? null : pad(Math.floor(ctx.random() * 10_000), 4),
        signature_name: signed ? v.name : null,
        signed_at: signed ? at : null,
        signed_ip: null,
        submitted_at: at,
        background_check: youth ? 'not-started' : state === 'clear' ? 'clear' : 'pending',
        check_recorded_at: state === 'clear' && !youth ? at : null,
        check_recorded_by: null,
      });
    }
    const asks = waitingAsks(
      volunteers,
      outcome,
      config.divisions.map((d) => d.code),
    );
    const requests: RoleRequestRow[] = [];
    const request = (a: (typeof applied)[number], c: RoleChoice, waiting: boolean): RoleRequestRow => ({
      id: newId(),
      application_id: a.id,
      person_id: a.personId,
      season_id: ctx.seasonId,
      role: c.role,
      division: c.division,
      status: waiting ? 'requested' : 'granted',
      requested_at: at,
      decided_at: waiting ? null : at,
      decided_by: null,
      reason: null,
    });
    for (const a of applied) {
      requests.push(request(a, a.role, false));
      const ask = asks.get(a.personId);
      if (!ask) continue;
      requests.push(request(a, ask, true));
      await setApplicationRoles(trx, a.id, [a.role, ask]);
    }
    for (let i = 0; i < requests.length; i += 200) await insertRequests(trx, requests.slice(i, i + 200));
    waiting = asks.size;
  });
  ctx.facts.set('applications', outcome);
  return `Applications: ${counts.clear + counts.pending + counts.unsigned} this season (${counts.clear} cleared, ${counts.pending} background checks pending, ${counts.unsigned} not signed yet), ${counts.none} volunteers who never applied; ${waiting} coaching roles asked for wait for the board's decision.`;
}

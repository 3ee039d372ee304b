/**
 * Pure rules of forming a division's teams around its head coaches (spec "Team formation"): how
 * many teams, which head coaches a program gets, team numbers and names.
 */
import type { Division } from '../region/index.js';
import { PROGRAM_LABELS, type Program } from '../players/index.js';

/** Teams a program needs by default: enough for rosters of the division's roster size. */
export function defaultTeamCount(players: number, rosterSize: number): number {
  return players === 0 ? 0 : Math.ceil(players / rosterSize);
}

export interface HeadCoach {
  id: string;
  firstName: string;
  lastName: string;
  /** Their email (if any): the key that orders coaches of the same name alike in any database. */
  email: string | null;
}

export interface CoachPool {
  /** Every head coach of the division this season (role grants). */
  coaches: HeadCoach[];
  /** Coaches already with another program of the division (on a published team or in its preview). */
  reserved: ReadonlyMap<string, Program>;
  /** Programs of the division in which each coach has a child registered this season. */
  childPrograms: ReadonlyMap<string, readonly Program[]>;
  /** Players per program this season. */
  players: Readonly<Partial<Record<Program, number>>>;
  /** Programs that already have a preview or published teams (their coaches are in `reserved`). */
  formed: ReadonlySet<Program>;
}

export interface CoachShare {
  teams: number;
  /** The program's head coaches, in team-number order. */
  coaches: HeadCoach[];
  /** Coaches tied to the program by a child playing in it. */
  bound: number;
  /** Coaches of the division left without a team by this share. */
  unused: HeadCoach[];
  problems: string[];
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** A head coach's key in the draw's T.csv (coach_id): their email, else their name. */
export const coachKey = (c: HeadCoach): string => c.email?.trim().toLowerCase() || `${c.firstName.trim()} ${c.lastName.trim()}`;
/** Coaches by name (one fixed collation, whatever the machine's locale), then email: never by database id. */
export const byName = (a: HeadCoach, b: HeadCoach) =>
  a.lastName.localeCompare(b.lastName, 'en') || a.firstName.localeCompare(b.firstName, 'en') || text(coachKey(a), coachKey(b)) || text(a.id, b.id);

/**
 * The head coaches a program gets. A coach whose child plays in a program coaches in it (their
 * child then plays on their team); the others are shared out in the division's program order,
 * each program taking what its default team count needs. `teams` (typed by the coach
 * administrator) overrides the count of the program being formed. Deterministic.
 */
export function shareCoaches(division: Division, program: Program, pool: CoachPool, teams?: number): CoachShare {
  const free = pool.coaches.filter((c) => !pool.reserved.has(c.id)).sort(byName);
  const boundTo = (c: HeadCoach) => division.programs.find((p) => (pool.childPrograms.get(c.id) ?? []).includes(p)) ?? null;
  const loose = free.filter((c) => boundTo(c) === null);
  let chosen: HeadCoach[] = [];
  let bound = 0;
  let wanted = 0;
  for (const p of division.programs) {
    if (p !== program && pool.formed.has(p)) continue;
    const own = free.filter((c) => boundTo(c) === p);
    const need = p === program && teams !== undefined ? teams : Math.max(defaultTeamCount(pool.players[p] ?? 0, division.rosterSize), own.length);
    const extra = loose.splice(0, Math.max(0, need - own.length));
    if (p === program) {
      chosen = [...own, ...extra].sort(byName);
      bound = own.length;
      wanted = need;
    }
  }
  const problems: string[] = [];
  const label = `${division.name} ${PROGRAM_LABELS[program]}`;
  const n = pool.players[program] ?? 0;
  if (bound > wanted) problems.push(`${bound} head coaches have a child in ${label}, and each coaches their child's team: form at least ${bound} teams.`);
  else if (chosen.length < wanted) {
    const elsewhere = pool.coaches.length - free.length;
    problems.push(
      `${label} needs ${wanted} team(s) (${n} players, rosters of ${division.rosterSize}) but only ${chosen.length} head coach(es) of ${division.code} are free for it${elsewhere ? ` (${elsewhere} already coach another program)` : ''}. Grant the head-coach role for ${division.code} to more volunteers, or form fewer teams.`,
    );
  }
  return { teams: wanted, coaches: chosen, bound, unused: loose, problems };
}

/** A team's name: "10U Girls 3 (Smith)"; the program is left out when the division has only one. */
export function teamName(division: Division, program: Program, number: number, coachLastName: string | null): string {
  const base = division.programs.length > 1 ? `${division.name} ${PROGRAM_LABELS[program]} ${number}` : `${division.name} ${number}`;
  return coachLastName ? `${base} (${coachLastName})` : base;
}

/** Why a seed cannot be used (null when it can): a whole number people can type and read back. */
export function seedProblem(seed: number): string | null {
  return Number.isSafeInteger(seed) && seed >= 0 && seed <= 2_147_483_647 ? null : 'The seed must be a whole number from 0 to 2147483647.';
}

export interface JerseyChange {
  playerId: string;
  jersey: number | null;
}

/** Every problem with a team's jersey numbers after the changes (0 to 99, one number per player). */
export function jerseyProblems(
  current: ReadonlyMap<string, { name: string; jersey: number | null }>,
  changes: readonly JerseyChange[],
): { next: Map<string, number | null>; problems: string[] } {
  const next = new Map([...current].map(([id, p]) => [id, p.jersey]));
  const problems: string[] = [];
  for (const c of changes) {
    const p = current.get(c.playerId);
    if (!p) problems.push(`Player ${c.playerId} is not on this team.`);
    else if (c.jersey !== null && !(Number.isInteger(c.jersey) && c.jersey >= 0 && c.jersey <= 99)) problems.push(`${p.name}: a jersey number is a whole number from 0 to 99.`);
    else next.set(c.playerId, c.jersey);
  }
  const holders = new Map<number, string[]>();
  for (const [id, n] of next) if (n !== null) holders.set(n, [...(holders.get(n) ?? []), current.get(id)!.name]);
  for (const [n, who] of holders) if (who.length > 1) problems.push(`Number ${n} is given to ${who.join(' and ')}; every player needs a different number.`);
  return { next, problems };
}

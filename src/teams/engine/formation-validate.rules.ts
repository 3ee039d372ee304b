import { isIsoDate } from '../../platform/csv.js';
import { AppError } from '../../platform/errors.js';
import type { FormationOptions, FormationPlayer, FormationTeam } from './formation-model.rules.js';
import { describeScale, gridIndex, scaleProblems, sumUnitDivisor, type RatingScale } from '../../players/rating-scale.rules.js';

export { describeScale, gridIndex, scaleProblems, sumUnitDivisor } from '../../players/rating-scale.rules.js';

/** One reason a formation request is refused. */
export interface FormationProblem {
  /** VALIDATION: a malformed value; FORMATION_IMPOSSIBLE: well-formed but no formation can satisfy it. */
  code: 'VALIDATION' | 'FORMATION_IMPOSSIBLE';
  message: string;
}

function optionProblems(options: FormationOptions): FormationProblem[] {
  const out: FormationProblem[] = [];
  const bad = (message: string) => out.push({ code: 'VALIDATION', message });
  if (!Number.isSafeInteger(options.seed)) bad(`The seed must be a whole number, not ${String(options.seed)}.`);
  const objective = options.objective ?? 'mean';
  if (objective !== 'mean' && objective !== 'sum') bad(`The objective must be "mean" or "sum", not "${String(objective)}".`);
  for (const m of scaleProblems(options.scale)) bad(m);
  if (objective === 'sum' && out.length === 0 && sumUnitDivisor(options.scale) === null) {
    bad(`The rating scale minimum ${options.scale.min} must be a simple multiple of the step ${options.scale.step}.`);
  }
  return out;
}

function teamProblems(teams: readonly FormationTeam[]): FormationProblem[] {
  const out: FormationProblem[] = [];
  if (teams.length === 0) {
    out.push({ code: 'FORMATION_IMPOSSIBLE', message: 'There are no teams to form: add at least one team to the division.' });
  }
  const seen = new Set<string>();
  for (const t of teams) {
    if (!t.teamId) out.push({ code: 'VALIDATION', message: 'A team has an empty team id.' });
    else if (seen.has(t.teamId)) out.push({ code: 'VALIDATION', message: `Team id ${t.teamId} is listed twice.` });
    seen.add(t.teamId);
    if (!t.coachId) out.push({ code: 'VALIDATION', message: `Team ${t.teamId} has no head coach id.` });
  }
  return out;
}

function playerProblems(p: FormationPlayer, scale: RatingScale | null, teamIds: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const who = `Player ${p.id}`;
  if (p.gender !== 'M' && p.gender !== 'F') out.push(`${who} has gender "${String(p.gender)}": use M or F.`);
  if (typeof p.birthDate !== 'string' || !isIsoDate(p.birthDate)) {
    out.push(`${who} has birth date "${String(p.birthDate)}": use a real date written YYYY-MM-DD.`);
  }
  if (scale && p.rating !== null && (typeof p.rating !== 'number' || gridIndex(p.rating, scale) === null)) {
    out.push(`${who} has rating ${String(p.rating)}, which is not on the scale ${describeScale(scale)}.`);
  }
  if (typeof p.goalkeeper !== 'boolean') out.push(`${who} has a goalkeeper flag that is not true or false.`);
  if (p.coachChildOf !== null && !teamIds.has(p.coachChildOf)) {
    out.push(`${who} is a coach's child of team ${p.coachChildOf}, which is not a team of this division.`);
  }
  return out;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Team sizes when n players fill k teams as evenly as possible: r teams of q + 1, the rest of q. */
export function sizePlan(n: number, k: number): { q: number; r: number } {
  return { q: Math.floor(n / k), r: n % k };
}

function pinProblems(players: readonly FormationPlayer[], teams: readonly FormationTeam[]): FormationProblem[] {
  const { q, r } = sizePlan(players.length, teams.length);
  const pinned = new Map<string, number>();
  for (const p of players) if (p.coachChildOf !== null) pinned.set(p.coachChildOf, (pinned.get(p.coachChildOf) ?? 0) + 1);
  const out: FormationProblem[] = [];
  let full = 0;
  for (const t of teams) {
    const c = pinned.get(t.teamId) ?? 0;
    const cap = r > 0 ? q + 1 : q;
    if (c > cap) {
      out.push({
        code: 'FORMATION_IMPOSSIBLE',
        message: `Team ${t.teamId} has ${c} coach's children but teams of this division hold at most ${cap} players: add players or check coach_child_of.`,
      });
    } else if (r > 0 && c === q + 1) full++;
  }
  if (full > r) {
    out.push({
      code: 'FORMATION_IMPOSSIBLE',
      message: `${count(full, 'team')} are filled to ${q + 1} by coach's children alone, but only ${count(r, 'team')} can have ${q + 1} players.`,
    });
  }
  return out;
}

/** Every reason this division cannot be formed (empty when it can). */
export function divisionProblems(players: readonly FormationPlayer[], teams: readonly FormationTeam[], options: FormationOptions): FormationProblem[] {
  const out = [...optionProblems(options), ...teamProblems(teams)];
  const teamIds = new Set(teams.map((t) => t.teamId));
  const seen = new Set<string>();
  const scale = scaleProblems(options.scale).length === 0 ? options.scale : null;
  for (const p of players) {
    if (!p.id) out.push({ code: 'VALIDATION', message: 'A player has an empty id.' });
    else if (seen.has(p.id)) out.push({ code: 'VALIDATION', message: `Player id ${p.id} is listed twice.` });
    seen.add(p.id);
    for (const message of playerProblems(p, scale, teamIds)) {
      out.push({ code: 'VALIDATION', message });
    }
  }
  if (teams.length > 0 && players.length < teams.length) {
    out.push({
      code: 'FORMATION_IMPOSSIBLE',
      message: `${count(players.length, 'player')} cannot fill ${count(teams.length, 'team')}: remove teams or add players.`,
    });
  }
  if (teams.length > 0 && players.length >= teams.length) out.push(...pinProblems(players, teams));
  return out;
}

/** Throws one AppError listing every problem (code VALIDATION if any value is malformed). */
export function refuse(problems: readonly FormationProblem[], where = ''): never {
  const code = problems.some((p) => p.code === 'VALIDATION') ? 'VALIDATION' : 'FORMATION_IMPOSSIBLE';
  const first = problems[0]?.message ?? 'The formation request is invalid.';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  throw new AppError(code, `Teams cannot be formed${where}: ${first}${more}`, { problems });
}

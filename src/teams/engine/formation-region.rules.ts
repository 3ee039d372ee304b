import { formDivision } from './formation-division.rules.js';
import type { Assignment, DivisionFormation, FormationOptions, FormationPlayer, FormationTeam, RatingObjective, RatingScale } from './formation-model.rules.js';
import { byText, divisionSeed } from './formation-model.rules.js';
import type { FormationProblem } from './formation-validate.rules.js';
import { divisionProblems, refuse } from './formation-validate.rules.js';

export interface RegionPlayer extends FormationPlayer {
  division: string;
}

export interface RegionTeam extends FormationTeam {
  division: string;
}

export interface RegionOptions {
  seed: number;
  objective?: RatingObjective;
  scale: RatingScale;
  /**
   * Which divisions are co-ed (girls balanced): one answer for all, one per division name, or by
   * default inferred from the players (a division with both boys and girls is co-ed).
   */
  coed?: boolean | Readonly<Record<string, boolean>>;
}

export interface DivisionResult extends DivisionFormation {
  division: string;
  /** The division's own seed, derived from the region seed and the division name. */
  seed: number;
}

export interface RegionFormation {
  /** In division name order. */
  divisions: DivisionResult[];
  /** Every player's team: divisions in name order, then team id, then player id. */
  assignments: Assignment[];
}

function groupBy<T extends { division: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.division);
    if (list) list.push(item);
    else out.set(item.division, [item]);
  }
  return out;
}

function isCoed(options: RegionOptions, division: string, players: readonly FormationPlayer[]): boolean {
  if (typeof options.coed === 'boolean') return options.coed;
  const set = options.coed?.[division];
  if (set !== undefined) return set;
  return players.some((p) => p.gender === 'F') && players.some((p) => p.gender === 'M');
}

/** Ids listed in two divisions (a player or a team belongs to exactly one). */
function crossDivisionProblems(players: readonly RegionPlayer[], teams: readonly RegionTeam[]): FormationProblem[] {
  const out: FormationProblem[] = [];
  const check = (kind: string, items: ReadonlyArray<{ id: string; division: string }>) => {
    const seen = new Map<string, string>();
    for (const { id, division } of items) {
      const first = seen.get(id);
      if (first !== undefined && first !== division) {
        out.push({ code: 'VALIDATION', message: `${kind} ${id} is listed in both division ${first} and division ${division}.` });
      }
      if (first === undefined) seen.set(id, division);
    }
  };
  check(
    'Player',
    players.map((p) => ({ id: p.id, division: p.division })),
  );
  check(
    'Team',
    teams.map((t) => ({ id: t.teamId, division: t.division })),
  );
  return out;
}

function plan(players: readonly RegionPlayer[], teams: readonly RegionTeam[], options: RegionOptions) {
  const byDivPlayers = groupBy(players);
  const byDivTeams = groupBy(teams);
  const names = [...new Set([...byDivPlayers.keys(), ...byDivTeams.keys()])].sort(byText);
  return names.map((division) => {
    const ps = byDivPlayers.get(division) ?? [];
    const ts = byDivTeams.get(division) ?? [];
    const divOptions: FormationOptions = {
      seed: divisionSeed(options.seed, division),
      objective: options.objective,
      scale: options.scale,
      coed: isCoed(options, division, ps),
    };
    return { division, players: ps, teams: ts, options: divOptions };
  });
}

/**
 * Forms every division of a region (grouping players and teams by division) with formDivision.
 * Each division draws with its own seed derived from the region seed and its name, so adding a
 * division does not change the others. The whole request is checked first and refused with one
 * AppError listing every problem of every division; nothing is formed half.
 */
export function formRegion(players: readonly RegionPlayer[], teams: readonly RegionTeam[], options: RegionOptions): RegionFormation {
  const problems = crossDivisionProblems(players, teams);
  if (!Number.isSafeInteger(options.seed)) {
    problems.push({ code: 'VALIDATION', message: `The seed must be a whole number, not ${String(options.seed)}.` });
  }
  const divisions = plan(players, teams, options);
  if (divisions.length === 0) problems.push({ code: 'FORMATION_IMPOSSIBLE', message: 'There are no players and no teams to form.' });
  for (const d of divisions) {
    for (const pr of divisionProblems(d.players, d.teams, d.options)) {
      problems.push({ code: pr.code, message: `Division ${d.division}: ${pr.message}` });
    }
  }
  if (problems.length > 0) refuse(problems);
  const results = divisions.map((d) => ({ division: d.division, seed: d.options.seed, ...formDivision(d.players, d.teams, d.options) }));
  return { divisions: results, assignments: results.flatMap((r) => r.assignments) };
}

/** What a division's draw is made from: its players with ratings and guardians, and its head coaches. */
import { AppError } from '../../platform/errors.js';
import type { Deps } from '../../platform/feature.js';
import { findDivision, findSeason } from '../../region/index.js';
import type { Division, RegionConfig } from '../../region/index.js';
import { programProblem, type Program } from '../../players/index.js';
import { playerLines, type PlayerLine } from '../../players/index.js';
import type { FormationPlayer, RatingScale } from '../engine/formation.rules.js';
import { drawDivision, drawFiles, type DrawFiles, type DrawTeam } from './draw.rules.js';
import { headCoachesOf, liveFormations, type DivisionKey, type StoredFormation } from './formation.store.js';
import { coachKey, type CoachPool } from '../teams.rules.js';

export interface DivisionInputs {
  key: DivisionKey;
  division: Division;
  /** Players of the program being formed. */
  lines: PlayerLine[];
  pool: CoachPool;
  /** Live formations of every program of the division. */
  formations: StoredFormation[];
}

/** Checks the season, division and program exist; answers the division. */
export function divisionOf(config: RegionConfig, key: DivisionKey): Division {
  if (!findSeason(config, key.seasonId)) throw new AppError('NOT_FOUND', `There is no season "${key.seasonId}" in the region configuration.`);
  const problem = programProblem(config, key.division, key.program);
  if (problem) throw new AppError('NOT_FOUND', problem);
  return findDivision(config, key.division)!;
}

/** Loads a division's players (all programs, to know coaches' children) and its head coaches. */
export async function loadDivision(deps: Pick<Deps, 'db'>, config: RegionConfig, key: DivisionKey): Promise<DivisionInputs> {
  const division = divisionOf(config, key);
  const all = await playerLines(deps, config, key.seasonId, { division: key.division });
  const coaches = await headCoachesOf(deps.db, key.seasonId, key.division);
  const formations = await liveFormations(deps.db, key.seasonId, key.division);
  const coachIds = new Set(coaches.map((c) => c.id));
  const childPrograms = new Map<string, Program[]>();
  const players: Partial<Record<Program, number>> = {};
  for (const p of all) {
    players[p.program] = (players[p.program] ?? 0) + 1;
    for (const g of p.guardians) if (coachIds.has(g.personId)) childPrograms.set(g.personId, [...new Set([...(childPrograms.get(g.personId) ?? []), p.program])]);
  }
  const reserved = new Map<string, Program>();
  const formed = new Set<Program>();
  for (const f of formations) {
    formed.add(f.program);
    if (f.program !== key.program) for (const t of f.record.teams) reserved.set(t.coachId, f.program);
  }
  const lines = all.filter((p) => p.program === key.program);
  return { key, division, lines, pool: { coaches, reserved, childPrograms, players, formed }, formations };
}

/**
 * The engine's players: rating as formation uses it, and `coachChildOf` the team of a guardian
 * who is a head coach of one of these teams (the spec's one exception to the random draw).
 */
export function formationPlayers(lines: readonly PlayerLine[], teamOfCoach: ReadonlyMap<string, string>): FormationPlayer[] {
  return lines.map((p) => ({
    id: p.id,
    gender: p.gender,
    birthDate: p.birthDate,
    rating: p.rating?.rating ?? null,
    coachChildOf: p.guardians.map((g) => teamOfCoach.get(g.personId)).find((t) => t !== undefined) ?? null,
    goalkeeper: p.goalkeeper,
  }));
}

/** The teams of a draw with each head coach's stable key (T.csv's coach_id). */
export function drawTeamsOf(inputs: DivisionInputs, teams: readonly { key: string; coachId: string }[]): DrawTeam[] {
  const coaches = new Map(inputs.pool.coaches.map((c) => [c.id, c]));
  return teams.map((t) => {
    const c = coaches.get(t.coachId);
    return { key: t.key, coachId: t.coachId, coachKey: c ? coachKey(c) : t.coachId };
  });
}

/** A program's draw files (P.csv, T.csv) as they are now, for these teams. */
export function filesOf(inputs: DivisionInputs, teams: readonly { key: string; coachId: string }[], scale: RatingScale): DrawFiles {
  return drawFiles(inputs.lines, drawTeamsOf(inputs, teams), drawDivision(inputs.key.division, inputs.key.program), scale);
}

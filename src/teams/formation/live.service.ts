/**
 * A division's teams as they are now: after publishing, the rosters (moves and swaps included)
 * measured with the engine beside the best any formation could reach.
 */
import { AppError } from '../../platform/errors.js';
import type { Deps } from '../../platform/feature.js';
import type { RegionConfig } from '../../region/index.js';
import type { PlayerLine } from '../../players/index.js';
import { evaluateFormation, type Assignment, type FormationPlayer, type FormationTeam, type RatingObjective } from '../engine/formation.rules.js';
import { currentFormation, type DivisionKey, type StoredFormation } from './formation.store.js';
import { formationPlayers, loadDivision, type DivisionInputs } from './inputs.service.js';
import { balanceOf, type AdjustContext, type Balance } from './adjust.rules.js';
import { nameOf, playersOfTeams, publishedTeams, staffOf, type StaffMember } from '../staff.store.js';

export interface LiveTeam {
  id: string;
  number: number;
  name: string;
  headCoach: StaffMember | null;
  assistants: StaffMember[];
  playerIds: string[];
}

export interface LiveDivision {
  teams: LiveTeam[];
  /** Players of the program on no team (registered or moved in after publishing). */
  unassigned: PlayerLine[];
  ctx: AdjustContext;
  engine: { players: FormationPlayer[]; teams: FormationTeam[]; objective: RatingObjective };
}

export interface DivisionState {
  inputs: DivisionInputs;
  formation: StoredFormation | null;
  live: LiveDivision | null;
  balance: Balance | null;
  balanceProblem: string | null;
}

/** Loads the published teams of a program and what the engine needs to measure them. */
export async function loadLive(deps: Pick<Deps, 'db'>, inputs: DivisionInputs, objective: RatingObjective): Promise<LiveDivision | null> {
  const rows = await publishedTeams(deps.db, inputs.key.seasonId, { division: inputs.key.division, program: inputs.key.program });
  if (!rows.length) return null;
  const ids = rows.map((t) => t.id);
  const [staff, members] = await Promise.all([staffOf(deps.db, ids), playersOfTeams(deps.db, ids)]);
  const teams: LiveTeam[] = rows.map((t) => {
    const s = staff.get(t.id) ?? [];
    return {
      id: t.id,
      number: Number(t.number),
      name: t.name,
      headCoach: s.find((m) => m.role === 'head-coach') ?? null,
      assistants: s.filter((m) => m.role === 'assistant-coach'),
      playerIds: members.filter((m) => m.teamId === t.id).map((m) => m.playerId),
    };
  });
  const teamOf = new Map(members.map((m) => [m.playerId, m.teamId]));
  const players = formationPlayers(inputs.lines, new Map(teams.filter((t) => t.headCoach).map((t) => [t.headCoach!.personId, t.id])));
  const names = new Map(inputs.lines.map((p) => [p.id, nameOf(p)]));
  return {
    teams,
    unassigned: inputs.lines.filter((p) => !teamOf.has(p.id)),
    ctx: { teamOf, players: new Map(players.map((p) => [p.id, { ...p, name: names.get(p.id)! }])), teams: new Map(teams.map((t) => [t.id, { name: t.name }])) },
    engine: { players, teams: teams.map((t) => ({ teamId: t.id, coachId: t.headCoach?.personId ?? 'no-head-coach' })), objective },
  };
}

/** Measures assignments of the live teams (only the players they place). */
export function measure(config: RegionConfig, key: DivisionKey, live: LiveDivision, assignments: readonly Assignment[]): Balance {
  const placed = new Set(assignments.map((a) => a.playerId));
  const players = live.engine.players.filter((p) => placed.has(p.id)).map((p) => (p.coachChildOf && !live.ctx.teams.has(p.coachChildOf) ? { ...p, coachChildOf: null } : p));
  const figures = evaluateFormation(
    players,
    live.engine.teams,
    { seed: 0, objective: live.engine.objective, scale: config.ratingScale, coed: key.program === 'coed' },
    assignments,
  );
  return balanceOf(figures);
}

export const currentAssignments = (live: LiveDivision): Assignment[] =>
  [...live.ctx.teamOf].filter(([id]) => live.ctx.players.has(id)).map(([playerId, teamId]) => ({ playerId, teamId }));

/** Everything the division page and the formation API show for one program. */
export async function divisionState(deps: Pick<Deps, 'db'>, config: RegionConfig, key: DivisionKey): Promise<DivisionState> {
  const inputs = await loadDivision(deps, config, key);
  const formation = (await currentFormation(deps.db, key)) ?? null;
  const live = await loadLive(deps, inputs, formation?.objective ?? config.formation.objective);
  if (!live) return { inputs, formation, live: null, balance: formation ? balanceOf(formation.record.figures) : null, balanceProblem: null };
  try {
    return { inputs, formation, live, balance: measure(config, key, live, currentAssignments(live)), balanceProblem: null };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { inputs, formation, live, balance: null, balanceProblem: e.message };
  }
}

/**
 * Changes to published teams (a move or a swap by the coach administrator) and how balance is
 * shown before and after. Pure.
 */
import type { Assignment, FormationFigures, FormationPlayer, TeamFigures } from '../engine/formation.rules.js';

export type Adjustment = { kind: 'move'; playerId: string; toTeamId: string } | { kind: 'swap'; playerId: string; otherPlayerId: string };

/** A formation's balance as the pages show it: the rating spread beside the best reachable. */
export interface Balance {
  objective: 'mean' | 'sum';
  /** Max minus min of the team means (or sums), measured on the teams as they are. */
  spread: number;
  /** The best spread any formation of these players into these teams could reach. */
  lowerBound: number;
  reachesBound: boolean;
  unratedCountsAs: number;
  meanStdDev: number;
  counts: FormationFigures['counts'];
  countsEven: boolean;
  /** Largest minus smallest team. */
  sizeSpread: number;
  teams: TeamFigures[];
}

const tidy = (x: number) => Math.round(x * 1e9) / 1e9;
const range = (xs: number[]) => (xs.length ? Math.max(...xs) - Math.min(...xs) : 0);

/**
 * The balance of a formation. The spread is measured from the teams' own figures, so it stays
 * right after moves that leave teams more than one player apart in size.
 */
export function balanceOf(f: FormationFigures): Balance {
  const sizeSpread = range(f.teams.map((t) => t.size));
  // The engine measures exactly when sizes are within one; beyond that, from the teams' figures.
  const exact = sizeSpread <= 1;
  const spread = exact ? f.spread : tidy(range(f.teams.map((t) => (f.objective === 'sum' ? t.ratingSum : t.ratingMean))));
  return {
    objective: f.objective,
    spread,
    lowerBound: f.lowerBound,
    reachesBound: exact ? f.reachesBound : spread <= f.lowerBound + 1e-6,
    unratedCountsAs: f.unratedCountsAs,
    meanStdDev: f.meanStdDev,
    counts: f.counts,
    countsEven: f.countsEven,
    sizeSpread,
    teams: f.teams,
  };
}

export interface AdjustContext {
  /** Current team of each player of the division and program (players without a team are absent). */
  teamOf: ReadonlyMap<string, string>;
  players: ReadonlyMap<string, FormationPlayer & { name: string }>;
  teams: ReadonlyMap<string, { name: string }>;
}

/** The assignments after the change, or every reason it cannot be made. */
export function applyAdjustment(ctx: AdjustContext, a: Adjustment): { assignments: Assignment[]; description: string; touched: string[] } | { problems: string[] } {
  const problems: string[] = [];
  const who = (id: string) => ctx.players.get(id);
  const team = (id: string | undefined) => (id ? (ctx.teams.get(id)?.name ?? id) : 'no team');
  const p = who(a.playerId);
  if (!p) return { problems: ['That player is not registered in this division and program.'] };
  const next = new Map(ctx.teamOf);
  let description: string;
  let touched: string[] = [];
  const keepsParent = (pl: FormationPlayer & { name: string }, to: string) => {
    if (pl.coachChildOf && pl.coachChildOf !== to)
      problems.push(`${pl.name} is the child of ${team(pl.coachChildOf)}'s head coach and plays on that team (the one exception to the draw).`);
  };
  if (a.kind === 'move') {
    if (!ctx.teams.has(a.toTeamId)) problems.push('That team is not a published team of this division and program.');
    else if (ctx.teamOf.get(a.playerId) === a.toTeamId) problems.push(`${p.name} is already on ${team(a.toTeamId)}.`);
    keepsParent(p, a.toTeamId);
    next.set(a.playerId, a.toTeamId);
    description = `Move ${p.name} from ${team(ctx.teamOf.get(a.playerId))} to ${team(a.toTeamId)}`;
    touched = [ctx.teamOf.get(a.playerId), a.toTeamId].filter((t): t is string => !!t);
  } else {
    const o = who(a.otherPlayerId);
    const [t1, t2] = [ctx.teamOf.get(a.playerId), o ? ctx.teamOf.get(a.otherPlayerId) : undefined];
    if (!o) return { problems: ['The other player is not registered in this division and program.'] };
    if (!t1 || !t2) problems.push('Both players must be on a team to swap them; place a player without a team with a move.');
    else if (t1 === t2) problems.push(`${p.name} and ${o.name} are on the same team.`);
    else {
      keepsParent(p, t2);
      keepsParent(o, t1);
      next.set(a.playerId, t2);
      next.set(a.otherPlayerId, t1);
      touched = [t1, t2];
    }
    description = `Swap ${p.name} (${team(t1)}) with ${o.name} (${team(t2)})`;
  }
  if (problems.length) return { problems };
  return { assignments: [...next].map(([playerId, teamId]) => ({ playerId, teamId })), description, touched };
}

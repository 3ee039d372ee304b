/**
 * `touchline teams verify`: whether a re-run draw gives exactly the teams of a published
 * assignment (A.csv). Pure: two assignments in, the differences out, one sentence each.
 */
import type { Assignment } from './engine/formation.rules.js';

export interface AssignmentComparison {
  identical: boolean;
  /** Players the two put on different teams, in player id order. */
  moved: { playerId: string; drawn: string; given: string }[];
  /** Players of the draw that the given assignment leaves out. */
  missing: string[];
  /** Players of the given assignment that the draw does not know (not in the players file). */
  unknown: string[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Compares the draw's assignment with the given one, player by player. */
export function compareAssignments(drawn: readonly Assignment[], given: readonly Assignment[]): AssignmentComparison {
  const givenTeam = new Map(given.map((a) => [a.playerId, a.teamId]));
  const drawnTeam = new Map(drawn.map((a) => [a.playerId, a.teamId]));
  const moved: AssignmentComparison['moved'] = [];
  const missing: string[] = [];
  for (const a of [...drawn].sort((x, y) => byText(x.playerId, y.playerId))) {
    const g = givenTeam.get(a.playerId);
    if (g === undefined) missing.push(a.playerId);
    else if (g !== a.teamId) moved.push({ playerId: a.playerId, drawn: a.teamId, given: g });
  }
  const unknown = given
    .map((a) => a.playerId)
    .filter((id) => !drawnTeam.has(id))
    .sort(byText);
  return { identical: moved.length === 0 && missing.length === 0 && unknown.length === 0, moved, missing, unknown };
}

/** The differences as lines a person reads (at most `limit`, then how many more). */
export function differenceLines(c: AssignmentComparison, limit = 50): string[] {
  const lines = [
    ...c.moved.map((m) => `player ${m.playerId}: the draw puts them on team ${m.drawn}, the assignment on team ${m.given}.`),
    ...c.missing.map((id) => `player ${id}: drawn onto a team, but missing from the assignment.`),
    ...c.unknown.map((id) => `player ${id}: in the assignment, but not in the players file.`),
  ];
  return lines.length > limit ? [...lines.slice(0, limit), `… and ${lines.length - limit} more.`] : lines;
}

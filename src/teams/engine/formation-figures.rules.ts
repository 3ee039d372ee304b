import type { CountSpreads, FormationFigures, TeamFigures } from './formation-model.rules.js';
import { tidy } from './formation-model.rules.js';
import type { Prepared } from './formation-prepare.rules.js';
import { ratingSumOf } from './formation-prepare.rules.js';
import { countCost, spreadOf, stateFrom } from './formation-state.rules.js';

function spreadOfValues(values: readonly number[]): number {
  return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
}

function teamFigures(p: Prepared, teamOf: ArrayLike<number>): TeamFigures[] {
  const figures = p.teams.map(
    (t): TeamFigures => ({
      teamId: t.teamId,
      coachId: t.coachId,
      size: 0,
      ratingSum: 0,
      ratingMean: 0,
      girls: 0,
      unrated: 0,
      keepers: 0,
      birthYears: Object.fromEntries(p.years.map((y) => [y, 0])),
    }),
  );
  const grid = new Array<number>(p.k).fill(0);
  p.players.forEach((pl, i) => {
    const f = figures[teamOf[i]!]!;
    f.size++;
    grid[teamOf[i]!]! += p.w[i]!;
    if (pl.gender === 'F') f.girls++;
    if (pl.rating === null) f.unrated++;
    if (pl.goalkeeper) f.keepers++;
    f.birthYears[pl.birthDate.slice(0, 4)]!++;
  });
  figures.forEach((f, t) => {
    const sum = ratingSumOf(p, f.size, grid[t]!);
    f.ratingSum = tidy(sum);
    f.ratingMean = f.size === 0 ? 0 : tidy(sum / f.size);
  });
  return figures;
}

function countSpreads(p: Prepared, teams: readonly TeamFigures[]): CountSpreads {
  return {
    girls: spreadOfValues(teams.map((t) => t.girls)),
    unrated: spreadOfValues(teams.map((t) => t.unrated)),
    keepers: spreadOfValues(teams.map((t) => t.keepers)),
    birthYears: Object.fromEntries(p.years.map((y) => [y, spreadOfValues(teams.map((t) => t.birthYears[y]!))])),
  };
}

function stdDev(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
}

/**
 * The figures of a complete formation (team index per player of the prepared division): each
 * team's size, ratings and balanced counts, the rating spread against its lower bound (both in
 * rating units), and the spreads of the balanced counts.
 */
export function figuresOf(p: Prepared, teamOf: ArrayLike<number>, lowerBoundKey: number): FormationFigures {
  const teams = teamFigures(p, teamOf);
  const state = stateFrom(p, teamOf);
  const spreadKey = spreadOf(p, state);
  return {
    teams,
    objective: p.objective,
    unratedCountsAs: tidy(p.scale.min + p.scale.step * p.unratedGrid),
    spread: tidy(spreadKey * p.key.unit),
    lowerBound: tidy(lowerBoundKey * p.key.unit),
    reachesBound: spreadKey <= lowerBoundKey,
    meanStdDev: tidy(stdDev(teams.map((t) => t.ratingMean))),
    counts: countSpreads(p, teams),
    countsEven: countCost(state) <= p.countFloor,
  };
}

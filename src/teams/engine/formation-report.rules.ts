import type { CountSpreads, RatingObjective, RatingScale, TeamFigures } from './formation-model.rules.js';
import type { RegionFormation, RegionOptions } from './formation-region.rules.js';

export interface DivisionReport {
  division: string;
  seed: number;
  players: number;
  rating: {
    objective: RatingObjective;
    spread: number;
    lowerBound: number;
    reachesBound: boolean;
    provenOptimal: boolean;
    unratedCountsAs: number;
    meanStdDev: number;
  };
  counts: CountSpreads;
  /** Every count as even as the coach's children allow. */
  countsEven: boolean;
  teams: TeamFigures[];
}

/** The offline run's JSON report (the --report file): plain data, no timestamps, so it is reproducible. */
export interface FormationReport {
  seed: number;
  objective: RatingObjective;
  scale: RatingScale;
  summary: {
    divisions: number;
    players: number;
    teams: number;
    divisionsOnBound: number;
    divisionsProvenOptimal: number;
    divisionsCountsEven: number;
  };
  divisions: DivisionReport[];
}

/**
 * What a board member needs to trust a formation: per division the teams' figures, the rating
 * spread next to the best any formation could reach, and the spreads of the balanced counts.
 */
export function buildFormationReport(result: RegionFormation, options: RegionOptions): FormationReport {
  const divisions = result.divisions.map(
    (d): DivisionReport => ({
      division: d.division,
      seed: d.seed,
      players: d.assignments.length,
      rating: {
        objective: d.objective,
        spread: d.spread,
        lowerBound: d.lowerBound,
        reachesBound: d.reachesBound,
        provenOptimal: d.provenOptimal,
        unratedCountsAs: d.unratedCountsAs,
        meanStdDev: d.meanStdDev,
      },
      counts: d.counts,
      countsEven: d.countsEven,
      teams: d.teams,
    }),
  );
  return {
    seed: options.seed,
    objective: options.objective ?? 'mean',
    scale: options.scale,
    summary: {
      divisions: divisions.length,
      players: result.assignments.length,
      teams: divisions.reduce((a, d) => a + d.teams.length, 0),
      divisionsOnBound: divisions.filter((d) => d.rating.reachesBound).length,
      divisionsProvenOptimal: divisions.filter((d) => d.rating.provenOptimal).length,
      divisionsCountsEven: divisions.filter((d) => d.countsEven).length,
    },
    divisions,
  };
}

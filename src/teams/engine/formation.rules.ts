/**
 * Balanced team formation: the entry of the engine (spec/rules.md "Team formation" and "Player
 * ratings") that the portal (../formation), `touchline teams form` and bench/teams use. Pure rules:
 * the caller loads players and teams, passes the seed, and stores the assignments. The parts live
 * in formation-*.rules.ts beside this file.
 */
export type {
  Assignment,
  CountSpreads,
  DivisionFormation,
  FormationFigures,
  FormationOptions,
  FormationPlayer,
  FormationTeam,
  Gender,
  RatingObjective,
  RatingScale,
  TeamFigures,
} from './formation-model.rules.js';
export { DEFAULT_RATING_SCALE, divisionSeed, FORMATION_ENGINE_VERSION } from './formation-model.rules.js';
export { evaluateFormation, formDivision } from './formation-division.rules.js';
export { formRegion } from './formation-region.rules.js';
export type { DivisionResult, RegionFormation, RegionOptions, RegionPlayer, RegionTeam } from './formation-region.rules.js';
export { greedyWeakest, randomDeal, snakeDraft } from './formation-baselines.rules.js';
export { buildFormationReport } from './formation-report.rules.js';
export type { DivisionReport, FormationReport } from './formation-report.rules.js';
export type { FormationProblem } from './formation-validate.rules.js';
export { describeScale, gridIndex, scaleProblems } from './formation-validate.rules.js';

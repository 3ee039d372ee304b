/** The front door of players: the only file other folders import. */
export { BOARD_VIEWERS, FORMERS, REGISTRARS } from './players.access.js';
export { playersFeature } from './players.routes.js';
export type { Program } from './players.rules.js';
export { PROGRAM_LABELS, programProblem, ratingProblem } from './players.rules.js';
export type { PlayerLine } from './players.service.js';
export { playerLines } from './players.service.js';
export type { Guardian } from './players.store.js';
export { countsByProgram, guardiansOf, inSlices, seasonPlayers } from './players.store.js';
export { ratingText } from './players.views.js';
export { putRating } from './players-write.store.js';
export type { RatingScale } from './rating-scale.rules.js';
export { DEFAULT_RATING_SCALE, describeScale, gridIndex, scaleProblems, sumUnitDivisor } from './rating-scale.rules.js';
export { programsOf, seasonIdOf, seasonOptions } from './season.service.js';

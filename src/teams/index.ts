/** The front door of teams: the only file other folders import. */
export type { Assignment, FormationFigures, FormationOptions, RatingObjective, RegionPlayer, RegionTeam } from './formation.rules.js';
export { DEFAULT_RATING_SCALE, divisionSeed, evaluateFormation, formRegion, greedyWeakest, randomDeal, snakeDraft } from './formation.rules.js';
export { registerTeamCommands } from './teams.cli.js';
export { demoTeams } from './teams.demo.js';
export { teamsFeature } from './teams.feature.js';
export type { TeamRow } from './teams.store.js';
export { coachesTeam, findTeam, listTeams, rosterOf, teamsCoachedBy } from './teams.store.js';

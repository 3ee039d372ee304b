/**
 * The front door of teams: the only file other folders import. Inside: engine/ (the pure balanced
 * formation engine, also behind `touchline teams form` and bench/teams), formation/ (drawing,
 * publishing and adjusting a division's teams), roster/ (a team's roster, jersey numbers, printing
 * and the association's upload file), ratings/ (the rating window and coaches' ratings),
 * assistants/ (assistant coaches and offers). The top level holds what they share (access, the
 * teams and staff stores, tables), the Teams page, the demo step and the command line.
 */
export type { Assignment, FormationFigures, FormationOptions, RatingObjective, RegionPlayer, RegionTeam } from './engine/formation.rules.js';
export { DEFAULT_RATING_SCALE, divisionSeed, evaluateFormation, formRegion, greedyWeakest, randomDeal, snakeDraft } from './engine/formation.rules.js';
export { demoTeams } from './teams.demo.js';
export { teamsFeature } from './teams.feature.js';
export type { TeamRow } from './teams.store.js';
export { coachesTeam, findTeam, listTeams, rosterOf, teamsCoachedBy } from './teams.store.js';
export { insertTeams } from './formation/published-teams.store.js';
export { setJersey } from './roster/roster.store.js';
export { addStaff } from './staff.store.js';
export { staffOf } from './staff.store.js';

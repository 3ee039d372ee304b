/**
 * The front door of gamecards: the only file other folders import. Inside, from the bottom up:
 * playing-time/ (the playing-time rule and its check: pure rules), games/ (the schedule: games,
 * CSV import), cards/ (a team's card of a game: filling in, submitting, the PDF, jersey numbers),
 * planner/ (the rotation planner) and reports/ (the season's playing time and the cards that break
 * the rule). The top level holds what they share (who may see what, the staff reads, the API schema
 * pieces, the card's address), the tables, the feature registration and the demo step.
 */
export { demoGames } from './gamecards.demo.js';
export { gamecardsFeature } from './gamecards.feature.js';
export type { Game } from './games/games.store.js';
export { cardStatuses, listGames } from './games/games.store.js';

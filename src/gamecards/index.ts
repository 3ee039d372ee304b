/** The front door of gamecards: the only file other folders import. */
export { demoGames } from './gamecards.demo.js';
export { gamecardsFeature } from './gamecards.feature.js';
export { cardStatuses, listGames } from './games.store.js';

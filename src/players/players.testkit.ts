/** Test support of players: what tests, browser tests and benchmarks of other folders use besides index.ts. */
export { ratingForFormation } from './players.rules.js';
export { ratingsOf } from './players.store.js';
export { importPlayers } from './import.service.js';

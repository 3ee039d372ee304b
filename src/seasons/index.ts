/**
 * The front door of seasons: the only file other folders import. "Start the next season": the
 * coach administrator previews and starts it in one step; last season's coaches are offered their
 * role again (own table, answered with one click), practice windows are carried over as drafts.
 */
export { seasonsFeature } from './seasons.feature.js';

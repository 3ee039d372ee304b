/**
 * The front door of families: the only file other folders import. A parent's or guardian's view of
 * their children this season (matched by the email on the player's registration): the team, its
 * coaches by name with a form to write to them, practices with the team's calendar feed, upcoming
 * games and the notices the team's families were sent; on /family, the home page and
 * GET /api/v1/me/children. The mails when teams are published and a practice moves are sent by
 * teams and practice (they cannot depend on this folder).
 */
export { familiesFeature } from './families.feature.js';
export { guardianLabel } from './families.service.js';

/** The teams feature: team formation, rosters, ratings, exports and assistant coaches. */
import type { FastifyRequest } from 'fastify';
import type { Deps, Feature, HomeCard } from '../platform/feature.js';
import { hasAnyRole } from '../platform/http/access.js';
import { seasonNow } from '../region/index.js';
import { TEAM_PAGES } from './teams.access.js';
import { offersFor } from './assistants/assistants.service.js';
import { ratingWindow } from './ratings/ratings.service.js';
import { myTeams, teamsRoutes } from './teams.routes.js';
import { divisionRoutes } from './formation/division.routes.js';
import { rosterRoutes } from './roster/roster.routes.js';
import { formationApi } from './formation/formation.api.js';
import { teamsApi } from './teams.api.js';
import { drawRoutes } from './formation/draw.routes.js';
import { drawApi } from './formation/draw.api.js';

/** A coach's teams and open offers on the home page; a reminder while ratings are open. */
async function teamsHome(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!req.auth || !hasAnyRole(req.auth, TEAM_PAGES)) return [];
  const ref = seasonNow(await req.regionConfig(), deps.clock);
  if (!ref) return [];
  const [teams, offers, window] = await Promise.all([myTeams(deps, req.auth.personId, ref.season.id), offersFor(deps.db, req.auth.personId), ratingWindow(deps.db, ref.season.id)]);
  const cards: HomeCard[] = [];
  if (offers.length) {
    cards.push({
      title: 'Offers to assist a team',
      order: 8,
      body: (
        <p>
          {`You are offered to be an assistant coach of ${offers.map((o) => o.teamName).join(', ')}.`} <a href="/teams">Accept or decline</a>
        </p>
      ),
    });
  }
  if (teams.length) {
    cards.push({
      title: teams.length === 1 ? 'Your team' : 'Your teams',
      order: 12,
      body: (
        <>
          <ul>
            {teams.map((t) => (
              <li>
                <a href={`/teams/${encodeURIComponent(t.id)}`}>{t.name}</a> ({t.role})
              </li>
            ))}
          </ul>
          {window.open ? <p class="status-warn">Ratings are open: rate every player of your team on its page.</p> : null}
        </>
      ),
    });
  }
  return cards;
}

export const teamsFeature: Feature = {
  name: 'teams',
  nav: [{ href: '/teams', label: 'Teams', access: TEAM_PAGES, order: 41 }],
  home: teamsHome,
  routes: (app, deps) => {
    teamsRoutes(app, deps);
    divisionRoutes(app, deps);
    rosterRoutes(app, deps);
    formationApi(app, deps);
    teamsApi(app, deps);
    drawRoutes(app, deps);
    drawApi(app, deps);
  },
};

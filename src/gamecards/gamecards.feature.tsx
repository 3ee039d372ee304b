import type { FastifyRequest } from 'fastify';
import type { Deps, Feature, HomeCard } from '../platform/feature.js';
import { regionToday } from '../region/index.js';
import { cardPath } from './gamecards.views.js';
import { cardRoutes } from './cards/card.routes.js';
import { cardsApi } from './cards/cards.api.js';
import { jerseysApi } from './cards/jerseys.api.js';
import { jerseyRoutes } from './cards/jerseys.routes.js';
import { gamesApi } from './games/games.api.js';
import { gamesFor } from './games/games.service.js';
import { gamesRoutes } from './games/games.routes.js';
import { planApi } from './planner/planner.api.js';
import { planRoutes } from './planner/plan.routes.js';
import { playingTimeApi } from './playing-time/playing-time.api.js';
import { reportsApi } from './reports/reports.api.js';
import { reportRoutes } from './reports/reports.routes.js';

/** A coach's next games and the cards still to submit; the board's count of cards that break the rule. */
async function gamesHome(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!req.auth) return [];
  const config = await req.regionConfig();
  const r = await gamesFor(deps, req.auth, {}).catch(() => null);
  if (!r) return [];
  const out: HomeCard[] = [];
  if (r.board) {
    const bad = r.games.flatMap((g) => Object.values(g.cards)).filter((c) => c?.status === 'submitted' && c.violations > 0).length;
    if (bad > 0)
      out.push({
        title: 'Game cards',
        order: 30,
        body: (
          <p>
            {`${bad} submitted card${bad === 1 ? ' breaks' : 's break'} the playing-time rule. `}
            <a href="/games/reports/violations">See them</a>
          </p>
        ),
      });
    return out;
  }
  const today = regionToday(config, deps.clock);
  const withCards = new Set(config.divisions.filter((d) => d.gameCard).map((d) => d.code));
  const due = r.games
    .filter((g) => g.date <= today && withCards.has(g.division))
    .flatMap((g) => g.myTeams.filter((t) => g.cards[t]?.status !== 'submitted').map((t) => ({ g, t })));
  const next = r.games.filter((g) => g.date >= today).slice(0, 3);
  if (due.length === 0 && next.length === 0) return out;
  out.push({
    title: 'Games',
    order: 30,
    body: (
      <>
        {due.length > 0 ? (
          <p>
            {`${due.length} game card${due.length === 1 ? '' : 's'} to submit: `}
            {due.slice(0, 3).map(({ g, t }, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <a href={cardPath(g.id, t)}>{g.date}</a>
              </>
            ))}
          </p>
        ) : null}
        {next.length > 0 ? (
          <ul>
            {next.map((g) => (
              <li>{`${g.date} ${g.time}: #${g.home.number} ${g.home.name} v #${g.away.number} ${g.away.name}`}</li>
            ))}
          </ul>
        ) : null}
        <a href="/games">All games</a>
      </>
    ),
  });
  return out;
}

/** Games, game cards, the rotation planner and the playing-time reports. */
export const gamecardsFeature: Feature = {
  name: 'gamecards',
  nav: [{ href: '/games', label: 'Games', access: ['head-coach', 'assistant-coach', 'coach-administrator', 'region-administrator'], order: 50 }],
  home: gamesHome,
  routes: async (app, deps) => {
    gamesApi(app, deps);
    reportsApi(app, deps);
    cardsApi(app, deps);
    planApi(app, deps);
    jerseysApi(app, deps);
    playingTimeApi(app);
    await gamesRoutes(app, deps);
    jerseyRoutes(app, deps);
    cardRoutes(app, deps);
    planRoutes(app, deps);
    reportRoutes(app, deps);
  },
};

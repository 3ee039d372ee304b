import type { Feature } from '../platform/feature.js';
import { STARTERS } from './seasons.access.js';
import { seasonsApi } from './seasons.api.js';
import { offerCards } from './seasons.home.js';
import { seasonsRoutes } from './seasons.routes.js';

/** The next season in one step: roles of last season offered again, practice windows carried over as drafts. */
export const seasonsFeature: Feature = {
  name: 'seasons',
  nav: [{ href: '/seasons/next', label: 'Next season', access: STARTERS, order: 86 }],
  home: offerCards,
  routes: (app, deps) => {
    seasonsRoutes(app, deps);
    seasonsApi(app, deps);
  },
};

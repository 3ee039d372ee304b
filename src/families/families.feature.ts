import type { Feature } from '../platform/feature.js';
import { familiesApi } from './families.api.js';
import { familyCards } from './families.home.js';
import { familiesRoutes } from './families.routes.js';

/** Families: a parent or guardian sees their children's teams (page, home cards, GET /api/v1/me/children) and writes to the coaches. */
export const familiesFeature: Feature = {
  name: 'families',
  home: familyCards,
  routes: (app, deps) => {
    familiesRoutes(app, deps);
    familiesApi(app, deps);
  },
};

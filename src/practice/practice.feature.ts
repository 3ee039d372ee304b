import type { Feature } from '../platform/feature.js';
import { PRACTICE_ADMIN, PRACTICE_NAV, PRACTICE_VIEW } from './practice.access.js';
import { practiceHome } from './practice.home.js';
import { bookingRoutes } from './booking/booking.routes.js';
import { bookingApi } from './booking/booking.api.js';
import { scheduleRoutes } from './schedule/schedule.routes.js';
import { setupRoutes } from './setup/setup.routes.js';
import { setupApi } from './setup/setup.api.js';

/**
 * Practice field sign-up: slots, bookings under a rush, schedules, calendar feeds. booking/ is the
 * coach booking a slot, schedule/ who practises when (team schedule, field grid, calendar feeds),
 * setup/ the coach administrator preparing the season (windows, slots, sign-up dates).
 */
export const practiceFeature: Feature = {
  name: 'practice',
  nav: [
    { href: '/practice', label: 'Practice', access: PRACTICE_NAV, order: 40 },
    { href: '/practice/grid', label: 'Fields', access: PRACTICE_VIEW, order: 41 },
    { href: '/practice/admin', label: 'Practice admin', access: PRACTICE_ADMIN, order: 42 },
  ],
  home: practiceHome,
  routes: (app, deps) => {
    bookingRoutes(app, deps);
    scheduleRoutes(app, deps);
    setupRoutes(app, deps);
    bookingApi(app, deps);
    setupApi(app, deps);
  },
};

import type { Feature } from '../platform/feature.js';
import { assessmentsApi } from './assessments/assessments.api.js';
import { assessmentRoutes } from './assessments/assessments.routes.js';
import { coverageRoutes } from './coverage/coverage.routes.js';
import { ANYONE, STAFF } from './mentoring.access.js';
import { mentoringHome } from './mentoring.home.js';
import { overviewRoutes } from './overview/overview.routes.js';
import { sessionsApi } from './sessions/sessions.api.js';
import { sessionRoutes } from './sessions/sessions.routes.js';

/**
 * Coach mentoring (rules.md, Coach mentoring): mentors publish weekly sessions and coaches sign up
 * (with a waitlist); mentors assess coaches at practices and games, shared one to one; the coach
 * administrator follows coverage.
 */
export const mentoringFeature: Feature = {
  name: 'mentoring',
  nav: [
    { href: '/mentoring', label: 'Mentoring', access: ANYONE, order: 50 },
    { href: '/mentoring/coverage', label: 'Coverage', access: STAFF, order: 52 },
  ],
  home: mentoringHome,
  routes: (app, deps) => {
    overviewRoutes(app, deps);
    sessionRoutes(app, deps);
    assessmentRoutes(app, deps);
    coverageRoutes(app, deps);
    sessionsApi(app, deps);
    assessmentsApi(app, deps);
  },
};

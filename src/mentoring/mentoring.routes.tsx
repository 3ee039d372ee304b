import type { FastifyRequest } from 'fastify';
import type { Deps, Feature, HomeCard } from '../platform/feature.js';
import { hasAnyRole } from '../platform/http/access.js';
import { assessmentsApi } from './assessments.api.js';
import { assessmentRoutes } from './assessments.routes.js';
import { listAssessments } from './assessments.store.js';
import { coverageRoutes } from './coverage.routes.js';
import { ANYONE, COACHES, STAFF, viewerOf } from './mentoring.http.js';
import { sessionsApi } from './sessions.api.js';
import { sessionRoutes } from './sessions.routes.js';
import { signupsOfPerson } from './sessions.store.js';

/** The coach's card on the home page: sign-ups and assessments waiting to be read. */
async function home(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!hasAnyRole(req.auth, COACHES)) return [];
  const v = viewerOf(req);
  const signups = await signupsOfPerson(deps.db, v.personId, deps.clock.now().toISOString());
  const unread = (await listAssessments(deps.db, { coachId: v.personId, limit: 50 })).filter((a) => !a.acknowledgedAt).length;
  const confirmed = signups.filter((s) => s.status === 'confirmed').length;
  const waiting = signups.length - confirmed;
  const lines = [
    confirmed ? `You are signed up for ${confirmed} mentoring session${confirmed > 1 ? 's' : ''}.` : 'Mentors run sessions every week: sign up for one.',
    ...(waiting ? [`You are on the waitlist of ${waiting}.`] : []),
    ...(unread ? [`${unread} assessment${unread > 1 ? 's' : ''} of your coaching to read.`] : []),
  ];
  return [{ title: 'Mentoring', order: 40, body: <p>{lines.join(' ')} <a href="/mentoring">Open mentoring</a></p> }];
}

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
  home,
  routes: (app, deps) => {
    sessionRoutes(app, deps);
    assessmentRoutes(app, deps);
    coverageRoutes(app, deps);
    sessionsApi(app, deps);
    assessmentsApi(app, deps);
  },
};

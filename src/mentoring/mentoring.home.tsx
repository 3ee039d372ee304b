import type { FastifyRequest } from 'fastify';
import type { Deps, HomeCard } from '../platform/feature.js';
import { hasAnyRole } from '../platform/http/access.js';
import { listAssessments } from './assessments/assessments.store.js';
import { COACHES } from './mentoring.access.js';
import { viewerOf } from './mentoring.http.js';
import { signupsOfPerson } from './sessions/sessions.store.js';

/** The coach's card on the home page: sign-ups and assessments waiting to be read. */
export async function mentoringHome(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
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
  return [
    {
      title: 'Mentoring',
      order: 40,
      body: (
        <p>
          {lines.join(' ')} <a href="/mentoring">Open mentoring</a>
        </p>
      ),
    },
  ];
}

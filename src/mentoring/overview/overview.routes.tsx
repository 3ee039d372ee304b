import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { flash, page } from '../../platform/http/pages.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { listAssessments } from '../assessments/assessments.store.js';
import { ANYONE, COACHES, holds, MENTORS } from '../mentoring.access.js';
import { hidden, viewerOf } from '../mentoring.http.js';
import { placeOf } from '../sessions/sessions.routes.js';
import { cancelSignup, sessionsForCoach, signUp } from '../sessions/sessions.service.js';
import { OverviewPage } from './overview.views.js';

/** /mentoring: the coach's sessions and assessments, the mentor's and coach administrator's shortcuts. */
export async function overviewPage(req: FastifyRequest, reply: FastifyReply, deps: Deps, errors?: string[], status = 200) {
  const v = viewerOf(req);
  const isCoach = holds(v, COACHES);
  const d = {
    isCoach,
    isMentor: holds(v, MENTORS),
    isCoachAdmin: holds(v, ['coach-administrator']),
    sessions: isCoach ? await sessionsForCoach(deps, v) : [],
    aboutMe: isCoach ? await listAssessments(deps.db, { coachId: v.personId, limit: 50 }) : [],
    written: holds(v, MENTORS) ? await listAssessments(deps.db, { mentorId: v.personId, limit: 50 }) : [],
  };
  const at = await placeOf(req, deps);
  return page(req, reply, 'Mentoring', (ctx) => <OverviewPage ctx={ctx} d={d} at={at} errors={errors} />, { status });
}

/** The coach's page, and signing up or cancelling from it (a refusal shows the page again with the message). */
export function overviewRoutes(app: App, deps: Deps): void {
  app.get('/mentoring', { config: { access: ANYONE }, schema: hidden }, (req, reply) => overviewPage(req, reply, deps));
  const act = (req: FastifyRequest, reply: FastifyReply, run: () => Promise<string>) =>
    handleForm(
      reply,
      async () => {
        flash(reply, await run());
        return reply.redirect('/mentoring', 303);
      },
      (errors, status) => overviewPage(req, reply, deps, errors, status),
    );
  app.post('/mentoring/sessions/:id/signup', { config: { access: COACHES }, schema: hidden }, (req, reply) =>
    act(req, reply, async () => {
      const r = await signUp(deps, viewerOf(req), (req.params as { id: string }).id, formBody(req).waitlist === '1');
      return r.status === 'confirmed'
        ? 'You are signed up. The confirmation with a calendar event is in your mail.'
        : `The session is full: you are number ${r.waitlistPlace} on the waitlist. We will mail you if a place frees up.`;
    }),
  );
  app.post('/mentoring/sessions/:id/cancel', { config: { access: COACHES }, schema: hidden }, (req, reply) =>
    act(req, reply, async () => {
      await cancelSignup(deps, viewerOf(req), (req.params as { id: string }).id);
      return 'Done: your place is given back.';
    }),
  );
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../platform/feature.js';
import { flash, page } from '../platform/http/pages.js';
import { formBody, handleForm, type FormBody } from '../platform/http/forms.js';
import { seasonNow } from '../region/index.js';
import { listAssessments } from './assessments.store.js';
import { seasonTeams } from './coverage.store.js';
import type { FormState } from '../platform/views/components.js';
import { ANYONE, COACHES, hidden, holds, MENTORS, STAFF, teamLinks, viewerOf } from './mentoring.http.js';
import { sessionsForCoach } from './overview.service.js';
import { OverviewPage } from './overview.views.js';
import type { SessionInput } from './sessions.rules.js';
import { cancelSession, cancelSignup, publishSessions, sessionRoster, signUp } from './sessions.service.js';
import { listSessions } from './sessions.store.js';
import { MentorSessionsView, RosterView, SessionForm, type Place } from './sessions.views.js';

const int = (v: string | undefined) => (v !== undefined && /^\d{1,6}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);

/** The publish form as a session input (numbers that are not numbers fail validation with a message). */
export function sessionInputOf(f: FormBody): SessionInput {
  return {
    kind: f.kind ?? '',
    topic: f.topic ?? '',
    date: f.date ?? '',
    startTime: f.startTime ?? '',
    minutes: int(f.minutes),
    fieldId: f.fieldId ?? '',
    place: f.place ?? '',
    teamId: f.teamId ?? '',
    capacity: int(f.capacity),
    cutoffHours: int(f.cutoffHours),
    repeatWeeks: int(f.repeatWeeks || '1'),
  };
}

export async function placeOf(req: FastifyRequest, deps: Deps): Promise<Place> {
  const c = await req.regionConfig();
  return { fields: c.fields, timeZone: c.region.timeZone, now: deps.clock.now().toISOString() };
}

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

function coachRoutes(app: App, deps: Deps) {
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
      return r.status === 'confirmed' ? 'You are signed up. The confirmation with a calendar event is in your mail.' : `The session is full: you are number ${r.waitlistPlace} on the waitlist. We will mail you if a place frees up.`;
    }),
  );
  app.post('/mentoring/sessions/:id/cancel', { config: { access: COACHES }, schema: hidden }, (req, reply) =>
    act(req, reply, async () => {
      await cancelSignup(deps, viewerOf(req), (req.params as { id: string }).id);
      return 'Done: your place is given back.';
    }),
  );
}

function mentorRoutes(app: App, deps: Deps) {
  app.get('/mentoring/sessions', { config: { access: STAFF }, schema: hidden }, async (req, reply) => {
    const sessions = await listSessions(deps.db, { from: deps.clock.now().toISOString() });
    const at = await placeOf(req, deps);
    return page(req, reply, 'Mentoring sessions', () => <MentorSessionsView sessions={sessions} at={at} canPublish={holds(viewerOf(req), MENTORS)} />);
  });
  const form = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const c = await req.regionConfig();
    const teams = await seasonTeams(deps.db, seasonNow(c, deps.clock)?.season.id ?? '');
    return page(req, reply, 'Publish a mentoring session', (ctx) => <SessionForm ctx={ctx} data={{ fields: c.fields, teams }} state={state} />, { status });
  };
  app.get('/mentoring/sessions/new', { config: { access: MENTORS }, schema: hidden }, (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    return form(req, reply, { values: { kind: q.kind ?? 'group', teamId: q.teamId ?? '' } });
  });
  app.post('/mentoring/sessions', { config: { access: MENTORS }, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const made = await publishSessions(deps, viewerOf(req), sessionInputOf(f));
        flash(reply, made.length === 1 ? 'Session published.' : `${made.length} weekly sessions published.`);
        return reply.redirect(made.length === 1 ? `/mentoring/sessions/${made[0]!.id}` : '/mentoring/sessions', 303);
      },
      (errors, status) => form(req, reply, { values: f, errors }, status),
    );
  });
  app.get('/mentoring/sessions/:id', { config: { access: STAFF }, schema: hidden }, async (req, reply) => {
    const r = await sessionRoster(deps, (req.params as { id: string }).id);
    const at = await placeOf(req, deps);
    const v = viewerOf(req);
    const canCancel = r.session.mentorId === v.personId && !r.session.cancelledAt && at.now < r.session.startsAt;
    const links = r.session.teamId ? teamLinks(app, r.session.teamId) : [];
    return page(req, reply, r.session.topic, (ctx) => <RosterView ctx={ctx} s={r.session} confirmed={r.confirmed} waitlist={r.waitlist} at={at} canCancel={canCancel} links={links} />);
  });
  app.post('/mentoring/sessions/:id/cancel-session', { config: { access: MENTORS }, schema: hidden }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    await cancelSession(deps, viewerOf(req), id);
    flash(reply, 'Session cancelled; everyone signed up or waiting was mailed.');
    return reply.redirect(`/mentoring/sessions/${encodeURIComponent(id)}`, 303);
  });
}

export function sessionRoutes(app: App, deps: Deps): void {
  coachRoutes(app, deps);
  mentorRoutes(app, deps);
}

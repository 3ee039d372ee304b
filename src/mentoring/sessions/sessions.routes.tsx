import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { flash, page } from '../../platform/http/pages.js';
import { formBody, handleForm, type FormBody } from '../../platform/http/forms.js';
import { seasonNow } from '../../region/index.js';
import type { FormState } from '../../platform/views/components.js';
import { holds, MENTORS, STAFF } from '../mentoring.access.js';
import { hidden, teamLinks, viewerOf } from '../mentoring.http.js';
import type { SessionInput } from './sessions.rules.js';
import { cancelSession, publishSessions, sessionRoster } from './sessions.service.js';
import { listSessions, seasonTeams } from './sessions.store.js';
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

/** The region's fields, its time zone and now: what session cards and rosters need to show times and places. */
export async function placeOf(req: FastifyRequest, deps: Deps): Promise<Place> {
  const c = await req.regionConfig();
  return { fields: c.fields, timeZone: c.region.timeZone, now: deps.clock.now().toISOString() };
}

/** Mentors publish and cancel sessions; mentors and the coach administrator read rosters (coaches sign up from the overview). */
export function sessionRoutes(app: App, deps: Deps): void {
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
    return page(req, reply, r.session.topic, (ctx) => (
      <RosterView ctx={ctx} s={r.session} confirmed={r.confirmed} waitlist={r.waitlist} at={at} canCancel={canCancel} links={links} />
    ));
  });
  app.post('/mentoring/sessions/:id/cancel-session', { config: { access: MENTORS }, schema: hidden }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    await cancelSession(deps, viewerOf(req), id);
    flash(reply, 'Session cancelled; everyone signed up or waiting was mailed.');
    return reply.redirect(`/mentoring/sessions/${encodeURIComponent(id)}`, 303);
  });
}

import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { ANYONE, COACHES, holds, MENTORS, STAFF } from '../mentoring.access.js';
import { viewerOf } from '../mentoring.http.js';
import { changeDeadline, DEFAULT_CUTOFF_HOURS, SESSION_LIMITS, type SessionKind } from './sessions.rules.js';
import { cancelSession, cancelSignup, publishSessions, sessionRoster, sessionsForCoach, signUp, type SessionForCoach } from './sessions.service.js';
import type { SessionRecord } from './sessions.store.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const L = SESSION_LIMITS;
const KindSchema = Type.Union([Type.Literal('group'), Type.Literal('practice-visit'), Type.Literal('game-visit')]);

export const SessionJson = Type.Object({
  id: Type.String(),
  seasonId: Type.String(),
  mentorId: Type.String(),
  mentorName: Type.String(),
  kind: KindSchema,
  topic: Type.String(),
  date: Type.String({ description: 'region-local date, YYYY-MM-DD' }),
  startTime: Type.String({ description: 'region-local time, HH:MM' }),
  minutes: Type.Integer(),
  startsAt: Type.String({ description: 'ISO-8601 UTC instant of the start' }),
  signupClosesAt: Type.String({ description: 'sign-up and cancelling close at this instant (cutoffHours before the start)' }),
  fieldId: Nullable(Type.String()),
  place: Type.String(),
  teamId: Nullable(Type.String()),
  teamName: Nullable(Type.String()),
  capacity: Type.Integer(),
  cutoffHours: Type.Integer(),
  seriesId: Nullable(Type.String()),
  cancelledAt: Nullable(Type.String()),
  confirmed: Type.Integer(),
  waiting: Type.Integer(),
  myStatus: Type.Union([Type.Literal('confirmed'), Type.Literal('waitlisted'), Type.Null()]),
  myPlace: Type.Union([Type.Integer(), Type.Null()], { description: 'your place on the waitlist (1 = next to move up)' }),
});

const json = (s: SessionRecord & Partial<Pick<SessionForCoach, 'myStatus' | 'myPlace'>>) => ({
  ...s,
  kind: s.kind as SessionKind,
  signupClosesAt: changeDeadline(s.startsAt, s.cutoffHours),
  myStatus: (s.myStatus ?? null) as 'confirmed' | 'waitlisted' | null,
  myPlace: s.myPlace ?? null,
});

const NewSession = Type.Object({
  kind: KindSchema,
  topic: Type.String({ maxLength: L.topic }),
  date: Type.String({ description: 'YYYY-MM-DD (region-local)' }),
  startTime: Type.String({ description: 'HH:MM (region-local)' }),
  minutes: Type.Integer({ minimum: L.minutes[0], maximum: L.minutes[1] }),
  fieldId: Type.Optional(Type.String({ description: "a field id of the region configuration; '' or absent with a place" })),
  place: Type.Optional(Type.String({ maxLength: L.place })),
  teamId: Type.Optional(Type.String({ description: 'the team visited (visits only)' })),
  capacity: Type.Integer({ minimum: L.capacity[0], maximum: L.capacity[1] }),
  cutoffHours: Type.Optional(Type.Integer({ minimum: L.cutoffHours[0], maximum: L.cutoffHours[1], default: DEFAULT_CUTOFF_HOURS })),
  repeatWeeks: Type.Optional(
    Type.Integer({ minimum: L.repeatWeeks[0], maximum: L.repeatWeeks[1], default: 1, description: 'publish the session on the same weekday for this many weeks' }),
  ),
});

const RosterRow = Type.Object({ personId: Type.String(), name: Type.String(), email: Nullable(Type.String()), signedUpAt: Type.String() });
const Id = Type.Object({ id: Type.String() });
const tags = ['mentoring'];

/** /api/v1/mentoring/sessions: publish, list, roster, sign up, waitlist, cancel. */
export function sessionsApi(app: App, deps: Deps): void {
  app.get(
    '/api/v1/mentoring/sessions',
    {
      config: { access: ANYONE },
      schema: {
        tags,
        summary: 'Upcoming sessions with your own status (coaches see group sessions and visits to their teams; mentors and the coach administrator see all)',
        response: { 200: Type.Array(SessionJson) },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      return (await sessionsForCoach(deps, v, { all: holds(v, STAFF) })).map(json);
    },
  );
  app.post(
    '/api/v1/mentoring/sessions',
    {
      config: { access: MENTORS },
      schema: {
        tags,
        summary: 'Publish a session, or one per week for repeatWeeks weeks (all or nothing)',
        body: NewSession,
        response: { 201: Type.Object({ sessions: Type.Array(SessionJson) }), 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const made = await publishSessions(deps, viewerOf(req), {
        ...b,
        fieldId: b.fieldId ?? '',
        place: b.place ?? '',
        teamId: b.teamId ?? '',
        cutoffHours: b.cutoffHours ?? DEFAULT_CUTOFF_HOURS,
        repeatWeeks: b.repeatWeeks ?? 1,
      });
      return reply.code(201).send({ sessions: made.map(json) });
    },
  );
  app.get(
    '/api/v1/mentoring/sessions/:id',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'A session with its roster and waitlist (mentors and the coach administrator)',
        params: Id,
        response: { 200: Type.Object({ session: SessionJson, confirmed: Type.Array(RosterRow), waitlist: Type.Array(RosterRow) }), 404: ErrorSchema },
      },
    },
    async (req) => {
      const r = await sessionRoster(deps, req.params.id);
      return { session: json(r.session), confirmed: r.confirmed, waitlist: r.waitlist };
    },
  );
  app.delete(
    '/api/v1/mentoring/sessions/:id',
    {
      config: { access: MENTORS },
      schema: {
        tags,
        summary: 'Cancel a session you published; everyone signed up or waiting is mailed',
        params: Id,
        response: { 204: Type.Null(), 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (req, reply) => {
      await cancelSession(deps, viewerOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/v1/mentoring/sessions/:id/signup',
    {
      config: { access: COACHES },
      schema: {
        tags,
        summary: 'Sign up (coaches). A full session answers 409 SESSION_FULL unless waitlist=true, which puts you on the waitlist',
        params: Id,
        querystring: Type.Object({ waitlist: Type.Optional(Type.Boolean()) }),
        response: {
          201: Type.Object({ status: Type.Union([Type.Literal('confirmed'), Type.Literal('waitlisted')]), waitlistPlace: Type.Union([Type.Integer(), Type.Null()]) }),
          403: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await signUp(deps, viewerOf(req), req.params.id, req.query.waitlist === true)),
  );
  app.delete(
    '/api/v1/mentoring/sessions/:id/signup',
    {
      config: { access: COACHES },
      schema: {
        tags,
        summary: 'Cancel your place (before the cut-off) or leave the waitlist; the first coach waiting moves up',
        params: Id,
        response: { 200: Type.Object({ cancelled: Type.Boolean(), someoneMovedUp: Type.Boolean() }), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (req) => ({ cancelled: true, someoneMovedUp: (await cancelSignup(deps, viewerOf(req), req.params.id)).promotedPersonId !== null }),
  );
}

import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { AppError } from '../../platform/errors.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { findTeam, listTeams } from '../../teams/index.js';
import { bookPractice, cancelBooking, moveBooking } from './booking.service.js';
import { bookingsWithSlots } from './bookings.store.js';
import { PRACTICE_ADMIN, PRACTICE_VIEW, whoOf } from '../practice.access.js';
import { fieldNameOf } from '../practice.rules.js';
import { resolveSeason } from '../season.service.js';
import { slotList, unbookedTeams } from './cards.service.js';
import { loadSignup } from './signup.store.js';
import { BookingSchema, SlotSchema, TeamSchema } from '../practice.schemas.js';

const AUTH = { access: 'authenticated' as const };
const TAGS = ['practice'];
const SeasonQuery = Type.Object({ season: Type.Optional(Type.String({ maxLength: 40, description: 'season id, e.g. 2026-fall; the current season when absent' })) });

const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };

async function seasonOf(req: FastifyRequest, deps: Deps, season?: string) {
  return resolveSeason(await req.regionConfig(), deps.clock, season).season.id;
}

function readRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/teams',
    {
      config: AUTH,
      schema: { tags: ['teams'], summary: "A season's teams with their head coach", querystring: SeasonQuery, response: { 200: Type.Array(TeamSchema), 404: ErrorSchema } },
    },
    async (req) => (await listTeams(deps.db, await seasonOf(req, deps, req.query.season))).map((t) => ({ ...t, season: t.seasonId })),
  );
  app.get(
    '/api/v1/practice/slots',
    {
      config: AUTH,
      schema: {
        tags: TAGS,
        summary: 'Practice slots with places left; with team, only the slots that team may book',
        querystring: Type.Object({ season: Type.Optional(Type.String({ maxLength: 40 })), team: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: Type.Array(SlotSchema), 404: ErrorSchema },
      },
    },
    async (req) => {
      const config = await req.regionConfig();
      const seasonId = await seasonOf(req, deps, req.query.season);
      if (!req.query.team) return slotList(deps, config, seasonId);
      const team = await findTeam(deps.db, req.query.team);
      if (!team || team.seasonId !== seasonId) throw new AppError('NOT_FOUND', `There is no team ${req.query.team} in season ${seasonId}.`);
      return slotList(deps, config, seasonId, team);
    },
  );
  app.get(
    '/api/v1/practice/bookings',
    {
      config: { access: PRACTICE_VIEW },
      schema: {
        tags: TAGS,
        summary: "A season's practice bookings (one team's with team): coaches and the board",
        querystring: Type.Object({ season: Type.Optional(Type.String({ maxLength: 40 })), team: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: Type.Array(BookingSchema), 404: ErrorSchema },
      },
    },
    async (req) => {
      const config = await req.regionConfig();
      const seasonId = await seasonOf(req, deps, req.query.season);
      const rows = await bookingsWithSlots(deps.db, seasonId, req.query.team ? [req.query.team] : undefined);
      return rows.map((b) => ({
        id: b.id,
        teamId: b.teamId,
        slotId: b.slotId,
        season: seasonId,
        field: b.slot.fieldId,
        fieldName: fieldNameOf(config, b.slot.fieldId),
        weekday: b.slot.weekday,
        start: b.slot.start,
        end: b.slot.end,
        via: b.via,
      }));
    },
  );
  app.get(
    '/api/v1/practice/signup',
    {
      config: AUTH,
      schema: {
        tags: TAGS,
        summary: 'When practice sign-up opens (per division when set) and the change deadline',
        querystring: SeasonQuery,
        response: {
          200: Type.Object({
            season: Type.String(),
            opensAt: Type.Union([Type.String(), Type.Null()]),
            divisionOpensAt: Type.Record(Type.String(), Type.String()),
            closesAt: Type.Union([Type.String(), Type.Null()]),
            blackouts: Type.Array(Type.String()),
          }),
          404: ErrorSchema,
        },
      },
    },
    async (req) => {
      const season = await seasonOf(req, deps, req.query.season);
      const s = await loadSignup(deps.db, season);
      return { season, opensAt: s.opensAt, divisionOpensAt: s.divisionOpensAt, closesAt: s.closesAt, blackouts: s.blackouts };
    },
  );
  app.get(
    '/api/v1/practice/unbooked',
    {
      config: { access: PRACTICE_ADMIN },
      schema: {
        tags: TAGS,
        summary: 'Teams with fewer practices booked than their weekly allotment',
        querystring: SeasonQuery,
        response: { 200: Type.Array(Type.Object({ team: TeamSchema, booked: Type.Integer(), perWeek: Type.Integer() })) },
      },
    },
    async (req) => {
      const config = await req.regionConfig();
      return (await unbookedTeams(deps, config, await seasonOf(req, deps, req.query.season))).map((u) => ({ ...u, team: { ...u.team, season: u.team.seasonId } }));
    },
  );
}

function writeRoutes(app: App, deps: Deps) {
  app.post(
    '/api/v1/practice/bookings',
    {
      config: AUTH,
      schema: {
        tags: TAGS,
        summary: 'Book a practice slot for a team you coach (first come, first served)',
        description:
          'One transaction: 201 with the booking; 409 SLOT_FULL (error.details.alternatives lists the nearest slots the team may still take) or ALREADY_BOOKED; 422 SIGNUP_CLOSED (with the opening time), ALLOTMENT_USED, FIELD_NOT_ALLOWED, SAME_DAY; 403 FORBIDDEN when you do not coach the team. The coach administrator may assign any team at any time (audited).',
        body: Type.Object({ teamId: Type.String({ minLength: 1, maxLength: 64 }), slotId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 201: BookingSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await bookPractice(deps, whoOf(req), req.body, await req.regionConfig())),
  );
  app.delete(
    '/api/v1/practice/bookings/:id',
    {
      config: AUTH,
      schema: {
        tags: TAGS,
        summary: 'Cancel a practice booking (until the change deadline; the coach administrator at any time)',
        params: Type.Object({ id: Type.String() }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await cancelBooking(deps, whoOf(req), req.params.id, await req.regionConfig());
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/v1/practice/bookings/:id/move',
    {
      config: AUTH,
      schema: {
        tags: TAGS,
        summary: 'Move a booking to another slot in one step (the old place is kept when the new one is refused)',
        params: Type.Object({ id: Type.String() }),
        body: Type.Object({ slotId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: BookingSchema, ...errors },
      },
    },
    async (req) => moveBooking(deps, whoOf(req), req.params.id, req.body.slotId, await req.regionConfig()),
  );
}

/** /api/v1 of practice sign-up (and the season's team list it needs); the administrator's calls are setup/setup.api.ts. */
export function bookingApi(app: App, deps: Deps): void {
  readRoutes(app, deps);
  writeRoutes(app, deps);
}

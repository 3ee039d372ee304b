import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { actorOf } from '../../platform/http/forms.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { slotView } from '../booking/booking.schemas.js';
import { PRACTICE_ADMIN } from '../practice.access.js';
import { resolveSeason } from '../season.service.js';
import { addSlot, addWindow, generateSeasonSlots, removeSlot, removeWindow, saveSignupSettings, setSlotCapacity } from './setup.service.js';
import { listWindows } from './windows.store.js';
import { SlotSchema } from '../practice.schemas.js';

const ADMIN = { access: PRACTICE_ADMIN };
const TAGS = ['practice administration'];
const SeasonQuery = Type.Object({ season: Type.Optional(Type.String({ maxLength: 40 })) });
const errors = { 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };
const Instant = Type.Union([Type.String({ description: 'ISO-8601 instant' }), Type.Null()]);
const Time = Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM' });

const WindowSchema = Type.Object({
  fieldId: Type.String({ minLength: 1, maxLength: 40 }),
  weekdays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { minItems: 1, maxItems: 7, description: '0 = Sunday' }),
  startTime: Time,
  endTime: Time,
  capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: "teams that fit at once; the field's capacity when absent" })),
  divisions: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { description: 'every division when absent' })),
});

function settingsRoutes(app: App, deps: Deps) {
  app.put(
    '/api/v1/practice/signup',
    {
      config: ADMIN,
      schema: {
        tags: TAGS,
        summary: "Set a season's sign-up opening (per division if wanted), change deadline and blackout dates",
        querystring: SeasonQuery,
        body: Type.Object({
          opensAt: Instant,
          closesAt: Instant,
          divisionOpensAt: Type.Optional(Type.Record(Type.String(), Type.String())),
          blackouts: Type.Optional(Type.Array(Type.String())),
        }),
        response: {
          200: Type.Object({ opensAt: Instant, closesAt: Instant, divisionOpensAt: Type.Record(Type.String(), Type.String()), blackouts: Type.Array(Type.String()) }),
          ...errors,
        },
      },
    },
    async (req) => {
      const config = await req.regionConfig();
      const season = resolveSeason(config, deps.clock, req.query.season).season.id;
      return saveSignupSettings(deps, config, actorOf(req), season, {
        opensAt: req.body.opensAt,
        closesAt: req.body.closesAt,
        divisionOpensAt: req.body.divisionOpensAt ?? {},
        blackouts: req.body.blackouts ?? [],
      });
    },
  );
  app.get(
    '/api/v1/practice/windows',
    {
      config: ADMIN,
      schema: {
        tags: TAGS,
        summary: "A season's practice windows",
        querystring: SeasonQuery,
        response: { 200: Type.Array(Type.Intersect([Type.Object({ id: Type.String(), draft: Type.Boolean() }), WindowSchema])), 404: ErrorSchema },
      },
    },
    async (req) => listWindows(deps.db, resolveSeason(await req.regionConfig(), deps.clock, req.query.season).season.id),
  );
  app.post(
    '/api/v1/practice/windows',
    {
      config: ADMIN,
      schema: {
        tags: TAGS,
        summary: 'Add a practice window (a field, weekdays and times the region offers)',
        querystring: SeasonQuery,
        body: WindowSchema,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) => {
      const config = await req.regionConfig();
      const season = resolveSeason(config, deps.clock, req.query.season).season.id;
      return reply.code(201).send({ id: await addWindow(deps, config, actorOf(req), season, req.body) });
    },
  );
  app.delete(
    '/api/v1/practice/windows/:id',
    {
      config: ADMIN,
      schema: {
        tags: TAGS,
        summary: 'Remove a practice window (slots stay until generated again)',
        querystring: SeasonQuery,
        params: Type.Object({ id: Type.String() }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await removeWindow(deps, actorOf(req), resolveSeason(await req.regionConfig(), deps.clock, req.query.season).season.id, req.params.id);
      return reply.code(204).send(null);
    },
  );
}

function slotRoutes(app: App, deps: Deps) {
  app.post(
    '/api/v1/practice/slots/generate',
    {
      config: ADMIN,
      schema: {
        tags: TAGS,
        summary: "Cut the season's windows into slots by each division's practice rule (never loses a booking)",
        querystring: SeasonQuery,
        response: {
          200: Type.Object({ added: Type.Integer(), updated: Type.Integer(), removed: Type.Integer(), total: Type.Integer(), notes: Type.Array(Type.String()) }),
          ...errors,
        },
      },
    },
    async (req) => {
      const config = await req.regionConfig();
      return generateSeasonSlots(deps, config, actorOf(req), resolveSeason(config, deps.clock, req.query.season).season.id);
    },
  );
  app.post(
    '/api/v1/practice/slots',
    {
      config: ADMIN,
      schema: {
        tags: TAGS,
        summary: 'Add one slot by hand',
        querystring: SeasonQuery,
        body: Type.Object({
          fieldId: Type.String({ maxLength: 40 }),
          weekday: Type.Integer({ minimum: 0, maximum: 6 }),
          start: Time,
          end: Time,
          capacity: Type.Integer({ minimum: 1, maximum: 50 }),
          divisions: Type.Optional(Type.Array(Type.String({ maxLength: 40 }))),
        }),
        response: { 201: SlotSchema, ...errors },
      },
    },
    async (req, reply) => {
      const config = await req.regionConfig();
      const slot = await addSlot(deps, config, actorOf(req), resolveSeason(config, deps.clock, req.query.season).season.id, req.body);
      return reply.code(201).send(slotView(config, slot, 0));
    },
  );
  app.patch(
    '/api/v1/practice/slots/:id',
    {
      config: ADMIN,
      schema: {
        tags: TAGS,
        summary: "Change a slot's capacity (never below the teams holding it)",
        params: Type.Object({ id: Type.String() }),
        body: Type.Object({ capacity: Type.Integer({ minimum: 1, maximum: 50 }) }),
        response: { 200: Type.Object({ id: Type.String(), capacity: Type.Integer() }), ...errors },
      },
    },
    async (req) => {
      const slot = await setSlotCapacity(deps, await req.regionConfig(), actorOf(req), req.params.id, req.body.capacity);
      return { id: slot.id, capacity: slot.capacity };
    },
  );
  app.delete(
    '/api/v1/practice/slots/:id',
    { config: ADMIN, schema: { tags: TAGS, summary: 'Remove a slot no team holds', params: Type.Object({ id: Type.String() }), response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await removeSlot(deps, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}

/** /api/v1 for the coach administrator: sign-up settings, windows and slots. */
export function setupApi(app: App, deps: Deps): void {
  settingsRoutes(app, deps);
  slotRoutes(app, deps);
}

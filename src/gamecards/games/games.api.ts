import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/forms.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { SCHEDULERS, visibleTeamIds } from '../gamecards.access.js';
import { GameBody, GameParams, GameSchema, gameJson } from './games.schemas.js';
import { createGame, editGame, gamesFor, importSchedule, removeGame } from './games.service.js';
import { findGame } from './games.store.js';

const tags = ['games'];
const AUTH = { access: 'authenticated' as const };
const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };

/** /api/v1/games: the schedule (read by coaches for their teams, kept by the coach administrator). */
export function gamesApi(app: App, deps: Deps): void {
  app.get(
    '/api/v1/games',
    {
      config: AUTH,
      schema: {
        tags,
        summary: "Games of a season: every game for the board, the caller's teams' games for a coach",
        querystring: Type.Object({ season: Type.Optional(Type.String()), division: Type.Optional(Type.String()), team: Type.Optional(Type.String()) }),
        response: { 200: Type.Array(GameSchema), ...errors },
      },
    },
    async (req) => {
      const r = await gamesFor(deps, req.auth!, { seasonId: req.query.season, division: req.query.division, teamId: req.query.team });
      const config = await req.regionConfig();
      return r.games.map((g) => gameJson(g, config));
    },
  );
  app.post(
    '/api/v1/games',
    {
      config: { access: SCHEDULERS },
      schema: { tags, summary: 'Schedule a game (coach administrator)', body: GameBody, response: { 201: GameSchema, ...errors } },
    },
    async (req, reply) => {
      const g = await createGame(deps, actorOf(req), req.body.season, req.body);
      return reply.code(201).send(gameJson(g, await req.regionConfig()));
    },
  );
  app.post(
    '/api/v1/games/import',
    {
      config: { access: SCHEDULERS },
      // Room for the csv field's 2,000,000 characters as JSON (the app's body limit is 1 MiB).
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import a schedule from CSV (columns date, time, field, home, away; optional division): all rows or none',
        description: 'Teams are given by name or id. Any bad row refuses the whole file: 422 with `details.errors`, one "Row N: reasons" per bad row.',
        body: Type.Object({ season: Type.Optional(Type.String()), csv: Type.String({ maxLength: 2_000_000 }) }),
        response: { 201: Type.Object({ season: Type.String(), imported: Type.Integer() }), ...errors },
      },
    },
    async (req, reply) => {
      const r = await importSchedule(deps, actorOf(req), req.body.season, req.body.csv);
      return reply.code(201).send({ season: r.seasonId, imported: r.count });
    },
  );
  app.get(
    '/api/v1/games/:id',
    {
      config: AUTH,
      schema: { tags, summary: "One game (its teams' coaches and the board)", params: GameParams, response: { 200: GameSchema, ...errors } },
    },
    async (req) => {
      const g = await findGame(deps.db, req.params.id);
      if (!g) throw notFound('That game');
      const visible = await visibleTeamIds(deps.db, req.auth!, g.seasonId);
      if (visible !== null && !visible.includes(g.home.id) && !visible.includes(g.away.id))
        throw forbidden("Only the coaches of this game's teams and the coach administrator see it.");
      return gameJson(g, await req.regionConfig());
    },
  );
  app.put(
    '/api/v1/games/:id',
    {
      config: { access: SCHEDULERS },
      schema: { tags, summary: 'Change a game (teams only while neither has started its card)', params: GameParams, body: GameBody, response: { 200: GameSchema, ...errors } },
    },
    async (req) => gameJson(await editGame(deps, actorOf(req), req.params.id, req.body), await req.regionConfig()),
  );
  app.delete(
    '/api/v1/games/:id',
    {
      config: { access: SCHEDULERS },
      schema: { tags, summary: 'Remove a game that has no card', params: GameParams, response: { 204: Type.Null(), ...errors } },
    },
    async (req, reply) => {
      await removeGame(deps, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}

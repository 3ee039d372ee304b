import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../platform/feature.js';
import { forbidden, notFound } from '../platform/errors.js';
import { actorOf } from '../platform/http/forms.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { SCHEDULERS, CARD_BOARD, visibleTeamIds } from './cards.context.js';
import { GameBody, GameParams, GameSchema, ViolationSchema, gameJson } from './gamecards.schemas.js';
import { createGame, editGame, gamesFor, importSchedule, removeGame } from './games.service.js';
import { findGame } from './games.store.js';
import { playingTimeCsv, playingTimeReport, violationsCsv, violationsReport } from './reports.service.js';

const tags = ['games'];
const AUTH = { access: 'authenticated' as const };
const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };

/** /api/v1/games: the schedule (read by coaches for their teams, kept by the coach administrator). */
export function gamesApi(app: App, deps: Deps): void {
  app.get('/api/v1/games', {
    config: AUTH,
    schema: {
      tags, summary: "Games of a season: every game for the board, the caller's teams' games for a coach",
      querystring: Type.Object({ season: Type.Optional(Type.String()), division: Type.Optional(Type.String()), team: Type.Optional(Type.String()) }),
      response: { 200: Type.Array(GameSchema), ...errors },
    },
  }, async (req) => {
    const r = await gamesFor(deps, req.auth!, { seasonId: req.query.season, division: req.query.division, teamId: req.query.team });
    const config = await req.regionConfig();
    return r.games.map((g) => gameJson(g, config));
  });
  app.post('/api/v1/games', {
    config: { access: SCHEDULERS },
    schema: { tags, summary: 'Schedule a game (coach administrator)', body: GameBody, response: { 201: GameSchema, ...errors } },
  }, async (req, reply) => {
    const g = await createGame(deps, actorOf(req), req.body.season, req.body);
    return reply.code(201).send(gameJson(g, await req.regionConfig()));
  });
  app.post('/api/v1/games/import', {
    config: { access: SCHEDULERS },
    schema: {
      tags, summary: 'Import a schedule from CSV (columns date, time, field, home, away; optional division): all rows or none',
      description: 'Teams are given by name or id. Any bad row refuses the whole file: 422 with `details.errors`, one "Row N: reasons" per bad row.',
      body: Type.Object({ season: Type.Optional(Type.String()), csv: Type.String({ maxLength: 2_000_000 }) }),
      response: { 201: Type.Object({ season: Type.String(), imported: Type.Integer() }), ...errors },
    },
  }, async (req, reply) => {
    const r = await importSchedule(deps, actorOf(req), req.body.season, req.body.csv);
    return reply.code(201).send({ season: r.seasonId, imported: r.count });
  });
  app.get('/api/v1/games/:id', {
    config: AUTH,
    schema: { tags, summary: 'One game (its teams\' coaches and the board)', params: GameParams, response: { 200: GameSchema, ...errors } },
  }, async (req) => {
    const g = await findGame(deps.db, req.params.id);
    if (!g) throw notFound('That game');
    const visible = await visibleTeamIds(deps.db, req.auth!, g.seasonId);
    if (visible !== null && !visible.includes(g.home.id) && !visible.includes(g.away.id)) throw forbidden("Only the coaches of this game's teams and the coach administrator see it.");
    return gameJson(g, await req.regionConfig());
  });
  app.put('/api/v1/games/:id', {
    config: { access: SCHEDULERS },
    schema: { tags, summary: 'Change a game (teams only while neither has started its card)', params: GameParams, body: GameBody, response: { 200: GameSchema, ...errors } },
  }, async (req) => gameJson(await editGame(deps, actorOf(req), req.params.id, req.body), await req.regionConfig()));
  app.delete('/api/v1/games/:id', {
    config: { access: SCHEDULERS },
    schema: { tags, summary: 'Remove a game that has no card', params: GameParams, response: { 204: Type.Null(), ...errors } },
  }, async (req, reply) => {
    await removeGame(deps, actorOf(req), req.params.id);
    return reply.code(204).send(null);
  });
  reportsApi(app, deps);
}

const PlayerSeasonSchema = Type.Object({
  playerId: Type.String(), name: Type.String(), jersey: Type.Union([Type.Integer(), Type.Null()]), games: Type.Integer(), played: Type.Integer(),
  sat: Type.Integer(), kept: Type.Integer(), injured: Type.Integer(), gamesUnderMinimum: Type.Integer(),
});
const TeamSeasonSchema = Type.Object({ teamId: Type.String(), teamName: Type.String(), teamNumber: Type.Integer(), division: Type.String(), program: Type.String(), cards: Type.Integer(), players: Type.Array(PlayerSeasonSchema) });
const ViolationCardSchema = Type.Object({
  gameId: Type.String(), teamId: Type.String(), date: Type.String(), teamName: Type.String(), ageGroup: Type.String(), opponent: Type.String(),
  submittedAt: Type.Union([Type.String(), Type.Null()]), violations: Type.Array(ViolationSchema),
});
const CsvFile = Type.Unsafe<string>({ type: 'string', description: 'CSV text (UTF-8 with BOM)' });
const ReportQuery = Type.Object({ season: Type.Optional(Type.String()), team: Type.Optional(Type.String()) });

function reportsApi(app: App, deps: Deps): void {
  const playingTime = async (auth: NonNullable<Parameters<typeof playingTimeReport>[1]>, q: { season?: string; team?: string }) => playingTimeReport(deps, auth, { seasonId: q.season, teamId: q.team });
  app.get('/api/v1/games/reports/playing-time', {
    config: AUTH,
    schema: { tags, summary: 'Quarters played over the season per team and player, from submitted cards (coaches: their teams; board: all)', querystring: ReportQuery, response: { 200: Type.Array(TeamSeasonSchema), ...errors } },
  }, async (req) => (await playingTime(req.auth!, req.query)).teams.map((t) => ({
    teamId: t.team.id, teamName: t.team.name, teamNumber: t.team.number, division: t.team.division, program: t.team.program, cards: t.cards, players: t.players,
  })));
  app.get('/api/v1/games/reports/playing-time.csv', {
    config: AUTH,
    schema: { tags, summary: 'The playing-time report as CSV', querystring: ReportQuery, produces: ['text/csv'], response: { 200: CsvFile, ...errors } },
  }, async (req, reply) => {
    const r = await playingTime(req.auth!, req.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="playing-time-${r.season.id}.csv"`).send(playingTimeCsv(r.teams));
  });
  app.get('/api/v1/games/reports/violations', {
    config: { access: CARD_BOARD },
    schema: { tags, summary: 'Every submitted card that breaks the playing-time rule (coach administrator)', querystring: Type.Object({ season: Type.Optional(Type.String()) }), response: { 200: Type.Array(ViolationCardSchema), ...errors } },
  }, async (req) => (await violationsReport(deps, { seasonId: req.query.season })).cards.map((c) => ({
    gameId: c.gameId, teamId: c.teamId, date: c.date, teamName: c.header?.teamName ?? '', ageGroup: c.header?.ageGroup ?? '', opponent: c.header?.opponent ?? '', submittedAt: c.submittedAt, violations: c.violations,
  })));
  app.get('/api/v1/games/reports/violations.csv', {
    config: { access: CARD_BOARD },
    schema: { tags, summary: 'The violations report as CSV', querystring: Type.Object({ season: Type.Optional(Type.String()) }), produces: ['text/csv'], response: { 200: CsvFile, ...errors } },
  }, async (req, reply) => {
    const r = await violationsReport(deps, { seasonId: req.query.season });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="playing-time-violations-${r.season.id}.csv"`).send(violationsCsv(r.cards));
  });
}

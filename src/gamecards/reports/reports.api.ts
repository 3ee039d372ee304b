import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { CARD_BOARD } from '../gamecards.access.js';
import { ViolationSchema } from '../playing-time/playing-time.schemas.js';
import { playingTimeCsv, playingTimeReport, violationsCsv, violationsReport } from './reports.service.js';

const tags = ['games'];
const AUTH = { access: 'authenticated' as const };
const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };

const PlayerSeasonSchema = Type.Object({
  playerId: Type.String(),
  name: Type.String(),
  jersey: Type.Union([Type.Integer(), Type.Null()]),
  games: Type.Integer(),
  played: Type.Integer(),
  sat: Type.Integer(),
  kept: Type.Integer(),
  injured: Type.Integer(),
  gamesUnderMinimum: Type.Integer(),
});
const TeamSeasonSchema = Type.Object({
  teamId: Type.String(),
  teamName: Type.String(),
  teamNumber: Type.Integer(),
  division: Type.String(),
  program: Type.String(),
  cards: Type.Integer(),
  players: Type.Array(PlayerSeasonSchema),
});
const ViolationCardSchema = Type.Object({
  gameId: Type.String(),
  teamId: Type.String(),
  date: Type.String(),
  teamName: Type.String(),
  ageGroup: Type.String(),
  opponent: Type.String(),
  submittedAt: Type.Union([Type.String(), Type.Null()]),
  violations: Type.Array(ViolationSchema),
});
const CsvFile = Type.Unsafe<string>({ type: 'string', description: 'CSV text (UTF-8 with BOM)' });
const ReportQuery = Type.Object({ season: Type.Optional(Type.String()), team: Type.Optional(Type.String()) });

/** /api/v1/games/reports: quarters played per player over the season and the cards that break the rule, as JSON and CSV. */
export function reportsApi(app: App, deps: Deps): void {
  const playingTime = async (auth: NonNullable<Parameters<typeof playingTimeReport>[1]>, q: { season?: string; team?: string }) =>
    playingTimeReport(deps, auth, { seasonId: q.season, teamId: q.team });
  app.get(
    '/api/v1/games/reports/playing-time',
    {
      config: AUTH,
      schema: {
        tags,
        summary: 'Quarters played over the season per team and player, from submitted cards (coaches: their teams; board: all)',
        querystring: ReportQuery,
        response: { 200: Type.Array(TeamSeasonSchema), ...errors },
      },
    },
    async (req) =>
      (await playingTime(req.auth!, req.query)).teams.map((t) => ({
        teamId: t.team.id,
        teamName: t.team.name,
        teamNumber: t.team.number,
        division: t.team.division,
        program: t.team.program,
        cards: t.cards,
        players: t.players,
      })),
  );
  app.get(
    '/api/v1/games/reports/playing-time.csv',
    {
      config: AUTH,
      schema: { tags, summary: 'The playing-time report as CSV', querystring: ReportQuery, produces: ['text/csv'], response: { 200: CsvFile, ...errors } },
    },
    async (req, reply) => {
      const r = await playingTime(req.auth!, req.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="playing-time-${r.season.id}.csv"`).send(playingTimeCsv(r.teams));
    },
  );
  app.get(
    '/api/v1/games/reports/violations',
    {
      config: { access: CARD_BOARD },
      schema: {
        tags,
        summary: 'Every submitted card that breaks the playing-time rule (coach administrator)',
        querystring: Type.Object({ season: Type.Optional(Type.String()) }),
        response: { 200: Type.Array(ViolationCardSchema), ...errors },
      },
    },
    async (req) =>
      (await violationsReport(deps, { seasonId: req.query.season })).cards.map((c) => ({
        gameId: c.gameId,
        teamId: c.teamId,
        date: c.date,
        teamName: c.header?.teamName ?? '',
        ageGroup: c.header?.ageGroup ?? '',
        opponent: c.header?.opponent ?? '',
        submittedAt: c.submittedAt,
        violations: c.violations,
      })),
  );
  app.get(
    '/api/v1/games/reports/violations.csv',
    {
      config: { access: CARD_BOARD },
      schema: {
        tags,
        summary: 'The violations report as CSV',
        querystring: Type.Object({ season: Type.Optional(Type.String()) }),
        produces: ['text/csv'],
        response: { 200: CsvFile, ...errors },
      },
    },
    async (req, reply) => {
      const r = await violationsReport(deps, { seasonId: req.query.season });
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="playing-time-violations-${r.season.id}.csv"`).send(violationsCsv(r.cards));
    },
  );
}

/**
 * /api/v1/teams/draws: how each published division's teams were drawn (public, no names), and
 * /api/v1/formations/:id/draw/:file: the draw's files for the coach administrator.
 */
import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { seasonIdOf, type Program } from '../../players/index.js';
import { FORMERS } from '../teams.access.js';
import { DRAW_FILES, drawFile, drawOf, drawsOfSeason } from './draw-record.service.js';
import { sendDrawFile } from './draw.routes.js';

const tags = ['teams'];
const Count = Type.Integer({ minimum: 0 });

const DrawJson = Type.Object({
  season: Type.Object({ id: Type.String(), name: Type.String() }),
  division: Type.String(),
  program: Type.Union([Type.Literal('boys'), Type.Literal('girls'), Type.Literal('coed')]),
  label: Type.String(),
  publishedAt: Type.String({ description: 'ISO-8601 UTC' }),
  engineVersion: Type.Integer({ description: 'the formation engine that drew the teams; the same inputs, seed and version always give the same teams' }),
  seed: Type.Integer(),
  objective: Type.Union([Type.Literal('mean'), Type.Literal('sum')]),
  scale: Type.Object({ min: Type.Number(), max: Type.Number(), step: Type.Number() }),
  digest: Type.String({ description: 'sha256 (hex) of the P.csv text followed by the T.csv text: `cat P.csv T.csv | sha256sum`' }),
  figures: Type.Object({
    objective: Type.Union([Type.Literal('mean'), Type.Literal('sum')]),
    spread: Type.Number({ description: 'max minus min of the team mean ratings (or sums)' }),
    lowerBound: Type.Number({ description: 'the best spread any formation of these players into these teams could reach' }),
    reachesBound: Type.Boolean(),
    provenOptimal: Type.Boolean(),
    unratedCountsAs: Type.Number(),
    meanStdDev: Type.Number(),
    counts: Type.Object(
      { girls: Count, unrated: Count, keepers: Count, birthYears: Type.Record(Type.String(), Count) },
      { description: 'largest difference between teams of each count' },
    ),
    countsEven: Type.Boolean(),
    players: Count,
    teams: Type.Array(
      Type.Object({
        number: Type.Integer(),
        size: Count,
        ratingSum: Type.Number(),
        ratingMean: Type.Number(),
        girls: Count,
        unrated: Count,
        keepers: Count,
        birthYears: Type.Record(Type.String(), Count),
      }),
    ),
  }),
  verify: Type.String({ description: 'the command that re-runs the draw from its files' }),
});

const Key = Type.Object({ season: Type.String({ maxLength: 40 }), division: Type.String({ maxLength: 40 }), program: Type.String({ maxLength: 10 }) });

export function drawApi(app: App, deps: Deps): void {
  app.get(
    '/api/v1/teams/draws',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'How the teams of a season were drawn: every published division and program (public, no names)',
        security: [],
        querystring: Type.Object({ season: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: { 200: Type.Array(DrawJson), 404: ErrorSchema },
      },
    },
    async (req) => {
      const config = await req.regionConfig();
      return drawsOfSeason(deps, config, seasonIdOf(config, deps.clock, req.query.season));
    },
  );
  app.get(
    '/api/v1/teams/draws/:season/:division/:program',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "How a division's teams were drawn: engine version, seed, digest of the inputs and the balance figures beside the lower bound (public, no names)",
        description:
          "Re-run the draw with `verify` and the coach administrator's P.csv, T.csv and A.csv; the files' digest must equal `digest`. 404 until the teams are published.",
        security: [],
        params: Key,
        response: { 200: DrawJson, 404: ErrorSchema },
      },
    },
    async (req) => {
      const config = await req.regionConfig();
      const p = req.params;
      return drawOf(deps, config, { seasonId: seasonIdOf(config, deps.clock, p.season), division: p.division, program: p.program as Program });
    },
  );
  app.get(
    '/api/v1/formations/:id/draw/:file',
    {
      config: { access: FORMERS },
      schema: {
        tags,
        summary: `A published formation's draw files (coach administrator): ${DRAW_FILES.join(', ')}, as \`touchline teams verify\` reads them`,
        description:
          'P.csv: player_id,division,gender,birth_date,rating,coach_child_of,goalkeeper (player_id: the association\'s player id, else "Last, First YYYY-MM-DD"); T.csv: division,team_id,coach_id (team_id: the team number); A.csv: player_id,team_id as drawn.',
        params: Type.Object({ id: Type.String(), file: Type.Union(DRAW_FILES.map((f) => Type.Literal(f))) }),
        produces: ['text/csv'],
        response: { 200: Type.String(), 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (req, reply) => sendDrawFile(reply, await drawFile(deps, req.params.id, req.params.file)),
  );
}

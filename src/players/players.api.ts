/** /api/v1/players: the board's list, entry by hand, the registration import and moves. */
import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../platform/feature.js';
import { AppError } from '../platform/errors.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { actorOf } from '../platform/http/forms.js';
import { readUpload } from '../platform/http/uploads.js';
import { BOARD_VIEWERS, FORMERS, REGISTRARS } from './players.access.js';
import { importPlayers, MAX_PLAYER_FILE_BYTES } from './import.service.js';
import { addPlayer, movePlayer, playerLines, type PlayerLine } from './players.service.js';
import { seasonIdOf } from './season.service.js';

const tags = ['players'];
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Program = Type.Union([Type.Literal('boys'), Type.Literal('girls'), Type.Literal('coed')]);
const SeasonText = Type.String({ maxLength: 40, description: 'season id, e.g. 2026-fall; the current season when absent' });

export const PlayerJson = Type.Object({
  id: Type.String(),
  externalId: Nullable(Type.String({ description: "the registration system's PlayerID" })),
  firstName: Type.String(),
  lastName: Type.String(),
  birthDate: Type.String(),
  gender: Type.Union([Type.Literal('M'), Type.Literal('F')]),
  division: Type.String(),
  program: Program,
  goalkeeper: Type.Boolean(),
  movedReason: Nullable(Type.String()),
  rating: Type.Union([Type.Number(), Type.Null()], { description: 'the rating formation uses (latest earlier season, else the imported one); null for a new player' }),
  ratingSeason: Nullable(Type.String({ description: "season of that rating; 'imported' for the registration export's" })),
  guardians: Type.Array(Type.Object({ personId: Type.String(), name: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()), primary: Type.Boolean() })),
  teamId: Nullable(Type.String()),
  teamName: Nullable(Type.String()),
});

const json = (p: PlayerLine) => ({
  id: p.id,
  externalId: p.externalId,
  firstName: p.firstName,
  lastName: p.lastName,
  birthDate: p.birthDate,
  gender: p.gender,
  division: p.division,
  program: p.program,
  goalkeeper: p.goalkeeper,
  movedReason: p.movedReason,
  rating: p.rating?.rating ?? null,
  ratingSeason: p.rating?.seasonId ?? null,
  guardians: p.guardians.map((g) => ({ personId: g.personId, name: `${g.firstName} ${g.lastName}`, email: g.email, phone: g.phone, primary: g.isPrimary })),
  teamId: p.team?.teamId ?? null,
  teamName: p.team?.name ?? null,
});

const NewPlayerBody = Type.Object({
  season: Type.Optional(SeasonText),
  firstName: Type.String({ minLength: 1, maxLength: 80 }),
  lastName: Type.String({ minLength: 1, maxLength: 80 }),
  birthDate: Type.String({ description: 'YYYY-MM-DD' }),
  gender: Type.Union([Type.Literal('M'), Type.Literal('F')]),
  goalkeeper: Type.Optional(Type.Boolean()),
  externalId: Type.Optional(Type.String({ maxLength: 40 })),
  parent: Type.Object({
    firstName: Type.String({ minLength: 1, maxLength: 80 }),
    lastName: Type.String({ minLength: 1, maxLength: 80 }),
    email: Type.String({ maxLength: 200 }),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
  }),
});

const ImportReport = Type.Object({
  seasonId: Type.String(),
  fileName: Type.String(),
  rows: Type.Integer(),
  added: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  guardiansCreated: Type.Integer(),
  ratingsImported: Type.Integer(),
  notes: Type.Array(Type.String()),
});

export function playersApi(app: App, deps: Deps): void {
  app.get(
    '/api/v1/players',
    {
      config: { access: BOARD_VIEWERS },
      schema: {
        tags,
        summary: "A season's players of one division and program (board), with the rating formation uses, guardians and team",
        querystring: Type.Object({ season: Type.Optional(SeasonText), division: Type.String({ maxLength: 40 }), program: Program }),
        response: { 200: Type.Array(PlayerJson), 404: ErrorSchema },
      },
    },
    async (req) => {
      const config = await req.regionConfig();
      return (await playerLines(deps, config, seasonIdOf(config, deps.clock, req.query.season), { division: req.query.division, program: req.query.program })).map(json);
    },
  );
  app.post(
    '/api/v1/players',
    {
      config: { access: REGISTRARS },
      schema: {
        tags,
        summary: 'Register a player by hand: division from the birth date and the age cut-off, program from the gender; the parent is matched by email or created (audited)',
        body: NewPlayerBody,
        response: { 201: Type.Object({ id: Type.String(), division: Type.String(), program: Program }), 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const seasonId = seasonIdOf(await req.regionConfig(), deps.clock, b.season);
      const made = await addPlayer(deps, actorOf(req), seasonId, {
        ...b,
        goalkeeper: b.goalkeeper ?? false,
        externalId: b.externalId ?? null,
        parent: { ...b.parent, phone: b.parent.phone ?? null },
      });
      return reply.code(201).send(made);
    },
  );
  app.post(
    '/api/v1/players/import',
    {
      config: { access: REGISTRARS },
      schema: {
        tags,
        summary: 'Import the registration export (multipart field `file`; optional field `season`): all or nothing, audited',
        description:
          'A file with any bad line answers 422 with `details.errors` listing every line and reason, and changes nothing. Importing the same file again updates players by PlayerID and adds nobody twice. The rating column is stored as the season `imported`.',
        consumes: ['multipart/form-data'],
        response: { 200: ImportReport, 404: ErrorSchema, 413: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => {
      const form = await readUpload(req, MAX_PLAYER_FILE_BYTES, 'export file');
      if (!form.file) throw new AppError('VALIDATION', 'Send the export file in the "file" field.');
      const seasonId = seasonIdOf(await req.regionConfig(), deps.clock, form.fields.season);
      return importPlayers(deps, actorOf(req), seasonId, form.file.data, form.file.fileName);
    },
  );
  app.post(
    '/api/v1/players/:id/move',
    {
      config: { access: FORMERS },
      schema: {
        tags,
        summary: 'Move a player to another division or program for a season, with a reason (coach administrator; audited); a player on a team leaves it',
        params: Type.Object({ id: Type.String() }),
        body: Type.Object({ season: Type.Optional(SeasonText), division: Type.String({ maxLength: 40 }), program: Program, reason: Type.String({ maxLength: 500 }) }),
        response: { 204: Type.Null(), 404: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      const seasonId = seasonIdOf(await req.regionConfig(), deps.clock, req.body.season);
      await movePlayer(deps, actorOf(req), seasonId, req.params.id, req.body);
      return reply.code(204).send(null);
    },
  );
}

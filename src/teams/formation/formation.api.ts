/** /api/v1/formations: preview a draw, read it (with the figures beside the lower bound), publish, move, swap. */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { AppError } from '../../platform/errors.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { actorOf } from '../../platform/http/forms.js';
import type { Program } from '../../players/index.js';
import type { RegionConfig } from '../../region/index.js';
import { seasonIdOf } from '../../players/index.js';
import { BOARD_VIEWERS, FORMERS } from '../teams.access.js';
import { previewFormation, publishFormation } from './formation.service.js';
import { divisionState } from './live.service.js';
import { adjustTeams, type AdjustResult } from './adjust.service.js';
import { findFormation, type DivisionKey } from './formation.store.js';
import type { Adjustment, Balance } from './adjust.rules.js';

const tags = ['teams'];
const ProgramSchema = Type.Union([Type.Literal('boys'), Type.Literal('girls'), Type.Literal('coed')]);
const Objective = Type.Union([Type.Literal('mean'), Type.Literal('sum')]);

const TeamFiguresJson = Type.Object({
  teamId: Type.String({ description: 'the team id once published; before, the team number as text' }),
  coachId: Type.String(),
  size: Type.Integer(),
  ratingSum: Type.Number(),
  ratingMean: Type.Number(),
  girls: Type.Integer(),
  unrated: Type.Integer(),
  keepers: Type.Integer(),
  birthYears: Type.Record(Type.String(), Type.Integer()),
});

const BalanceJson = Type.Object({
  objective: Objective,
  spread: Type.Number({ description: 'max minus min of the team means (or sums)' }),
  lowerBound: Type.Number({ description: 'the best spread any formation of these players into these teams could reach' }),
  reachesBound: Type.Boolean(),
  unratedCountsAs: Type.Number(),
  meanStdDev: Type.Number(),
  sizeSpread: Type.Integer(),
  countsEven: Type.Boolean(),
  counts: Type.Object({ girls: Type.Integer(), unrated: Type.Integer(), keepers: Type.Integer(), birthYears: Type.Record(Type.String(), Type.Integer()) }),
  teams: Type.Array(TeamFiguresJson),
});

const TeamJson = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  name: Type.String(),
  headCoachId: Type.Union([Type.String(), Type.Null()]),
  playerIds: Type.Array(Type.String()),
});

const FormationJson = Type.Object({
  id: Type.String(),
  season: Type.String(),
  division: Type.String(),
  program: ProgramSchema,
  seed: Type.Integer(),
  objective: Objective,
  status: Type.Union([Type.Literal('preview'), Type.Literal('published')]),
  provenOptimal: Type.Boolean(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  balance: Type.Union([BalanceJson, Type.Null()], { description: 'the teams as they are now (after moves and swaps once published)' }),
  teams: Type.Array(TeamJson),
  playersWithoutTeam: Type.Array(Type.String()),
});

const balanceJson = (b: Balance | null) => (b ? { ...b, objective: b.objective, teams: b.teams } : null);

async function formationJson(deps: Deps, config: RegionConfig, key: DivisionKey) {
  const s = await divisionState(deps, config, key);
  const f = s.formation;
  if (!f || f.status === 'discarded') throw new AppError('NOT_FOUND', `${key.division} ${key.program} has no formation in ${key.seasonId} yet.`);
  const teams = s.live
    ? s.live.teams.map((t) => ({ id: t.id, number: t.number, name: t.name, headCoachId: t.headCoach?.personId ?? null, playerIds: t.playerIds }))
    : f.record.teams.map((t) => ({
        id: t.key,
        number: t.number,
        name: t.name,
        headCoachId: t.coachId,
        playerIds: f.assignments.filter((a) => a.teamId === t.key).map((a) => a.playerId),
      }));
  return {
    id: f.id,
    season: f.seasonId,
    division: f.division,
    program: f.program,
    seed: f.seed,
    objective: f.objective,
    status: f.status as 'preview' | 'published',
    provenOptimal: f.record.provenOptimal,
    publishedAt: f.publishedAt,
    balance: balanceJson(s.balance),
    teams,
    playersWithoutTeam: (s.live?.unassigned ?? []).map((p) => p.id),
  };
}

const adjustJson = (r: AdjustResult) => ({ description: r.description, applied: r.applied, teamIds: r.teamIds, before: balanceJson(r.before)!, after: balanceJson(r.after)! });
const AdjustJson = Type.Object({ description: Type.String(), applied: Type.Boolean(), teamIds: Type.Array(Type.String()), before: BalanceJson, after: BalanceJson });
const Confirm = {
  reason: Type.Optional(Type.String({ maxLength: 500, description: 'required with confirm: true' })),
  confirm: Type.Optional(Type.Boolean({ description: 'false or absent: only show the effect on balance' })),
};
const Id = Type.Object({ id: Type.String() });
const errors = { 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };

export function formationApi(app: App, deps: Deps): void {
  app.post(
    '/api/v1/formations',
    {
      config: { access: FORMERS },
      schema: {
        tags,
        summary: "Draw a preview of a division's teams (coach administrator; audited); replaces an earlier preview",
        description:
          'Without `seed` a random one is chosen and returned; the same players, coaches and seed always give the same teams. `teams` defaults to ceil(players / the division roster size). Each head coach of the division gets a team; too few answers 422 NOT_ENOUGH_COACHES.',
        body: Type.Object({
          season: Type.Optional(Type.String({ maxLength: 40 })),
          division: Type.String({ maxLength: 40 }),
          program: ProgramSchema,
          seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647 })),
          teams: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          objective: Type.Optional(Objective),
        }),
        response: { 201: FormationJson, ...errors },
      },
    },
    async (req, reply) => {
      const config = await req.regionConfig();
      const b = req.body;
      const key = { seasonId: seasonIdOf(config, deps.clock, b.season), division: b.division, program: b.program as Program };
      await previewFormation(deps, actorOf(req), {
        ...key,
        ...(b.seed !== undefined ? { seed: b.seed } : {}),
        ...(b.teams !== undefined ? { teams: b.teams } : {}),
        ...(b.objective ? { objective: b.objective } : {}),
      });
      return reply.code(201).send(await formationJson(deps, config, key));
    },
  );
  app.get(
    '/api/v1/formations',
    {
      config: { access: BOARD_VIEWERS },
      schema: {
        tags,
        summary: "A division's current formation (preview or published) with every team's figures beside the lower bound",
        querystring: Type.Object({ season: Type.Optional(Type.String({ maxLength: 40 })), division: Type.String({ maxLength: 40 }), program: ProgramSchema }),
        response: { 200: FormationJson, 404: ErrorSchema },
      },
    },
    async (req) => {
      const config = await req.regionConfig();
      return formationJson(deps, config, { seasonId: seasonIdOf(config, deps.clock, req.query.season), division: req.query.division, program: req.query.program as Program });
    },
  );
  app.post(
    '/api/v1/formations/:id/publish',
    {
      config: { access: FORMERS },
      schema: {
        tags,
        summary: 'Publish a preview: creates the teams, head coaches and rosters and mails the coaches (audited). 409 STALE when players changed since the preview',
        params: Id,
        response: { 200: FormationJson, ...errors },
      },
    },
    async (req) => {
      const f = await publishFormation(deps, actorOf(req), req.params.id);
      return formationJson(deps, await req.regionConfig(), f);
    },
  );
  const run = async (req: FastifyRequest, id: string, a: Adjustment, b: { reason?: string; confirm?: boolean }) => {
    if (!(await findFormation(deps.db, id))) throw new AppError('NOT_FOUND', 'That formation was not found.');
    return adjustJson(await adjustTeams(deps, actorOf(req), id, a, b.confirm ? { reason: b.reason ?? '' } : null));
  };
  app.post(
    '/api/v1/formations/:id/move',
    {
      config: { access: FORMERS },
      schema: {
        tags,
        summary: 'Move a player to another published team: the effect on balance, and with confirm and a reason the move itself (audited; the coaches are mailed)',
        params: Id,
        body: Type.Object({ playerId: Type.String(), teamId: Type.String(), ...Confirm }),
        response: { 200: AdjustJson, ...errors },
      },
    },
    (req) => run(req, req.params.id, { kind: 'move', playerId: req.body.playerId, toTeamId: req.body.teamId }, req.body),
  );
  app.post(
    '/api/v1/formations/:id/swap',
    {
      config: { access: FORMERS },
      schema: {
        tags,
        summary: 'Swap two players of different published teams: the effect on balance, and with confirm and a reason the swap itself (audited)',
        params: Id,
        body: Type.Object({ playerId: Type.String(), otherPlayerId: Type.String(), ...Confirm }),
        response: { 200: AdjustJson, ...errors },
      },
    },
    (req) => run(req, req.params.id, { kind: 'swap', playerId: req.body.playerId, otherPlayerId: req.body.otherPlayerId }, req.body),
  );
}

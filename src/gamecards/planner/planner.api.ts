import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { GameParams } from '../games/games.schemas.js';
import { CheckResult, QuarterSchema } from '../playing-time/playing-time.schemas.js';
import { planFor, recheckFor } from './planner.service.js';

const tags = ['game cards'];
const AUTH = { access: 'authenticated' as const };
const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };

const Lineup = Type.Object({
  quarter: Type.Integer(),
  keeper: Type.Union([Type.String(), Type.Null()]),
  field: Type.Array(Type.String()),
  sitting: Type.Array(Type.String()),
  notArrived: Type.Array(Type.String()),
});
const PlanJson = Type.Object({
  plan: Type.Object({
    playersOnField: Type.Integer(),
    quarters: Type.Integer(),
    roster: Type.Array(Type.Object({ id: Type.String(), arrivedQuarter: Type.Integer() })),
    lineups: Type.Array(Lineup),
    owed: Type.Record(Type.String(), Type.Integer()),
    warnings: Type.Array(Type.String()),
  }),
  check: CheckResult,
  season: Type.Record(Type.String(), Type.Object({ games: Type.Integer(), played: Type.Integer(), sat: Type.Integer(), kept: Type.Integer(), injured: Type.Integer() })),
  cardPlayers: Type.Array(Type.Object({ id: Type.String(), attended: Type.Boolean(), arrivedQuarter: Type.Integer(), quarters: Type.Array(QuarterSchema) }), {
    description: 'the plan as card rows: PUT them on the card to pre-fill it',
  }),
});

/** /api/v1/games/{id}/plan: a rotation plan for one team's game, and the check of a plan changed by hand. */
export function planApi(app: App, deps: Deps): void {
  app.post(
    '/api/v1/games/:id/plan',
    {
      config: AUTH,
      schema: {
        tags,
        summary: 'A rotation plan for one team: who keeps goal, plays and sits each quarter',
        description:
          "The plan meets the playing-time rule and gives extra quarters first to players who sat most this season (from the team's submitted cards). Players default to those attending on the saved card, else the whole roster; `canKeep` defaults to the player's registration. 422 NO_KEEPER / NO_VALID_PLAN when no plan can meet the rule (ask with `allowNoKeeper`).",
        params: GameParams,
        body: Type.Object({
          teamId: Type.String(),
          players: Type.Optional(
            Type.Array(Type.Object({ id: Type.String(), arrivedQuarter: Type.Optional(Type.Integer()), canKeep: Type.Optional(Type.Boolean()) }), { maxItems: 40 }),
          ),
          seed: Type.Optional(Type.Integer()),
          allowNoKeeper: Type.Optional(Type.Boolean()),
        }),
        response: { 200: PlanJson, ...errors },
      },
    },
    async (req) => {
      const r = await planFor(deps, req.auth, req.params.id, req.body);
      return {
        plan: r.plan,
        check: r.check,
        season: r.season,
        cardPlayers: r.cardPlayers.map((p) => ({ ...p, arrivedQuarter: p.arrivedQuarter ?? 1, quarters: [...p.quarters] })),
      };
    },
  );
  app.post(
    '/api/v1/games/:id/plan/check',
    {
      config: AUTH,
      schema: {
        tags,
        summary: 'Re-check a plan adjusted by hand (same rule as the card; nothing stored)',
        params: GameParams,
        body: Type.Object({
          teamId: Type.String(),
          roster: Type.Array(Type.Object({ id: Type.String(), arrivedQuarter: Type.Optional(Type.Integer()) }), { maxItems: 40 }),
          lineups: Type.Array(Type.Object({ quarter: Type.Integer(), keeper: Type.Union([Type.String(), Type.Null()]), field: Type.Array(Type.String()) }), { maxItems: 12 }),
        }),
        response: { 200: CheckResult, ...errors },
      },
    },
    async (req) => recheckFor(deps, req.auth, req.params.id, req.body.teamId, req.body),
  );
}

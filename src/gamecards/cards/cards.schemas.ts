import { Type } from '@sinclair/typebox';
import { Id, Nullable } from '../gamecards.schemas.js';
import { QuarterSchema, ViolationSchema } from '../playing-time/playing-time.schemas.js';
import type { CardView } from './cards.service.js';

/** TypeBox schemas of the game-card API (validation, types and the OpenAPI document) and the JSON it answers. */

export const CardParams = Type.Object({ id: Id, teamId: Id });

const Score = Type.Object({ us: Nullable(Type.Integer({ minimum: 0, maximum: 99 })), them: Nullable(Type.Integer({ minimum: 0, maximum: 99 })) });
export const BackSchema = Type.Object({
  misconduct: Type.Array(
    Type.Object({ kind: Type.Union([Type.Literal('caution'), Type.Literal('send-off')]), who: Type.String({ maxLength: 120 }), reason: Type.String({ maxLength: 300 }) }),
    { maxItems: 12, description: 'cautions and send-offs' },
  ),
  halfTime: Score,
  final: Score,
  conditions: Type.String({ maxLength: 300, description: 'playing conditions' }),
  sportsmanship: Type.String({ maxLength: 20, description: "'' | excellent | good | fair | poor" }),
  referees: Type.Object({ center: Type.String({ maxLength: 120 }), assistant1: Type.String({ maxLength: 120 }), assistant2: Type.String({ maxLength: 120 }) }),
});

export const CardPlayerIn = Type.Object({
  id: Id,
  attended: Type.Boolean(),
  arrivedQuarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  quarters: Type.Array(QuarterSchema, { maxItems: 12 }),
  goals: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 99 }), { maxItems: 2, description: 'goals scored in each half' })),
});

export const CardBody = Type.Object({
  saveId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,100}$', description: 'a new random id per save; resending the same id (a retry) never applies the save twice' }),
  revision: Type.Integer({ minimum: 0, description: 'the revision your copy of the card is at (0 for a card never saved); behind the card: 409 STALE' }),
  players: Type.Array(CardPlayerIn, { maxItems: 40, description: 'roster players left out get a blank row' }),
  back: Type.Optional(Type.Partial(BackSchema)),
  reason: Type.Optional(Type.String({ maxLength: 500, description: 'why a submitted card is corrected (coach administrator; required then)' })),
});

export const HeaderSchema = Type.Object({
  region: Type.String(),
  ageGroup: Type.String(),
  teamNumber: Type.Integer(),
  teamName: Type.String(),
  coach: Type.String(),
  assistant: Type.String(),
  date: Type.String(),
  time: Type.String(),
  opponent: Type.String(),
  field: Type.String(),
  side: Type.String({ description: 'home | away' }),
});

export const CardJson = Type.Object({
  gameId: Type.String(),
  teamId: Type.String(),
  status: Type.String({ description: 'draft | submitted (locked)' }),
  revision: Type.Integer(),
  quarters: Type.Integer(),
  playersOnField: Type.Integer(),
  header: HeaderSchema,
  players: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      jersey: Nullable(Type.Integer()),
      attended: Type.Boolean(),
      arrivedQuarter: Type.Integer(),
      quarters: Type.Array(QuarterSchema),
      goals: Type.Array(Type.Integer()),
      owed: Nullable(Type.Integer({ description: 'quarters this player is owed' })),
    }),
  ),
  back: BackSchema,
  violations: Nullable(Type.Array(ViolationSchema, { description: 'null until the card is first saved' })),
  submittedAt: Nullable(Type.String()),
  submittedBy: Nullable(Type.String()),
  replayed: Type.Optional(Type.Boolean({ description: 'true when this save id had been applied already: nothing was written' })),
});

export function cardJson(v: CardView, replayed?: boolean) {
  const byId = new Map(v.roster.map((r) => [r.playerId, r]));
  return {
    gameId: v.ctx.game.id,
    teamId: v.ctx.team.id,
    status: v.status,
    revision: v.revision,
    quarters: v.ctx.quarters,
    playersOnField: v.ctx.playersOnField,
    header: v.header,
    players: v.rows.map((r) => ({
      id: r.playerId,
      name: byId.get(r.playerId)?.name ?? r.playerId,
      jersey: byId.get(r.playerId)?.jersey ?? null,
      attended: r.attended,
      arrivedQuarter: r.arrivedQuarter,
      quarters: r.quarters,
      goals: r.goals,
      owed: v.owed[r.playerId] ?? null,
    })),
    back: v.back,
    violations: v.violations,
    submittedAt: v.submittedAt,
    submittedBy: v.submittedBy,
    ...(replayed === undefined ? {} : { replayed }),
  };
}

import { Type } from '@sinclair/typebox';
import type { CardView } from './cards.service.js';
import type { GameListItem } from './games.service.js';
import type { Game } from './games.store.js';
import type { RegionConfig } from '../region/index.js';

/** TypeBox schemas of the game-card API (validation, types and the OpenAPI document) and the JSON it answers. */

const Id = Type.String({ minLength: 1, maxLength: 100 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const QuarterSchema = Type.Object({
  played: Type.Boolean({ description: 'on the field (a keeper is on the field too)' }),
  keeper: Type.Boolean({ description: 'kept goal' }),
  injured: Type.Boolean({ description: 'left injured in this quarter (the quarter is excused)' }),
});

export const CheckBody = Type.Object({
  playersOnField: Type.Integer({ description: 'places on the field per quarter, keeper included' }),
  quarters: Type.Integer({ description: "quarters in a game (the region's games have 4 by default)" }),
  players: Type.Array(
    Type.Object({
      id: Id,
      attended: Type.Boolean(),
      arrivedQuarter: Type.Optional(Type.Integer({ description: '1-based quarter of arrival; absent: from the start' })),
      quarters: Type.Array(QuarterSchema, { maxItems: 12 }),
    }),
    { maxItems: 60 },
  ),
});

export const ViolationSchema = Type.Object({
  playerId: Nullable(Type.String()),
  code: Type.String({ description: 'UNDER_MINIMUM, FOUR_WHILE_SHORT, KEEPER_TOO_MANY, KEEPER_NO_FIELD, TOO_MANY_ON_FIELD, NO_KEEPER, TWO_KEEPERS, PLAYED_WHILE_ABSENT, PLAYED_BEFORE_ARRIVAL, or a structural code' }),
  message: Type.String(),
});

export const CheckResult = Type.Object({ ok: Type.Boolean(), violations: Type.Array(ViolationSchema) });

const TeamRef = Type.Object({ id: Type.String(), name: Type.String(), number: Type.Integer() });
const CardSummary = Type.Object({ teamId: Type.String(), status: Type.String({ description: 'none | draft | submitted' }), revision: Type.Integer(), violations: Type.Integer() });

export const GameSchema = Type.Object({
  id: Type.String(),
  season: Type.String(),
  division: Type.String(),
  program: Type.String(),
  date: Type.String({ description: 'YYYY-MM-DD' }),
  time: Type.String({ description: 'HH:MM, 24-hour, region time' }),
  field: Type.Object({ id: Type.String(), name: Type.String() }),
  home: TeamRef,
  away: TeamRef,
  cards: Type.Optional(Type.Array(CardSummary, { description: "cards of the caller's teams in this game (every team's for the board)" })),
});

export const GameBody = Type.Object({
  season: Type.Optional(Type.String({ description: 'season id; default: the current season' })),
  date: Type.String({ description: 'YYYY-MM-DD' }),
  time: Type.String({ description: '9:30, 14:00 or 2:00 PM' }),
  field: Type.String({ description: 'field id or name' }),
  home: Type.String({ description: 'team id or name' }),
  away: Type.String({ description: 'team id or name' }),
});

export const GameParams = Type.Object({ id: Id });
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
  sportsmanship: Type.String({ description: "'' | excellent | good | fair | poor" }),
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
  region: Type.String(), ageGroup: Type.String(), teamNumber: Type.Integer(), teamName: Type.String(), coach: Type.String(), assistant: Type.String(),
  date: Type.String(), time: Type.String(), opponent: Type.String(), field: Type.String(), side: Type.String({ description: 'home | away' }),
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
      id: Type.String(), name: Type.String(), jersey: Nullable(Type.Integer()), attended: Type.Boolean(), arrivedQuarter: Type.Integer(),
      quarters: Type.Array(QuarterSchema), goals: Type.Array(Type.Integer()), owed: Nullable(Type.Integer({ description: 'quarters this player is owed' })),
    }),
  ),
  back: BackSchema,
  violations: Nullable(Type.Array(ViolationSchema, { description: 'null until the card is first saved' })),
  submittedAt: Nullable(Type.String()),
  submittedBy: Nullable(Type.String()),
  replayed: Type.Optional(Type.Boolean({ description: 'true when this save id had been applied already: nothing was written' })),
});

export function gameJson(g: Game | GameListItem, config: RegionConfig) {
  const cards = 'cards' in g
    ? g.myTeams.map((t) => ({ teamId: t, status: g.cards[t]?.status ?? 'none', revision: g.cards[t]?.revision ?? 0, violations: g.cards[t]?.violations ?? 0 }))
    : undefined;
  return {
    id: g.id, season: g.seasonId, division: g.division, program: g.program, date: g.date, time: g.time,
    field: { id: g.fieldId, name: config.fields.find((f) => f.id === g.fieldId)?.name ?? g.fieldId },
    home: g.home, away: g.away, ...(cards ? { cards } : {}),
  };
}

export function cardJson(v: CardView, replayed?: boolean) {
  const byId = new Map(v.roster.map((r) => [r.playerId, r]));
  return {
    gameId: v.ctx.game.id, teamId: v.ctx.team.id, status: v.status, revision: v.revision, quarters: v.ctx.quarters, playersOnField: v.ctx.playersOnField,
    header: v.header,
    players: v.rows.map((r) => ({
      id: r.playerId, name: byId.get(r.playerId)?.name ?? r.playerId, jersey: byId.get(r.playerId)?.jersey ?? null,
      attended: r.attended, arrivedQuarter: r.arrivedQuarter, quarters: r.quarters, goals: r.goals, owed: v.owed[r.playerId] ?? null,
    })),
    back: v.back, violations: v.violations, submittedAt: v.submittedAt, submittedBy: v.submittedBy,
    ...(replayed === undefined ? {} : { replayed }),
  };
}

import { Type } from '@sinclair/typebox';
import { Id, Nullable } from '../gamecards.schemas.js';

/** TypeBox schemas of the playing-time check (validation, types and the OpenAPI document): a card as the rule reads it and what it answers. */

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
  code: Type.String({
    description:
      'UNDER_MINIMUM, FOUR_WHILE_SHORT, KEEPER_TOO_MANY, KEEPER_NO_FIELD, TOO_MANY_ON_FIELD, NO_KEEPER, TWO_KEEPERS, PLAYED_WHILE_ABSENT, PLAYED_BEFORE_ARRIVAL, or a structural code',
  }),
  message: Type.String(),
});

export const CheckResult = Type.Object({ ok: Type.Boolean(), violations: Type.Array(ViolationSchema) });

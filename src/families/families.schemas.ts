/** The shapes of GET /api/v1/me/children, documented in OpenAPI. */
import { Type, type Static } from '@sinclair/typebox';

const FieldRefSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    address: Type.String({ description: 'empty when the region gave none' }),
  },
  { description: 'A field of the region' },
);

export const PracticeItemSchema = Type.Object(
  {
    weekday: Type.Integer({ minimum: 0, maximum: 6, description: '0 = Sunday … 6 = Saturday' }),
    day: Type.String({ description: 'the weekday in words, e.g. Tuesday' }),
    start: Type.String({ description: 'HH:MM, region time' }),
    end: Type.String({ description: 'HH:MM, region time' }),
    field: FieldRefSchema,
    next: Type.Union([Type.String({ description: 'YYYY-MM-DD' }), Type.Null()], {
      description: 'the next date of this practice (blackout dates left out); null when none is left this season',
    }),
  },
  { description: 'A weekly practice of the team, every week of the season except blackout dates' },
);

export const GameItemSchema = Type.Object(
  {
    id: Type.String(),
    date: Type.String({ description: 'YYYY-MM-DD' }),
    time: Type.String({ description: 'HH:MM, region time' }),
    field: FieldRefSchema,
    opponent: Type.Object({ id: Type.String(), name: Type.String() }),
    home: Type.Boolean({ description: 'true when the child’s team is the home team' }),
  },
  { description: 'A game of the team from today on' },
);

export const ChildSchema = Type.Object({
  playerId: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  division: Type.String(),
  team: Type.Union(
    [
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        coaches: Type.Array(Type.Object({ name: Type.String() }), { description: 'head coach first; names only (write to them through the page’s form)' }),
        practices: Type.Array(PracticeItemSchema),
        games: Type.Array(GameItemSchema, { description: 'upcoming games, soonest first' }),
      }),
      Type.Null(),
    ],
    { description: 'null while the child is not on a published team yet' },
  ),
});

export const ChildrenSchema = Type.Array(ChildSchema);
export type ChildJson = Static<typeof ChildSchema>;

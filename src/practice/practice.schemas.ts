import { Type } from '@sinclair/typebox';

/** The JSON shapes of the practice API (one place, used for validation, types and OpenAPI). */
export const SlotSchema = Type.Object({
  id: Type.String(),
  field: Type.String({ description: 'field id' }),
  fieldName: Type.String(),
  weekday: Type.Integer({ minimum: 0, maximum: 6, description: '0 = Sunday' }),
  start: Type.String({ description: 'HH:MM, region time' }),
  end: Type.String({ description: 'HH:MM, region time' }),
  minutes: Type.Integer(),
  capacity: Type.Integer({ description: 'teams that fit at once' }),
  remaining: Type.Integer({ description: "places left: the slot's own, and its field's at the busiest moment of its time (overlapping slots share a field)" }),
  divisions: Type.Array(Type.String()),
  refusal: Type.Optional(
    Type.Union([Type.String(), Type.Null()], {
      description: 'with team: why the team may not take it now (SLOT_FULL, SAME_DAY, ALLOTMENT_USED, ALREADY_BOOKED), null when it may',
    }),
  ),
});

export const BookingSchema = Type.Object({
  id: Type.String(),
  teamId: Type.String(),
  slotId: Type.String(),
  season: Type.String(),
  field: Type.String(),
  fieldName: Type.String(),
  weekday: Type.Integer(),
  start: Type.String(),
  end: Type.String(),
  via: Type.String({ description: 'coach, or admin when the coach administrator assigned it' }),
});

export const TeamSchema = Type.Object({
  id: Type.String(),
  season: Type.String(),
  division: Type.String(),
  program: Type.String(),
  number: Type.Integer(),
  name: Type.String(),
  headCoachId: Type.Union([Type.String(), Type.Null()]),
  published: Type.Boolean(),
});

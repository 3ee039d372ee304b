import { Type, type Static } from '@sinclair/typebox';

const SeasonJson = Type.Object({ id: Type.String(), name: Type.String(), startDate: Type.String(), endDate: Type.String() });
const OfferLine = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  role: Type.String({ description: 'head-coach, assistant-coach or mentor' }),
  division: Type.String({ description: "'' for a role not tied to a division" }),
});
const WindowLine = Type.Object({
  window: Type.String({ description: 'field, weekdays and times, e.g. "Richmond Mon, Wed 17:00-18:30"' }),
  from: Type.String({ description: 'the season it ran in, with its dates' }),
  to: Type.String({ description: 'the season it is carried into as a draft, with its dates' }),
});

export const PreviewSchema = Type.Object({
  state: Type.Union([Type.Literal('ready'), Type.Literal('started'), Type.Literal('no-next'), Type.Literal('no-season')], {
    description: 'ready: nothing done yet; started: done already (see started); no-next: no season follows the last one in the configuration; no-season: none has begun',
  }),
  message: Type.String(),
  from: Type.Union([SeasonJson, Type.Null()]),
  to: Type.Union([SeasonJson, Type.Null()]),
  offers: Type.Array(OfferLine, { description: 'the roles of last season offered again (what was offered, once started)' }),
  windows: Type.Array(WindowLine, { description: 'the practice windows carried over as drafts (what was carried, once started)' }),
  stays: Type.Array(Type.String()),
  started: Type.Union([Type.Object({ at: Type.String(), by: Type.String() }), Type.Null()]),
});
export type PreviewJson = Static<typeof PreviewSchema>;

export const StartBody = Type.Object(
  { seasonId: Type.String({ minLength: 1, maxLength: 80, description: 'the season the preview names as next' }) },
  { additionalProperties: false },
);

export const StartSchema = Type.Object({
  alreadyStarted: Type.Boolean(),
  seasonId: Type.String(),
  fromSeasonId: Type.String(),
  startedAt: Type.String(),
  startedBy: Type.String(),
  offers: Type.Array(OfferLine),
  windows: Type.Array(WindowLine),
});

export const OfferSchema = Type.Object({
  id: Type.String(),
  seasonId: Type.String(),
  seasonName: Type.String(),
  role: Type.String(),
  division: Type.String(),
  question: Type.String(),
  offeredAt: Type.String(),
});

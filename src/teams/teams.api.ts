/** /api/v1 for teams: rosters, ratings and the rating window, jersey numbers, exports, assistants. */
import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../platform/feature.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { actorOf } from '../platform/http/forms.js';
import { seasonIdOf } from '../players/index.js';
import { BOARD_VIEWERS, COACH_ROLES, FORMERS, TEAM_PAGES } from './teams.access.js';
import { setJerseys, teamRoster, type RosterLine } from './roster/roster.service.js';
import { overrideRating, rateTeam, ratingWindow, setRatingWindow, teamRatings } from './ratings/ratings.service.js';
import { teamUploadFile } from './roster/export.service.js';
import { answerOffer, assignAssistant, offerAssistant, offersFor, teamsWithoutAssistant } from './assistants/assistants.service.js';

const tags = ['teams'];
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.Object({ id: Type.String() });
const errors = { 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };
const SeasonQuery = Type.Object({ season: Type.Optional(Type.String({ maxLength: 40 })) });

const RosterPlayer = Type.Object({
  playerId: Type.String(),
  externalId: Nullable(Type.String()),
  firstName: Type.String(),
  lastName: Type.String(),
  birthDate: Type.String(),
  gender: Type.String(),
  goalkeeper: Type.Boolean(),
  jersey: Type.Union([Type.Integer(), Type.Null()]),
  guardians: Type.Array(Type.Object({ name: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()), primary: Type.Boolean() })),
});
const player = (p: RosterLine) => ({ ...p, guardians: p.guardians.map((g) => ({ name: `${g.firstName} ${g.lastName}`, email: g.email, phone: g.phone, primary: g.isPrimary })) });

const RosterJson = Type.Object({
  team: Type.Object({ id: Type.String(), season: Type.String(), division: Type.String(), program: Type.String(), name: Type.String() }),
  staff: Type.Array(Type.Object({ personId: Type.String(), role: Type.String(), name: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()) })),
  players: Type.Array(RosterPlayer),
});

const WindowJson = Type.Object({ seasonId: Type.String(), open: Type.Boolean(), openedAt: Nullable(Type.String()), closedAt: Nullable(Type.String()) });
const RatingJson = Type.Object({
  playerId: Type.String(),
  name: Type.String(),
  jersey: Type.Union([Type.Integer(), Type.Null()]),
  rating: Type.Union([Type.Number(), Type.Null()]),
  ratedBy: Nullable(Type.String()),
  ratedAt: Nullable(Type.String()),
  overrideReason: Nullable(Type.String()),
});
const OpenTeamJson = Type.Object({
  id: Type.String(),
  division: Type.String(),
  program: Type.String(),
  name: Type.String(),
  headCoach: Nullable(Type.String()),
  offered: Type.Array(Type.Object({ offerId: Type.String(), personId: Type.String(), name: Type.String() })),
});

function rosterApi(app: App, deps: Deps) {
  app.get(
    '/api/v1/teams/:id/roster',
    {
      config: { access: TEAM_PAGES },
      schema: { tags, summary: "A published team's roster with the parents' contacts (its coaches and the board only)", params: Id, response: { 200: RosterJson, ...errors } },
    },
    async (req) => {
      const r = await teamRoster(deps, req.auth, req.params.id);
      const t = r.view.team;
      return {
        team: { id: t.id, season: t.seasonId, division: t.division, program: t.program, name: t.name },
        staff: r.staff.map((s) => ({ personId: s.personId, role: s.role, name: `${s.firstName} ${s.lastName}`, email: s.email, phone: s.phone })),
        players: r.players.map(player),
      };
    },
  );
  app.put(
    '/api/v1/teams/:id/jerseys',
    {
      config: { access: TEAM_PAGES },
      schema: {
        tags,
        summary: "Set jersey numbers for the season (0-99, one per player of the team; the team's coaches, or the coach administrator audited); all or nothing",
        params: Id,
        body: Type.Object({
          jerseys: Type.Array(Type.Object({ playerId: Type.String(), jersey: Type.Union([Type.Integer({ minimum: 0, maximum: 99 }), Type.Null()]) }), { maxItems: 60 }),
        }),
        response: { 200: Type.Array(RosterPlayer), ...errors },
      },
    },
    async (req) => (await setJerseys(deps, req.auth, req.params.id, req.body.jerseys)).map(player),
  );
  app.get(
    '/api/v1/teams/export',
    {
      config: { access: BOARD_VIEWERS },
      schema: {
        tags,
        summary:
          "The association's 7-column team upload CSV of published teams (TeamName,PlayerID,VolunteerID,VolunteerTypeID,Player Name,Team Personnel Name,Team Personnel Role; PlayerID and VolunteerID are the association's ids, MISSING for a player or coach without one; VolunteerTypeID 1 head coach, 2 assistant coach)",
        querystring: Type.Object({
          season: Type.Optional(Type.String({ maxLength: 40 })),
          division: Type.Optional(Type.String({ maxLength: 40 })),
          program: Type.Optional(Type.String({ maxLength: 10 })),
        }),
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errors },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const csv = await teamUploadFile(deps, req.auth, {
        seasonId: seasonIdOf(await req.regionConfig(), deps.clock, q.season),
        ...(q.division ? { division: q.division } : {}),
        ...(q.program ? { program: q.program } : {}),
      });
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="teams.csv"').send(csv);
    },
  );
}

function ratingsApi(app: App, deps: Deps) {
  app.get(
    '/api/v1/teams/:id/ratings',
    {
      config: { access: TEAM_PAGES },
      schema: {
        tags,
        summary: "A team's ratings of its season, and whether the rating window is open (its coaches and the board)",
        params: Id,
        response: { 200: Type.Object({ window: WindowJson, ratings: Type.Array(RatingJson) }), ...errors },
      },
    },
    async (req) => {
      const r = await teamRatings(deps, req.auth, req.params.id);
      return { window: r.window, ratings: r.ratings };
    },
  );
  app.put(
    '/api/v1/teams/:id/ratings',
    {
      config: { access: COACH_ROLES },
      schema: {
        tags,
        summary: "The team's coaches rate its players on the region's scale while the rating window is open; all or nothing",
        params: Id,
        body: Type.Object({ ratings: Type.Array(Type.Object({ playerId: Type.String(), rating: Type.Number() }), { maxItems: 60 }) }),
        response: { 200: Type.Array(RatingJson), ...errors },
      },
    },
    async (req) => rateTeam(deps, req.auth, req.params.id, req.body.ratings),
  );
  app.put(
    '/api/v1/ratings/:season/:playerId',
    {
      config: { access: FORMERS },
      schema: {
        tags,
        summary: "Override a player's rating of a season, window open or not, with a reason (coach administrator; audited)",
        params: Type.Object({ season: Type.String(), playerId: Type.String() }),
        body: Type.Object({ rating: Type.Number(), reason: Type.String({ maxLength: 500 }) }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await overrideRating(deps, actorOf(req), req.params.season, req.params.playerId, req.body.rating, req.body.reason);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/ratings/window',
    {
      config: { access: TEAM_PAGES },
      schema: { tags, summary: "Whether coaches can rate their players now (a season's rating window)", querystring: SeasonQuery, response: { 200: WindowJson, 404: ErrorSchema } },
    },
    async (req) => ratingWindow(deps.db, seasonIdOf(await req.regionConfig(), deps.clock, req.query.season)),
  );
  app.put(
    '/api/v1/ratings/window',
    {
      config: { access: FORMERS },
      schema: {
        tags,
        summary: "Open or close a season's rating window (coach administrator; audited)",
        body: Type.Object({ season: Type.Optional(Type.String({ maxLength: 40 })), open: Type.Boolean() }),
        response: { 200: WindowJson, ...errors },
      },
    },
    async (req) => setRatingWindow(deps, actorOf(req), seasonIdOf(await req.regionConfig(), deps.clock, req.body.season), req.body.open),
  );
}

function assistantsApi(app: App, deps: Deps) {
  app.get(
    '/api/v1/assistants/open-teams',
    {
      config: { access: FORMERS },
      schema: {
        tags,
        summary: 'Published teams without an assistant coach, with open offers',
        querystring: Type.Object({ season: Type.Optional(Type.String({ maxLength: 40 })), division: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: { 200: Type.Array(OpenTeamJson), 404: ErrorSchema },
      },
    },
    async (req) => teamsWithoutAssistant(deps.db, seasonIdOf(await req.regionConfig(), deps.clock, req.query.season), req.query.division),
  );
  app.post(
    '/api/v1/teams/:id/assistants',
    {
      config: { access: FORMERS },
      schema: {
        tags,
        summary: 'Assign an assistant-coach volunteer of the division to a team now, or offer them the team (coach administrator; audited). No player moves',
        params: Id,
        body: Type.Object({ personId: Type.String(), mode: Type.Union([Type.Literal('assign'), Type.Literal('offer')]) }),
        response: { 201: Type.Object({ offerId: Nullable(Type.String()) }), ...errors },
      },
    },
    async (req, reply) => {
      if (req.body.mode === 'assign') {
        await assignAssistant(deps, actorOf(req), req.params.id, req.body.personId);
        return reply.code(201).send({ offerId: null });
      }
      return reply.code(201).send({ offerId: await offerAssistant(deps, actorOf(req), req.params.id, req.body.personId) });
    },
  );
  app.get(
    '/api/v1/me/assistant-offers',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Your open offers to assist a team',
        response: {
          200: Type.Array(Type.Object({ id: Type.String(), teamId: Type.String(), teamName: Type.String(), headCoach: Nullable(Type.String()), offeredAt: Type.String() })),
        },
      },
    },
    async (req) => offersFor(deps.db, req.auth!.personId),
  );
  app.post(
    '/api/v1/me/assistant-offers/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Accept (join the team as assistant coach) or decline an offer',
        params: Id,
        body: Type.Object({ accept: Type.Boolean() }),
        response: { 200: Type.Object({ teamId: Type.String(), teamName: Type.String() }), ...errors },
      },
    },
    async (req) => answerOffer(deps, req.auth, req.params.id, req.body.accept),
  );
}

export function teamsApi(app: App, deps: Deps): void {
  rosterApi(app, deps);
  ratingsApi(app, deps);
  assistantsApi(app, deps);
}

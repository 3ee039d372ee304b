import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../platform/feature.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { checkPlayingTime } from './playing-time.rules.js';
import type { FastifyReply } from 'fastify';
import { loadCard, saveCard, submitCard, type CardView } from './cards.service.js';
import { cardPdf } from './card.pdf.js';
import { CardBody, CardJson, CardParams, CheckBody, CheckResult, GameParams, QuarterSchema, cardJson } from './gamecards.schemas.js';
import { planFor, recheckFor } from './planner.service.js';
import { setJerseys } from './jerseys.service.js';

const tags = ['game cards'];
const AUTH = { access: 'authenticated' as const };
const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };

/** Sends the printable card: header and roster always, the marks once the card was saved. */
export async function sendCardPdf(reply: FastifyReply, v: CardView): Promise<FastifyReply> {
  const pdf = await cardPdf({ header: v.header, roster: v.roster, quarters: v.ctx.quarters, ...(v.revision > 0 ? { rows: v.rows, back: v.back } : {}) });
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="game-card-${v.header.date}-team-${v.header.teamNumber}.pdf"`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(pdf));
}

/** /api/v1/games/{id}/cards/{teamId}: one team's card of one game (its coaches and the board). */
export function cardsApi(app: App, deps: Deps): void {
  app.get('/api/v1/games/:id/cards/:teamId', {
    config: AUTH,
    schema: { tags, summary: "A team's game card with its violations (the team's coaches, coach administrator, region administrator)", params: CardParams, response: { 200: CardJson, ...errors } },
  }, async (req) => cardJson(await loadCard(deps, req.auth, req.params.id, req.params.teamId)));
  app.put('/api/v1/games/:id/cards/:teamId', {
    config: AUTH,
    schema: {
      tags, summary: 'Save the whole card as the coach has it (idempotent per save id)',
      description: 'Send a new random `saveId` with every save and the `revision` your copy is at. Resending a save id already applied answers the card (`replayed: true`) and writes nothing. A revision behind the card answers 409 STALE; a submitted card answers 409 CARD_LOCKED, except for the coach administrator, who corrects it with a `reason` (audited).',
      params: CardParams, body: CardBody, response: { 200: CardJson, ...errors },
    },
  }, async (req) => {
    const { saveId, revision, reason, ...card } = req.body;
    const r = await saveCard(deps, req.auth, req.params.id, req.params.teamId, { saveId, revision, reason, card });
    return cardJson(r.view, r.replayed);
  });
  app.post('/api/v1/games/:id/cards/:teamId/submit', {
    config: AUTH,
    schema: {
      tags, summary: 'Submit the card: it is locked from then on (a second submit answers it unchanged)',
      params: CardParams, body: Type.Optional(Type.Object({ revision: Type.Optional(Type.Integer({ minimum: 0 })) })), response: { 200: CardJson, ...errors },
    },
  }, async (req) => cardJson(await submitCard(deps, req.auth, req.params.id, req.params.teamId, { revision: req.body?.revision })));
  app.get('/api/v1/games/:id/cards/:teamId/pdf', {
    config: AUTH,
    schema: { tags, summary: 'The printable card (PDF) with header and roster filled in, for the referee', params: CardParams, produces: ['application/pdf'], response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'the PDF' }), ...errors } },
  }, async (req, reply) => sendCardPdf(reply, await loadCard(deps, req.auth, req.params.id, req.params.teamId)));
  planApi(app, deps);
  app.put('/api/v1/games/teams/:teamId/jerseys', {
    config: AUTH,
    schema: {
      tags, summary: "Set the team's jersey numbers for the season (the team's coaches, coach administrator)",
      params: Type.Object({ teamId: Type.String() }),
      body: Type.Object({ jerseys: Type.Array(Type.Object({ playerId: Type.String(), jersey: Type.Union([Type.Integer(), Type.Null()]) }), { maxItems: 40 }) }),
      response: { 200: Type.Array(Type.Object({ playerId: Type.String(), name: Type.String(), jersey: Type.Union([Type.Integer(), Type.Null()]) })), ...errors },
    },
  }, async (req) => setJerseys(deps, req.auth, req.params.teamId, req.body.jerseys));
  app.post('/api/v1/playing-time/check', {
    config: AUTH,
    schema: {
      tags, summary: "Check a card against the region's playing-time rule; nothing is stored",
      description: 'Answers every violation, each with the player (null for a whole-quarter problem), a code and a message that says what to change.',
      body: CheckBody, response: { 200: CheckResult, 401: ErrorSchema, 422: ErrorSchema },
    },
  }, async (req) => checkPlayingTime(req.body, (await req.regionConfig()).playingTime));
}

const Lineup = Type.Object({ quarter: Type.Integer(), keeper: Type.Union([Type.String(), Type.Null()]), field: Type.Array(Type.String()), sitting: Type.Array(Type.String()), notArrived: Type.Array(Type.String()) });
const PlanJson = Type.Object({
  plan: Type.Object({
    playersOnField: Type.Integer(), quarters: Type.Integer(),
    roster: Type.Array(Type.Object({ id: Type.String(), arrivedQuarter: Type.Integer() })),
    lineups: Type.Array(Lineup), owed: Type.Record(Type.String(), Type.Integer()), warnings: Type.Array(Type.String()),
  }),
  check: CheckResult,
  season: Type.Record(Type.String(), Type.Object({ games: Type.Integer(), played: Type.Integer(), sat: Type.Integer(), kept: Type.Integer(), injured: Type.Integer() })),
  cardPlayers: Type.Array(Type.Object({ id: Type.String(), attended: Type.Boolean(), arrivedQuarter: Type.Integer(), quarters: Type.Array(QuarterSchema) }), { description: 'the plan as card rows: PUT them on the card to pre-fill it' }),
});

function planApi(app: App, deps: Deps): void {
  app.post('/api/v1/games/:id/plan', {
    config: AUTH,
    schema: {
      tags, summary: 'A rotation plan for one team: who keeps goal, plays and sits each quarter',
      description: 'The plan meets the playing-time rule and gives extra quarters first to players who sat most this season (from the team\'s submitted cards). Players default to those attending on the saved card, else the whole roster; `canKeep` defaults to the player\'s registration. 422 NO_KEEPER / NO_VALID_PLAN when no plan can meet the rule (ask with `allowNoKeeper`).',
      params: GameParams,
      body: Type.Object({
        teamId: Type.String(),
        players: Type.Optional(Type.Array(Type.Object({ id: Type.String(), arrivedQuarter: Type.Optional(Type.Integer()), canKeep: Type.Optional(Type.Boolean()) }), { maxItems: 40 })),
        seed: Type.Optional(Type.Integer()),
        allowNoKeeper: Type.Optional(Type.Boolean()),
      }),
      response: { 200: PlanJson, ...errors },
    },
  }, async (req) => {
    const r = await planFor(deps, req.auth, req.params.id, req.body);
    return { plan: r.plan, check: r.check, season: r.season, cardPlayers: r.cardPlayers.map((p) => ({ ...p, arrivedQuarter: p.arrivedQuarter ?? 1, quarters: [...p.quarters] })) };
  });
  app.post('/api/v1/games/:id/plan/check', {
    config: AUTH,
    schema: {
      tags, summary: 'Re-check a plan adjusted by hand (same rule as the card; nothing stored)',
      params: GameParams,
      body: Type.Object({
        teamId: Type.String(),
        roster: Type.Array(Type.Object({ id: Type.String(), arrivedQuarter: Type.Optional(Type.Integer()) }), { maxItems: 40 }),
        lineups: Type.Array(Type.Object({ quarter: Type.Integer(), keeper: Type.Union([Type.String(), Type.Null()]), field: Type.Array(Type.String()) }), { maxItems: 12 }),
      }),
      response: { 200: CheckResult, ...errors },
    },
  }, async (req) => recheckFor(deps, req.auth, req.params.id, req.body.teamId, req.body));
}

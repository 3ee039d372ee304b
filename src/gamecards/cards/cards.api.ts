import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import type { FastifyReply } from 'fastify';
import { loadCard, saveCard, submitCard, type CardView } from './cards.service.js';
import { cardPdf } from './card.pdf.js';
import { CardBody, CardJson, CardParams, cardJson } from './cards.schemas.js';

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
  app.get(
    '/api/v1/games/:id/cards/:teamId',
    {
      config: AUTH,
      schema: {
        tags,
        summary: "A team's game card with its violations (the team's coaches, coach administrator, region administrator)",
        params: CardParams,
        response: { 200: CardJson, ...errors },
      },
    },
    async (req) => cardJson(await loadCard(deps, req.auth, req.params.id, req.params.teamId)),
  );
  app.put(
    '/api/v1/games/:id/cards/:teamId',
    {
      config: AUTH,
      schema: {
        tags,
        summary: 'Save the whole card as the coach has it (idempotent per save id)',
        description:
          'Send a new random `saveId` with every save and the `revision` your copy is at. Resending a save id already applied answers the card (`replayed: true`) and writes nothing. A revision behind the card answers 409 STALE; a submitted card answers 409 CARD_LOCKED, except for the coach administrator, who corrects it with a `reason` (audited).',
        params: CardParams,
        body: CardBody,
        response: { 200: CardJson, ...errors },
      },
    },
    async (req) => {
      const { saveId, revision, reason, ...card } = req.body;
      const r = await saveCard(deps, req.auth, req.params.id, req.params.teamId, { saveId, revision, reason, card });
      return cardJson(r.view, r.replayed);
    },
  );
  app.post(
    '/api/v1/games/:id/cards/:teamId/submit',
    {
      config: AUTH,
      schema: {
        tags,
        summary: 'Submit the card: it is locked from then on (a second submit answers it unchanged)',
        params: CardParams,
        body: Type.Optional(Type.Object({ revision: Type.Optional(Type.Integer({ minimum: 0 })) })),
        response: { 200: CardJson, ...errors },
      },
    },
    async (req) => cardJson(await submitCard(deps, req.auth, req.params.id, req.params.teamId, { revision: req.body?.revision })),
  );
  app.get(
    '/api/v1/games/:id/cards/:teamId/pdf',
    {
      config: AUTH,
      schema: {
        tags,
        summary: 'The printable card (PDF) with header and roster filled in, for the referee',
        params: CardParams,
        produces: ['application/pdf'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'the PDF' }), ...errors },
      },
    },
    async (req, reply) => sendCardPdf(reply, await loadCard(deps, req.auth, req.params.id, req.params.teamId)),
  );
}

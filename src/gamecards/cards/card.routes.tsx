import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { newId } from '../../platform/clock.js';
import { AppError, statusFor } from '../../platform/errors.js';
import { flash, fragment, isHtmx, page } from '../../platform/http/pages.js';
import { formBody, type FormBody } from '../../platform/http/forms.js';
import { loadCard, saveCard, submitCard, type CardView } from './cards.service.js';
import { cardInputFromForm, formRevision } from './card-form.schemas.js';
import { CardLive, CardPage } from './card.views.js';
import { cardPath } from '../gamecards.views.js';
import { sendCardPdf } from './cards.api.js';

const AUTH = { access: 'authenticated' as const };
const hidden = { hide: true };
type Params = { id: string; teamId: string };

const errorsOf = (e: AppError) => (e.details as { errors?: string[] } | undefined)?.errors ?? [e.message];

async function showCard(deps: Deps, req: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200) {
  const { id, teamId } = req.params as Params;
  const v = await loadCard(deps, req.auth, id, teamId);
  const title = `Game card ${v.header.date}`;
  return page(req, reply, title, (ctx) => <CardPage ctx={ctx} v={v} saveId={newId()} errors={errors} />, { status });
}

/** Saves the posted card; answers the saved view, or throws the AppError for the caller to show. */
async function saveFromForm(deps: Deps, req: FastifyRequest, f: FormBody): Promise<CardView> {
  const { id, teamId } = req.params as Params;
  const before = await loadCard(deps, req.auth, id, teamId);
  const card = cardInputFromForm(f, before.roster, before.ctx.quarters);
  const r = await saveCard(deps, req.auth, id, teamId, { saveId: f.saveId ?? '', revision: formRevision(f), reason: f.reason, card });
  return r.view;
}

/**
 * The card page. Without JavaScript the form posts, saves and comes back (303); with htmx each change
 * posts the whole card and only the live block (revision, next save id, violations) is swapped in.
 * A failed htmx save keeps the posted save id and revision, so the next change retries it safely.
 */
export function cardRoutes(app: App, deps: Deps): void {
  app.get('/games/:id/cards/:teamId', { config: AUTH, schema: hidden }, (req, reply) => showCard(deps, req, reply));
  app.post('/games/:id/cards/:teamId', { config: AUTH, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    try {
      const v = await saveFromForm(deps, req, f);
      if (isHtmx(req)) return fragment(reply, <CardLive v={v} saveId={newId()} message={`Saved (revision ${v.revision}).`} />);
      flash(reply, v.status === 'submitted' ? 'Correction saved.' : 'Card saved.');
      return reply.redirect(cardPath((req.params as Params).id, (req.params as Params).teamId), 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (!isHtmx(req)) return showCard(deps, req, reply, errorsOf(e), statusFor(e.code));
      const { id, teamId } = req.params as Params;
      const v = await loadCard(deps, req.auth, id, teamId);
      const kept = { ...v, revision: formRevision(f) };
      return fragment(reply, <CardLive v={kept} saveId={f.saveId ?? newId()} message="Not saved." errors={errorsOf(e)} />, statusFor(e.code));
    }
  });
  app.post('/games/:id/cards/:teamId/submit', { config: AUTH, schema: hidden }, async (req, reply) => {
    const { id, teamId } = req.params as Params;
    try {
      const saved = await saveFromForm(deps, req, formBody(req));
      await submitCard(deps, req.auth, id, teamId, { revision: saved.revision });
      flash(reply, 'Card submitted. It is locked now; the coach administrator can correct it if needed.');
      return reply.redirect(cardPath(id, teamId), 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return showCard(deps, req, reply, errorsOf(e), statusFor(e.code));
    }
  });
  app.get('/games/:id/cards/:teamId/card.pdf', { config: AUTH, schema: hidden }, async (req, reply) => {
    const { id, teamId } = req.params as Params;
    return sendCardPdf(reply, await loadCard(deps, req.auth, id, teamId));
  });
}

/** Pages: /seasons/next (preview and start), the draft windows' publish form, and the one-click offer answers. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../platform/feature.js';
import { flash, fragment, isHtmx, page } from '../platform/http/pages.js';
import { actorOf, formBody, handleForm } from '../platform/http/forms.js';
import { AppError } from '../platform/errors.js';
import { publishDraftWindows } from '../practice/index.js';
import { STARTERS } from './seasons.access.js';
import { previewJson } from './seasons.api.js';
import { acceptOffer, declineOffer, previewNextSeason, startNextSeason } from './seasons.service.js';
import { NextSeasonPage, OfferAnswered } from './seasons.views.js';

const hidden = { hide: true };

export function seasonsRoutes(app: App, deps: Deps): void {
  const show = async (req: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200) => {
    const p = previewJson(await previewNextSeason(deps, await req.regionConfig()));
    return page(req, reply, 'Start the next season', (ctx) => <NextSeasonPage ctx={ctx} p={p} errors={errors} />, { status });
  };
  app.get('/seasons/next', { config: { access: STARTERS }, schema: hidden }, (req, reply) => show(req, reply));
  app.post('/seasons/next/start', { config: { access: STARTERS }, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const r = await startNextSeason(deps, await req.regionConfig(), actorOf(req), f.seasonId ?? '');
        flash(reply, r.alreadyStarted ? 'This season was started already: nothing was done again.' : 'The season is started: the offers are mailed and the windows are drafts.');
        return reply.redirect('/seasons/next', 303);
      },
      (errors, status) => show(req, reply, errors, status),
    );
  });
  app.post('/seasons/windows/publish', { config: { access: STARTERS }, schema: hidden }, async (req, reply) => {
    const season = formBody(req).season ?? '';
    const back = `/practice/admin?season=${encodeURIComponent(season)}`;
    try {
      const n = await publishDraftWindows(deps, actorOf(req), season);
      flash(reply, `${n} draft window(s) published: generate the slots to open them for booking.`);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      flash(reply, e.message);
    }
    return reply.redirect(back, 303);
  });
  for (const verb of ['accept', 'decline'] as const) {
    app.post(`/me/role-offers/:id/${verb}`, { config: { access: 'authenticated' }, schema: hidden }, async (req, reply) => {
      const { id } = req.params as { id: string };
      const actor = { id: req.auth!.personId, name: req.auth!.name };
      let text: string;
      try {
        await (verb === 'accept' ? acceptOffer : declineOffer)(deps, await req.regionConfig(), actor, id);
        text =
          verb === 'accept' ? 'Accepted: the role is yours for the new season. Thank you!' : 'Declined: the coach administrator will find someone else. Thank you for telling us.';
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        text = e.message;
      }
      if (isHtmx(req)) return fragment(reply, <OfferAnswered id={id} text={text} />);
      flash(reply, text);
      return reply.redirect('/', 303);
    });
  }
}

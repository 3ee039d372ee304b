/** The family page (/family) and its "write to the coaches" form. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../platform/feature.js';
import { flash, page } from '../platform/http/pages.js';
import { formBody, handleForm } from '../platform/http/forms.js';
import { familyView, writeToCoaches } from './families.service.js';
import { FamilyPage, type ContactState } from './families.views.js';

const ACCESS = { access: 'authenticated' } as const;
const hidden = { hide: true };

export function familiesRoutes(app: App, deps: Deps) {
  const show = async (req: FastifyRequest, reply: FastifyReply, contact?: ContactState, status = 200) => {
    const view = await familyView(deps, await req.regionConfig(), req.auth!);
    return page(req, reply, 'Your children', (ctx) => <FamilyPage ctx={ctx} view={view} email={req.auth!.email} contact={contact} />, { status });
  };
  app.get('/family', { config: ACCESS, schema: hidden }, (req, reply) => show(req, reply));
  app.post('/family/children/:playerId/contact', { config: ACCESS, schema: hidden }, async (req, reply) => {
    const { playerId } = req.params as { playerId: string };
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const sent = await writeToCoaches(deps, await req.regionConfig(), req.auth!, playerId, f.message ?? '');
        flash(reply, `Your message went to the ${sent.coaches === 1 ? 'coach' : `${sent.coaches} coaches`} of ${sent.teamName}. They answer to your email.`);
        return reply.redirect(`/family#child-${encodeURIComponent(playerId)}`, 303);
      },
      (errors, status) => show(req, reply, { playerId, values: { message: f.message ?? '' }, errors }, status),
    );
  });
}

/** The registrar's pages: uploaded certificates to check, a completion by hand. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { flash, page } from '../../platform/http/pages.js';
import { actorOf, formBody, handleForm } from '../../platform/http/forms.js';
import { AppError } from '../../platform/errors.js';
import { findPersonRowByEmail } from '../../people/index.js';
import { getRegionConfig, regionToday } from '../../region/index.js';
import { catalogOf } from '../catalog.rules.js';
import { completionLabel, completionOptions } from '../training.rules.js';
import { recordCompletion, RECORDERS } from '../completions/completions.service.js';
import { rejectRequest, verifyRequest, VERIFIERS } from './requests.service.js';
import { listRequests, type RequestListRow } from './requests.store.js';
import { QueuePage, type QueueLine, type QueueModel, type QueueState } from './requests.views.js';

const CHECK = { access: VERIFIERS };
const hidden = { hide: true };

export async function queueModel(deps: Pick<Deps, 'db' | 'clock'>): Promise<QueueModel> {
  const config = await getRegionConfig(deps.db);
  const catalog = catalogOf(config);
  const line = (r: RequestListRow): QueueLine => ({
    id: r.id,
    personName: r.person_name,
    personEmail: r.person_email,
    label: completionLabel(catalog, r.training, r.part),
    completedOn: r.completed_on,
    sentAt: r.created_at,
    fileName: r.file_name,
    status: r.status,
    reason: r.reason,
  });
  const pending = (await listRequests(deps.db, { status: 'pending' })).map(line);
  const decided = (await listRequests(deps.db, { newestFirst: true, limit: 40 }))
    .filter((r) => r.status !== 'pending')
    .slice(0, 20)
    .map(line);
  return { pending, decided, options: completionOptions(catalog), today: regionToday(config, deps.clock) };
}

export function requestRoutes(app: App, deps: Deps) {
  const queue = async (req: FastifyRequest, reply: FastifyReply, state: QueueState = {}, status = 200) => {
    const m = await queueModel(deps);
    return page(req, reply, 'Certificate checks', (ctx) => <QueuePage ctx={ctx} m={m} state={state} />, { status });
  };
  const decide = (action: (req: FastifyRequest, id: string) => Promise<void>, done: string) => async (req: FastifyRequest, reply: FastifyReply) =>
    handleForm(
      reply,
      async () => {
        await action(req, (req.params as { id: string }).id);
        flash(reply, done);
        return reply.redirect('/training/requests', 303);
      },
      (errors, status) => queue(req, reply, { form: 'queue', errors }, status),
    );
  app.get('/training/requests', { config: CHECK, schema: hidden }, (req, reply) => queue(req, reply));
  app.post(
    '/training/requests/:id/verify',
    { config: CHECK, schema: hidden },
    decide((req, id) => verifyRequest(deps, actorOf(req), id), 'Accepted: the completion is recorded and the volunteer is told by mail.'),
  );
  app.post(
    '/training/requests/:id/reject',
    { config: CHECK, schema: hidden },
    decide((req, id) => rejectRequest(deps, actorOf(req), id, formBody(req).reason ?? ''), 'Refused: the volunteer is told why by mail.'),
  );
  app.post('/training/completions', { config: { access: RECORDERS }, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const person = await findPersonRowByEmail(deps.db, f.email ?? '');
        if (!person) throw new AppError('VALIDATION', `No account uses ${f.email ?? ''}: check the address, or ask the volunteer to create an account first.`);
        const c = await recordCompletion(deps, actorOf(req), person.id, { training: f.training ?? '', completedOn: f.completedOn ?? '' });
        flash(reply, `Recorded ${c.label} on ${c.completedOn} for ${person.first_name} ${person.last_name} (certificate ${c.certificateNo}).`);
        return reply.redirect('/training/requests', 303);
      },
      (errors, status) => queue(req, reply, { form: 'record', values: f, errors }, status),
    );
  });
}

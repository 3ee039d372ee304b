/** Pages of the instructors and the coach administrator: schedule classes, roster, credit. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { flash, page } from '../../platform/http/pages.js';
import { formBody, formList, handleForm } from '../../platform/http/forms.js';
import { AppError } from '../../platform/errors.js';
import { findPersonRowByEmail } from '../../people/index.js';
import { cancelSession, CLASS_STAFF, createSession, type ClassActor } from './classes.service.js';
import { creditAttendees } from './credits.service.js';
import { classesModel, rosterOf } from './class-lists.service.js';
import { ClassesPage, RosterPage, type ClassFormState } from './classes.views.js';

const STAFF = { access: CLASS_STAFF };
const hidden = { hide: true };

export function classActor(req: FastifyRequest): ClassActor {
  const a = req.auth!;
  return { id: a.personId, name: a.name, roles: a.roles.map((r) => r.role) };
}

/** The people to credit: the ticked attendees and, optionally, one more by email. */
async function creditList(deps: Deps, req: FastifyRequest): Promise<string[]> {
  const ids = formList(req, 'personId');
  const email = (formBody(req).email ?? '').trim();
  if (email) {
    const p = await findPersonRowByEmail(deps.db, email);
    if (!p)
      throw new AppError(
        'NOT_REGISTERED',
        `Nobody with the email ${email} has an account, so they did not register for this class. Ask them to create an account and register first.`,
      );
    ids.push(p.id);
  }
  return ids;
}

export function classRoutes(app: App, deps: Deps) {
  const list = async (req: FastifyRequest, reply: FastifyReply, state: ClassFormState = {}, status = 200) => {
    const m = await classesModel(deps, classActor(req));
    return page(req, reply, 'Classes', (ctx) => <ClassesPage ctx={ctx} m={m} state={state} />, { status });
  };
  const roster = async (req: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200) => {
    const r = await rosterOf(deps, classActor(req), (req.params as { id: string }).id);
    return page(req, reply, `Roster: ${r.session.label}`, (ctx) => <RosterPage ctx={ctx} r={r} errors={errors} />, { status });
  };
  app.get('/training/classes', { config: STAFF, schema: hidden }, (req, reply) => list(req, reply));
  app.post('/training/classes', { config: STAFF, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const s = await createSession(deps, classActor(req), {
          code: f.code ?? '',
          date: f.date ?? '',
          startTime: f.startTime ?? '',
          endTime: f.endTime ?? '',
          place: f.place ?? '',
          capacity: f.capacity ?? '',
          instructorId: f.instructorId,
        });
        flash(reply, `The class on ${s.date} is scheduled; coaches can register on their Training page.`);
        return reply.redirect('/training/classes', 303);
      },
      (errors, status) => list(req, reply, { values: f, errors }, status),
    );
  });
  app.get('/training/classes/:id', { config: STAFF, schema: hidden }, (req, reply) => roster(req, reply));
  app.post('/training/classes/:id/credit', { config: STAFF, schema: hidden }, async (req, reply) =>
    handleForm(
      reply,
      async () => {
        const id = (req.params as { id: string }).id;
        const r = await creditAttendees(deps, classActor(req), id, await creditList(deps, req));
        const already = r.alreadyCredited.length ? ` (${r.alreadyCredited.length} had been credited before)` : '';
        flash(reply, `${r.credited.length} attendee${r.credited.length === 1 ? '' : 's'} credited${already}.`);
        return reply.redirect(`/training/classes/${encodeURIComponent(id)}`, 303);
      },
      (errors, status) => roster(req, reply, errors, status),
    ),
  );
  app.post('/training/classes/:id/cancel', { config: STAFF, schema: hidden }, async (req, reply) =>
    handleForm(
      reply,
      async () => {
        await cancelSession(deps, classActor(req), (req.params as { id: string }).id);
        flash(reply, 'The class is cancelled; registered people are told by mail.');
        return reply.redirect('/training/classes', 303);
      },
      (errors, status) => roster(req, reply, errors, status),
    ),
  );
}

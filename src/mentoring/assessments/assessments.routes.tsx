import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { flash, page } from '../../platform/http/pages.js';
import { formBody, handleForm, type FormBody } from '../../platform/http/forms.js';
import { regionToday, seasonNow } from '../../region/index.js';
import { CRITERIA } from './assessments.rules.js';
import { acknowledgeAssessment, postMessage, recordAssessment, viewAssessment, visibleAssessments, type NewAssessment } from './assessments.service.js';
import { AssessmentForm, AssessmentPage, AssessmentTable } from './assessments.views.js';
import { seasonStaff } from '../coverage/coverage.store.js';
import type { FormState } from '../../platform/views/components.js';
import { ANYONE, MENTORS } from '../mentoring.access.js';
import { hidden, viewerOf } from '../mentoring.http.js';

/** The assessment form as input: "coach" is "teamId|personId"; an empty rating is "not observed". */
export function assessmentInputOf(f: FormBody): NewAssessment {
  const [teamId = '', coachId = ''] = (f.coach ?? '').split('|');
  const ratings: Record<string, number | null> = {};
  for (const c of CRITERIA) {
    const v = f[`rating-${c.code}`] ?? '';
    ratings[c.code] = v === '' ? null : Number(v);
  }
  return { teamId, coachId, kind: f.kind ?? '', date: f.date ?? '', ratings, strengths: f.strengths ?? '', workOn: f.workOn ?? '', notes: f.notes ?? '' };
}

const AUTH = { access: 'authenticated' as const };

export function assessmentRoutes(app: App, deps: Deps): void {
  const form = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const c = await req.regionConfig();
    const order = c.divisions.map((d) => d.code);
    const staff = (await seasonStaff(deps.db, seasonNow(c, deps.clock)?.season.id ?? '')).sort(
      (a, b) => order.indexOf(a.division) - order.indexOf(b.division) || a.teamName.localeCompare(b.teamName, undefined, { numeric: true }) || a.name.localeCompare(b.name),
    );
    return page(req, reply, 'Record an assessment', (ctx) => <AssessmentForm ctx={ctx} staff={staff} today={regionToday(c, deps.clock)} state={state} />, { status });
  };
  app.get('/mentoring/assessments/new', { config: { access: MENTORS }, schema: hidden }, (req, reply) =>
    form(req, reply, { values: { coach: String((req.query as { coach?: string }).coach ?? '') } }),
  );
  app.post('/mentoring/assessments', { config: { access: MENTORS }, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        const id = await recordAssessment(deps, viewerOf(req), assessmentInputOf(f));
        flash(reply, 'Assessment saved; the coach was mailed a link to it.');
        return reply.redirect(`/mentoring/assessments/${id}`, 303);
      },
      (errors, status) => form(req, reply, { values: f, errors }, status),
    );
  });
  app.get('/mentoring/assessments', { config: { access: ANYONE }, schema: hidden }, async (req, reply) => {
    const rows = await visibleAssessments(deps, viewerOf(req));
    return page(req, reply, 'Assessments', () => (
      <>
        <h1>Assessments</h1>
        <p class="hint">Each assessment is shared one to one: the coach, the mentor who wrote it and the coach administrator.</p>
        <AssessmentTable caption="Assessments you can read, newest first" rows={rows} show={{ coach: true, mentor: true }} />
      </>
    ));
  });
  // Any logged-in person may ask; the service answers 404 unless they may see it (canSeeAssessment).
  const show = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const d = await viewAssessment(deps, viewerOf(req), (req.params as { id: string }).id);
    const timeZone = (await req.regionConfig()).region.timeZone;
    return page(req, reply, `Assessment of ${d.assessment.coachName}`, (ctx) => <AssessmentPage ctx={ctx} d={d} state={state} timeZone={timeZone} />, { status });
  };
  app.get('/mentoring/assessments/:id', { config: AUTH, schema: hidden }, (req, reply) => show(req, reply, {}));
  app.post('/mentoring/assessments/:id/acknowledge', { config: AUTH, schema: hidden }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    await acknowledgeAssessment(deps, viewerOf(req), id);
    flash(reply, 'Thank you: your mentor can see you have read it.');
    return reply.redirect(`/mentoring/assessments/${encodeURIComponent(id)}`, 303);
  });
  app.post('/mentoring/assessments/:id/messages', { config: AUTH, schema: hidden }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        await postMessage(deps, viewerOf(req), id, f.body ?? '');
        flash(reply, 'Message sent.');
        return reply.redirect(`/mentoring/assessments/${encodeURIComponent(id)}#thread`, 303);
      },
      // A viewer who may not see it gets the 404 page again from show(): nothing is revealed.
      (errors, status) => show(req, reply, { values: f, errors }, status),
    );
  });
}

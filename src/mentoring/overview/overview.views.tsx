import type { ViewCtx } from '../../platform/views/layout.js';
import { Errors } from '../../platform/views/components.js';
import type { AssessmentSummary } from '../assessments/assessments.store.js';
import { AssessmentTable } from '../assessments/assessments.views.js';
import type { SessionForCoach } from '../sessions/sessions.service.js';
import { SessionCard, type Place } from '../sessions/sessions.views.js';

export interface OverviewData {
  isCoach: boolean;
  isMentor: boolean;
  isCoachAdmin: boolean;
  sessions: SessionForCoach[];
  aboutMe: AssessmentSummary[];
  written: AssessmentSummary[];
}

function CoachPart({ ctx, d, at }: { ctx: ViewCtx; d: OverviewData; at: Place }) {
  const mine = d.sessions.filter((s) => s.myStatus);
  const open = d.sessions.filter((s) => !s.myStatus);
  return (
    <>
      <section aria-labelledby="mine">
        <h2 id="mine">Your sign-ups</h2>
        {mine.length ? mine.map((s) => <SessionCard ctx={ctx} s={s} at={at} />) : <p>You are not signed up for any session yet.</p>}
      </section>
      <section aria-labelledby="open">
        <h2 id="open">Sessions you can join</h2>
        {open.length ? open.map((s) => <SessionCard ctx={ctx} s={s} at={at} />) : <p>No other session is published yet. Mentors publish sessions every week: check again soon.</p>}
      </section>
      <section aria-labelledby="about-me">
        <h2 id="about-me">Your assessments</h2>
        <p class="hint">A mentor watches each coach at a practice and at a game every season. Only you, your mentor and the coach administrator see what they write.</p>
        <AssessmentTable caption="Assessments of your coaching" rows={d.aboutMe} show={{ mentor: true }} />
      </section>
    </>
  );
}

export function OverviewPage({ ctx, d, at, errors }: { ctx: ViewCtx; d: OverviewData; at: Place; errors?: string[] }) {
  return (
    <>
      <h1>Mentoring</h1>
      <Errors errors={errors} />
      {d.isMentor ? (
        <section class="card" aria-labelledby="mentor">
          <h2 id="mentor">As a mentor</h2>
          <p>
            <a class="button" href="/mentoring/sessions/new">
              Publish a session
            </a>{' '}
            <a class="button secondary" href="/mentoring/assessments/new">
              Record an assessment
            </a>
          </p>
          <p>
            <a href="/mentoring/sessions">Sessions and rosters</a> · <a href="/mentoring/coverage">Coverage: who still needs an assessment</a>
          </p>
          <AssessmentTable caption="Assessments you wrote" rows={d.written} show={{ coach: true }} />
        </section>
      ) : null}
      {d.isCoachAdmin ? (
        <section class="card" aria-labelledby="admin">
          <h2 id="admin">As coach administrator</h2>
          <p>
            <a href="/mentoring/coverage">Coverage: who still needs an assessment</a> · <a href="/mentoring/assessments">Every assessment</a> ·{' '}
            <a href="/mentoring/sessions">Sessions and rosters</a>
          </p>
        </section>
      ) : null}
      {d.isCoach ? <CoachPart ctx={ctx} d={d} at={at} /> : null}
    </>
  );
}

import { Csrf, Errors, Input, Select, Table } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/views/layout.js';
import { CRITERIA, MESSAGE_LIMIT, SCALE, scaleLabel, TEXT_LIMIT } from './assessments.rules.js';
import type { AssessmentSummary } from './assessments.store.js';
import type { AssessmentView as Data } from './assessments.service.js';
import type { StaffMember } from '../coverage/coverage.rules.js';
import { RadioGroup, TextArea, type FormState } from '../../platform/views/components.js';
import { dayLabel, instantLabel } from '../dates.rules.js';

/** Text as written: paragraphs at blank lines, line breaks kept (no inline styles: the CSP forbids them). */
function Text({ text }: { text: string }) {
  return (
    <>
      {text
        .replace(/\r\n?/g, '\n')
        .split(/\n{2,}/)
        .map((para) => (
          <p>
            {para.split('\n').map((line, i) => (
              <>
                {i ? <br /> : null}
                {line}
              </>
            ))}
          </p>
        ))}
    </>
  );
}

const ROLE = { 'head-coach': 'head coach', 'assistant-coach': 'assistant coach' } as Record<string, string>;
const statusText = (a: AssessmentSummary) =>
  (a.acknowledgedAt ? 'Acknowledged' : 'Not yet acknowledged') + (a.messages ? ` · ${a.messages} message${a.messages > 1 ? 's' : ''}` : '');

export function AssessmentTable({ caption, rows, show }: { caption: string; rows: AssessmentSummary[]; show: { coach?: boolean; mentor?: boolean } }) {
  if (!rows.length) return <p>No assessments yet.</p>;
  return (
    <Table caption={caption} head={['Date', ...(show.coach ? ['Coach'] : []), 'Team', 'At', ...(show.mentor ? ['Mentor'] : []), 'Status']}>
      {rows.map((a) => (
        <tr>
          <td>
            <a href={`/mentoring/assessments/${a.id}`}>{dayLabel(a.date)}</a>
          </td>
          {show.coach ? <td>{a.coachName}</td> : null}
          <td>{a.teamName}</td>
          <td>{a.kind}</td>
          {show.mentor ? <td>{a.mentorName}</td> : null}
          <td>{statusText(a)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function AssessmentForm({ ctx, staff, today, state }: { ctx: ViewCtx; staff: StaffMember[]; today: string; state: FormState }) {
  const v = state.values ?? {};
  const options = staff.map((s) => ({ value: `${s.teamId}|${s.personId}`, label: `${s.division} · ${s.teamName}: ${s.name} (${ROLE[s.role] ?? s.role})` }));
  return (
    <section class="narrow">
      <h1>Record an assessment</h1>
      <p class="hint">Only the coach, you and the coach administrator will see it. The coach is mailed a link.</p>
      <Errors errors={state.errors} />
      <form method="post" action="/mentoring/assessments">
        <Csrf token={ctx.csrf} />
        {options.length ? (
          <Select label="Coach and team" name="coach" value={v.coach} options={[{ value: '', label: 'Choose…' }, ...options]} required />
        ) : (
          <p class="status-warn">No team has coaches this season yet.</p>
        )}
        <RadioGroup
          legend="Watched at"
          name="kind"
          value={v.kind}
          options={[
            { value: 'practice', label: 'A practice' },
            { value: 'game', label: 'A game' },
          ]}
          required
        />
        <Input label="Date" name="date" type="date" required value={v.date ?? today} max={today} />
        {CRITERIA.map((c) => (
          <RadioGroup
            legend={c.label}
            name={`rating-${c.code}`}
            value={v[`rating-${c.code}`] ?? ''}
            options={[...SCALE.map((s) => ({ value: String(s.value), label: `${s.value} · ${s.label}` })), { value: '', label: 'Not observed' }]}
          />
        ))}
        <TextArea label="Strengths" name="strengths" required value={v.strengths} maxLength={TEXT_LIMIT} hint="What went well." />
        <TextArea label="Things to work on" name="workOn" required value={v.workOn} maxLength={TEXT_LIMIT} />
        <TextArea label="Notes" name="notes" value={v.notes} maxLength={TEXT_LIMIT} hint="Anything else for the coach (optional)." />
        <button type="submit">Save and send to the coach</button>
      </form>
    </section>
  );
}

function Thread({ ctx, d, state, timeZone }: { ctx: ViewCtx; d: Data; state: FormState; timeZone: string }) {
  const a = d.assessment;
  return (
    <section class="card" aria-labelledby="thread">
      <h2 id="thread">Questions and answers</h2>
      {d.messages.length === 0 ? <p>No messages yet.</p> : null}
      <ol class="thread">
        {d.messages.map((m) => (
          <li>
            <p>
              <strong>{m.authorName}</strong> <small>{`${m.authorId === a.mentorId ? 'mentor' : 'coach'} · ${instantLabel(m.createdAt, timeZone)}`}</small>
            </p>
            <Text text={m.body} />
          </li>
        ))}
      </ol>
      {d.role ? (
        <form method="post" action={`/mentoring/assessments/${a.id}/messages`}>
          <Csrf token={ctx.csrf} />
          <Errors errors={state.errors} />
          <TextArea label={d.role === 'coach' ? 'Your question' : 'Your answer'} name="body" required value={state.values?.body} maxLength={MESSAGE_LIMIT} rows={3} />
          <button type="submit">{d.role === 'coach' ? 'Ask' : 'Answer'}</button>
        </form>
      ) : (
        <p class="hint">Only the coach and the mentor write here.</p>
      )}
    </section>
  );
}

export function AssessmentPage({ ctx, d, state, timeZone }: { ctx: ViewCtx; d: Data; state: FormState; timeZone: string }) {
  const a = d.assessment;
  return (
    <>
      <h1>
        Assessment of {a.coachName} at a {a.kind}
      </h1>
      <p>
        {dayLabel(a.date)} · {a.teamName} ({a.division}) · by {a.mentorName}
      </p>
      <p class="hint">
        Shared one to one: only {a.coachName}, {a.mentorName} and the coach administrator see this page.
      </p>
      <section class="card" aria-labelledby="ratings">
        <h2 id="ratings">Ratings</h2>
        <Table caption={`Ratings on a scale of 1 to ${SCALE.length}`} head={['Criterion', 'Rating']}>
          {CRITERIA.map((c) => (
            <tr>
              <td>{c.label}</td>
              <td>{a.ratings[c.code] === null || a.ratings[c.code] === undefined ? 'Not observed' : `${a.ratings[c.code]} · ${scaleLabel(a.ratings[c.code] ?? null)}`}</td>
            </tr>
          ))}
        </Table>
        <h3>Strengths</h3>
        <Text text={a.strengths} />
        <h3>Things to work on</h3>
        <Text text={a.workOn} />
        {a.notes ? (
          <>
            <h3>Notes</h3>
            <Text text={a.notes} />
          </>
        ) : null}
        {a.acknowledgedAt ? (
          <p class="status-ok">
            Acknowledged by {a.coachName} on {instantLabel(a.acknowledgedAt, timeZone)}.
          </p>
        ) : d.role === 'coach' ? (
          <form method="post" action={`/mentoring/assessments/${a.id}/acknowledge`}>
            <Csrf token={ctx.csrf} />
            <button type="submit">I have read it</button>
          </form>
        ) : (
          <p class="status-warn">Not yet acknowledged by the coach.</p>
        )}
      </section>
      <Thread ctx={ctx} d={d} state={state} timeZone={timeZone} />
      <p>
        <a href="/mentoring">Back to mentoring</a>
      </p>
    </>
  );
}

import { Csrf, Errors, Input, Select, Table } from '../platform/views/components.js';
import type { ViewCtx } from '../platform/views/layout.js';
import type { TrainingState } from './training.rules.js';
import { STATE_LABELS } from './training.rules.js';
import type { CompletionView, TrainingLine } from './completions/completions.service.js';
import type { MyRegistration, MyRequest, OpenClass, VolunteerTraining } from './volunteer.service.js';
import { uploadAction } from '../platform/http/uploads.js';

export interface FormState {
  /** Which form the errors belong to. */
  form?: 'upload' | 'classes';
  values?: Record<string, string>;
  errors?: string[];
}

const STATE_CLASS: Record<TrainingState, string> = { valid: 'status-ok', 'expires-soon': 'status-warn', expired: 'status-bad', 'in-progress': 'status-warn', 'not-started': '' };
const SOURCE_LABELS: Record<string, string> = {
  online: 'Online',
  instructor: 'Class',
  import: 'Older system',
  administrator: 'Recorded by the board',
  upload: 'Uploaded certificate',
};
const REQUEST_LABELS: Record<string, string> = { pending: 'Waiting for the registrar', verified: 'Accepted', rejected: 'Not accepted' };

export const when = (s: { date: string; startTime: string; endTime: string }) => `${s.date} ${s.startTime}–${s.endTime}`;

export function StateBadge({ state }: { state: TrainingState }) {
  return <span class={STATE_CLASS[state]}>{STATE_LABELS[state]}</span>;
}

function TrainingTable({ lines }: { lines: TrainingLine[] }) {
  return (
    <Table caption="Your trainings" head={['Training', 'Status', 'Completed', 'Expires', 'What to do']}>
      {lines.map((l) => (
        <tr>
          <td>{l.name}</td>
          <td>
            <StateBadge state={l.state} />
          </td>
          <td>{l.status.completedOn ?? '—'}</td>
          <td>{l.status.expiresOn ?? (l.status.complete ? 'Never' : '—')}</td>
          <td>{l.next ?? 'Nothing'}</td>
        </tr>
      ))}
    </Table>
  );
}

export function CertificateTable({ completions }: { completions: CompletionView[] }) {
  if (!completions.length) return <p>No completions are recorded for you yet. Finished a training elsewhere? Upload its certificate below.</p>;
  return (
    <Table caption="Your certificates" head={['Training', 'Completed on', 'How', 'Certificate no.', 'Certificate']}>
      {completions.map((c) => (
        <tr>
          <td>{c.label}</td>
          <td>{c.completedOn}</td>
          <td>{SOURCE_LABELS[c.source] ?? c.source}</td>
          <td>
            <code>{c.certificateNo}</code>
          </td>
          <td>
            <a href={`/api/v1/completions/${c.id}/certificate.pdf`} aria-label={`PDF certificate of ${c.label}, ${c.completedOn}`}>
              PDF
            </a>
          </td>
        </tr>
      ))}
    </Table>
  );
}

function Registrations({ ctx, list }: { ctx: ViewCtx; list: MyRegistration[] }) {
  if (!list.length) return <p>You are not registered for any upcoming class.</p>;
  return (
    <Table caption="Your class registrations" head={['Class', 'When', 'Where', 'Status']}>
      {list.map((r) => (
        <tr>
          <td>{r.session.label}</td>
          <td>{when(r.session)}</td>
          <td>{r.session.place}</td>
          <td>
            {r.creditedAt ? (
              <span class="status-ok">Credited</span>
            ) : r.canCancel ? (
              <form method="post" action={`/training/classes/${r.session.id}/cancel-registration`} class="inline">
                <Csrf token={ctx.csrf} />
                <span>Registered </span>
                <button type="submit" class="secondary" aria-label={`Cancel my registration for ${r.session.label} on ${r.session.date}`}>
                  Cancel
                </button>
              </form>
            ) : (
              'Registered'
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

function ClassAction({ ctx, c }: { ctx: ViewCtx; c: OpenClass }) {
  const a = c.action;
  if (a.kind === 'registered') return <span class="status-ok">You are registered</span>;
  if (a.kind === 'done') return <span>Already completed</span>;
  if (a.kind === 'full') return <span class="status-bad">Full</span>;
  if (a.kind === 'blocked') return <small class="hint">{a.reasons.join(' ')}</small>;
  return (
    <form method="post" action={`/training/classes/${c.id}/register`} class="inline">
      <Csrf token={ctx.csrf} />
      <button type="submit" aria-label={`Register for ${c.label} on ${c.date}`}>
        Register
      </button>
    </form>
  );
}

function OpenClasses({ ctx, classes }: { ctx: ViewCtx; classes: OpenClass[] }) {
  classes = classes.filter((c) => c.action.kind !== 'registered');
  if (!classes.length) return <p>No other in-person class is open for registration at the moment.</p>;
  return (
    <Table caption="Upcoming in-person classes" head={['Class', 'When', 'Where', 'Instructor', 'Seats left', '']}>
      {classes.map((c) => (
        <tr>
          <td>{c.label}</td>
          <td>{when(c)}</td>
          <td>{c.place}</td>
          <td>{c.instructorName}</td>
          <td>{c.seatsLeft}</td>
          <td>
            <ClassAction ctx={ctx} c={c} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

function UploadForm({ ctx, m, state }: { ctx: ViewCtx; m: VolunteerTraining; state: FormState }) {
  const v = state.form === 'upload' ? (state.values ?? {}) : {};
  return (
    <form method="post" action={uploadAction('/training/uploads', ctx.csrf)} enctype="multipart/form-data">
      {state.form === 'upload' ? <Errors errors={state.errors} /> : null}
      <Select
        label="Training"
        name="training"
        value={v.training}
        required
        options={[{ value: '', label: 'Choose the training' }, ...m.options.map((o) => ({ value: o.code, label: o.label }))]}
      />
      <Input label="Completed on" name="completedOn" type="date" required max={m.today} value={v.completedOn} />
      <label for="f-file">
        Certificate (PDF, JPEG or PNG, at most 10 MB)
        <input id="f-file" name="file" type="file" required accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" />
      </label>
      <button type="submit">Send for checking</button>
    </form>
  );
}

function Requests({ list }: { list: MyRequest[] }) {
  if (!list.length) return null;
  return (
    <Table caption="Certificates you sent" head={['Training', 'Completed on', 'Sent', 'Status', 'File']}>
      {list.map((r) => (
        <tr>
          <td>{r.label}</td>
          <td>{r.completedOn}</td>
          <td>{r.sentAt.slice(0, 10)}</td>
          <td>
            <span class={r.status === 'verified' ? 'status-ok' : r.status === 'rejected' ? 'status-bad' : 'status-warn'}>{REQUEST_LABELS[r.status] ?? r.status}</span>
            {r.reason ? <small class="hint"> Reason: {r.reason}</small> : null}
          </td>
          <td>
            <a href={`/training/uploads/${r.id}/file`}>{r.fileName}</a>
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function TrainingPage({ ctx, m, state }: { ctx: ViewCtx; m: VolunteerTraining; state: FormState }) {
  return (
    <>
      <h1>Your trainings</h1>
      <TrainingTable lines={m.lines} />
      <h2>Certificates</h2>
      <CertificateTable completions={m.completions} />
      <h2>In-person classes</h2>
      {state.form === 'classes' ? <Errors errors={state.errors} /> : null}
      <Registrations ctx={ctx} list={m.registrations} />
      <OpenClasses ctx={ctx} classes={m.classes} />
      <h2 id="missing">Missing a certification?</h2>
      <p>If you completed a training that does not show above, upload its certificate. The registrar checks it and adds it to your trainings.</p>
      <UploadForm ctx={ctx} m={m} state={state} />
      <Requests list={m.requests} />
    </>
  );
}

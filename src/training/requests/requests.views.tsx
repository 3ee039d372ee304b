import { Csrf, Errors, Input, Select, Table } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/views/layout.js';
import type { CodeOption } from '../training.rules.js';

export interface QueueLine {
  id: string;
  personName: string;
  personEmail: string | null;
  label: string;
  completedOn: string;
  sentAt: string;
  fileName: string;
  status: string;
  reason: string | null;
}

export interface QueueModel {
  pending: QueueLine[];
  decided: QueueLine[];
  options: CodeOption[];
  today: string;
}

export interface QueueState {
  form?: 'queue' | 'record';
  values?: Record<string, string>;
  errors?: string[];
}

function Pending({ ctx, list }: { ctx: ViewCtx; list: QueueLine[] }) {
  if (!list.length) return <p>No certificate is waiting. Uploads appear here as volunteers send them.</p>;
  return (
    <Table caption="Certificates waiting for a check" head={['Volunteer', 'Training', 'Completed on', 'Sent', 'Certificate', 'Decision']}>
      {list.map((r) => (
        <tr>
          <td>
            {r.personName}
            {r.personEmail ? <small class="hint"> {r.personEmail}</small> : null}
          </td>
          <td>{r.label}</td>
          <td>{r.completedOn}</td>
          <td>{r.sentAt.slice(0, 10)}</td>
          <td>
            <a href={`/training/uploads/${r.id}/file`} target="_blank" rel="noopener" aria-label={`${r.fileName}: certificate of ${r.personName} for ${r.label}`}>
              {r.fileName}
            </a>
          </td>
          <td>
            <form method="post" action={`/training/requests/${r.id}/verify`} class="inline">
              <Csrf token={ctx.csrf} />
              <button type="submit" aria-label={`Accept the certificate of ${r.personName} for ${r.label}`}>
                Accept
              </button>
            </form>
            <form method="post" action={`/training/requests/${r.id}/reject`} class="inline">
              <Csrf token={ctx.csrf} />
              <label for={`reason-${r.id}`}>
                Reason
                <input id={`reason-${r.id}`} name="reason" required maxLength={500} />
              </label>
              <button type="submit" class="danger" aria-label={`Refuse the certificate of ${r.personName} for ${r.label}`}>
                Refuse
              </button>
            </form>
          </td>
        </tr>
      ))}
    </Table>
  );
}

function Decided({ list }: { list: QueueLine[] }) {
  if (!list.length) return null;
  return (
    <Table caption="Recently decided" head={['Volunteer', 'Training', 'Completed on', 'Decision']}>
      {list.map((r) => (
        <tr>
          <td>{r.personName}</td>
          <td>{r.label}</td>
          <td>{r.completedOn}</td>
          <td>{r.status === 'verified' ? <span class="status-ok">Accepted</span> : <span class="status-bad">Refused: {r.reason}</span>}</td>
        </tr>
      ))}
    </Table>
  );
}

function RecordForm({ ctx, m, state }: { ctx: ViewCtx; m: QueueModel; state: QueueState }) {
  const v = state.form === 'record' ? (state.values ?? {}) : {};
  return (
    <form method="post" action="/training/completions" class="card">
      <h2>Record a completion by hand</h2>
      {state.form === 'record' ? <Errors errors={state.errors} /> : null}
      <Csrf token={ctx.csrf} />
      <Input label="Volunteer's email" name="email" type="email" required value={v.email} />
      <Select
        label="Training"
        name="training"
        value={v.training}
        required
        options={[{ value: '', label: 'Choose the training' }, ...m.options.map((o) => ({ value: o.code, label: o.label }))]}
      />
      <Input label="Completed on" name="completedOn" type="date" required max={m.today} value={v.completedOn} />
      <button type="submit">Record</button>
    </form>
  );
}

export function QueuePage({ ctx, m, state }: { ctx: ViewCtx; m: QueueModel; state: QueueState }) {
  return (
    <>
      <h1>Certificate checks</h1>
      <p>
        Volunteers upload certificates of trainings that do not show in their account. Accept one to record the completion, or refuse it with a reason the volunteer reads. Files
        from the older system: <a href="/training/import">import them</a>.
      </p>
      {state.form === 'queue' ? <Errors errors={state.errors} /> : null}
      <Pending ctx={ctx} list={m.pending} />
      <Decided list={m.decided} />
      <RecordForm ctx={ctx} m={m} state={state} />
    </>
  );
}

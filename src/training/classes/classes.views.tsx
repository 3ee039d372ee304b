import { Csrf, Errors, Input, Select, Table } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/views/layout.js';
import type { ClassesModel, Roster, StaffSession } from './class-lists.service.js';
import { when } from '../training.views.js';

export interface ClassFormState {
  values?: Record<string, string>;
  errors?: string[];
}

function SessionForm({ ctx, m, state }: { ctx: ViewCtx; m: ClassesModel; state: ClassFormState }) {
  const v = state.values ?? {};
  return (
    <form method="post" action="/training/classes" class="card">
      <h2>Schedule a class</h2>
      <Errors errors={state.errors} />
      <Csrf token={ctx.csrf} />
      <Select
        label="Course"
        name="code"
        value={v.code}
        required
        options={[{ value: '', label: 'Choose the course part' }, ...m.options.map((o) => ({ value: o.code, label: o.label }))]}
      />
      <div class="grid">
        <Input label="Date" name="date" type="date" required min={m.today} value={v.date} />
        <Input label="Starts at" name="startTime" type="time" required value={v.startTime} />
        <Input label="Ends at" name="endTime" type="time" required value={v.endTime} />
        <Input label="Seats" name="capacity" type="number" min={1} max={200} required value={v.capacity ?? '20'} />
      </div>
      <Input label="Place" name="place" required value={v.place} hint="Field or room, with the address if people may not know it." />
      {m.isManager ? <Select label="Instructor" name="instructorId" value={v.instructorId} options={m.instructors.map((i) => ({ value: i.id, label: i.name }))} /> : null}
      <button type="submit">Schedule the class</button>
    </form>
  );
}

function SessionTable({ caption, list, empty }: { caption: string; list: StaffSession[]; empty: string }) {
  if (!list.length) return <p>{empty}</p>;
  return (
    <Table caption={caption} head={['Class', 'When', 'Where', 'Instructor', 'Registered', 'Roster']}>
      {list.map((s) => (
        <tr>
          <td>
            {s.label}
            {s.cancelledAt ? <span class="status-bad"> (cancelled)</span> : null}
          </td>
          <td>{when(s)}</td>
          <td>{s.place}</td>
          <td>{s.instructorName}</td>
          <td>{`${s.registered} of ${s.capacity}`}</td>
          <td>
            {s.canManage ? (
              <a href={`/training/classes/${s.id}`} aria-label={`Roster of ${s.label} on ${s.date}`}>
                Roster
              </a>
            ) : (
              '—'
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function ClassesPage({ ctx, m, state }: { ctx: ViewCtx; m: ClassesModel; state: ClassFormState }) {
  return (
    <>
      <h1>Classes</h1>
      <p>In-person sessions of the coach courses. Coaches register on their Training page; on the day, open the roster and credit those who attended.</p>
      <SessionForm ctx={ctx} m={m} state={state} />
      <h2>Upcoming</h2>
      <SessionTable caption="Upcoming classes" list={m.upcoming} empty="No class is scheduled yet." />
      <h2>Recent</h2>
      <SessionTable caption="Classes of the last 60 days" list={m.recent} empty="No class in the last 60 days." />
    </>
  );
}

function CreditForm({ ctx, r, errors }: { ctx: ViewCtx; r: Roster; errors?: string[] }) {
  return (
    <form method="post" action={`/training/classes/${r.session.id}/credit`}>
      <Csrf token={ctx.csrf} />
      <Errors errors={errors} />
      <Table caption="Registered attendees" head={['Attended', 'Name', 'Email', 'Registered', 'Status']}>
        {r.attendees.map((a) => (
          <tr>
            <td>
              {a.creditedAt ? '✓' : <input type="checkbox" name="personId" value={a.personId} id={`p-${a.personId}`} aria-label={`${a.name} attended`} disabled={!r.canCredit} />}
            </td>
            <td>{a.creditedAt ? a.name : <label for={`p-${a.personId}`}>{a.name}</label>}</td>
            <td>{a.email ?? '—'}</td>
            <td>{a.registeredAt.slice(0, 10)}</td>
            <td>{a.creditedAt ? <span class="status-ok">Credited</span> : 'Not credited yet'}</td>
          </tr>
        ))}
      </Table>
      {r.attendees.length === 0 ? <p>Nobody has registered yet.</p> : null}
      {r.canCredit ? (
        <>
          <Input label="Someone else attended? Their email" name="email" type="email" hint="Only people registered for this class can be credited." />
          <button type="submit">Credit the attendees</button>
        </>
      ) : (
        <p class="hint">{r.session.cancelledAt ? 'This class was cancelled.' : `Attendees can be credited from the day of the class (${r.session.date}).`}</p>
      )}
    </form>
  );
}

export function RosterPage({ ctx, r, errors }: { ctx: ViewCtx; r: Roster; errors?: string[] }) {
  const s = r.session;
  return (
    <>
      <h1>Roster: {s.label}</h1>
      <ul>
        <li>When: {when(s)}</li>
        <li>Where: {s.place}</li>
        <li>Instructor: {s.instructorName}</li>
        <li>{`Registered: ${s.registered} of ${s.capacity} seats (${s.seatsLeft} left)`}</li>
      </ul>
      <CreditForm ctx={ctx} r={r} errors={errors} />
      {r.canCancel ? (
        <form method="post" action={`/training/classes/${s.id}/cancel`} class="inline">
          <Csrf token={ctx.csrf} />
          <button type="submit" class="danger">
            Cancel this class
          </button>
        </form>
      ) : null}
      <p>
        <a href="/training/classes">Back to classes</a>
      </p>
    </>
  );
}

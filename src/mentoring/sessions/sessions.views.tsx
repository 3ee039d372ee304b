import { Csrf, Errors, Input, Select, Table } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/views/layout.js';
import type { ComponentChildren } from 'preact';
import type { FormState } from '../../platform/views/components.js';
import { instantLabel } from '../dates.rules.js';
import { placeLabel, titleLabel, whenLabel, type FieldLike } from './labels.rules.js';
import type { SessionForCoach } from './sessions.service.js';
import { changeDeadline, changesOpen, DEFAULT_CUTOFF_HOURS, SESSION_KIND_LABELS, SESSION_KINDS, SESSION_LIMITS } from './sessions.rules.js';
import type { RosterEntry, SessionRecord } from './sessions.store.js';

export interface Place {
  fields: readonly FieldLike[];
  timeZone: string;
  now: string;
}

const placesText = (s: SessionRecord) => {
  const left = Math.max(s.capacity - s.confirmed, 0);
  return left > 0 ? `${left} of ${s.capacity} places left` : `Full${s.waiting ? `, ${s.waiting} waiting` : ''}`;
};

function CoachActions({ ctx, s, at }: { ctx: ViewCtx; s: SessionForCoach; at: Place }) {
  const open = changesOpen(s.startsAt, s.cutoffHours, at.now);
  const deadline = instantLabel(changeDeadline(s.startsAt, s.cutoffHours), at.timeZone);
  const post = (action: string, label: string, extra?: ComponentChildren, cls?: string) => (
    <form method="post" action={`/mentoring/sessions/${s.id}/${action}`} class="inline">
      <Csrf token={ctx.csrf} />
      {extra}
      <button type="submit" class={cls}>
        {label}
      </button>
    </form>
  );
  if (s.myStatus === 'confirmed') {
    return (
      <>
        <p class="status-ok">You are signed up.</p>
        {open ? (
          post('cancel', 'Cancel my place', undefined, 'secondary')
        ) : (
          <p class="hint">
            Cancelling closed at {deadline}: tell {s.mentorName} if you cannot come.
          </p>
        )}
      </>
    );
  }
  if (s.myStatus === 'waitlisted') {
    return (
      <>
        <p class="status-warn">You are number {s.myPlace} on the waitlist.</p>
        {post('cancel', 'Leave the waitlist', undefined, 'secondary')}
      </>
    );
  }
  if (!open) return <p class="hint">Sign-up closed at {deadline}.</p>;
  if (s.confirmed >= s.capacity) return post('signup', 'Join the waitlist', <input type="hidden" name="waitlist" value="1" />);
  return (
    <>
      {post('signup', 'Sign up')}
      <p class="hint">Sign-up and cancelling close {deadline}.</p>
    </>
  );
}

/** One session as a card a coach can act on (phone first: no wide table). */
export function SessionCard({ ctx, s, at }: { ctx: ViewCtx; s: SessionForCoach; at: Place }) {
  return (
    <article class="card" aria-label={`${s.topic}, ${whenLabel(s)}`}>
      <h3>{titleLabel(s)}</h3>
      <p>
        {whenLabel(s)} · {placeLabel(s, at.fields)}
        <br />
        With {s.mentorName} · {placesText(s)}
      </p>
      <CoachActions ctx={ctx} s={s} at={at} />
    </article>
  );
}

export function MentorSessionsView({ sessions, at, canPublish }: { sessions: SessionRecord[]; at: Place; canPublish: boolean }) {
  return (
    <>
      <h1>Mentoring sessions</h1>
      {canPublish ? (
        <p>
          <a class="button" href="/mentoring/sessions/new">
            Publish a session
          </a>{' '}
          <a class="button secondary" href="/mentoring/coverage">
            Plan visits from coverage
          </a>
        </p>
      ) : null}
      <Table caption="Upcoming sessions" head={['When and where', 'Session', 'Places']}>
        {sessions.map((s) => (
          <tr>
            <td>
              {whenLabel(s)}
              <br />
              <small>{placeLabel(s, at.fields)}</small>
            </td>
            <td>
              <a href={`/mentoring/sessions/${s.id}`}>{titleLabel(s)}</a>
              <br />
              <small>{s.mentorName}</small>
            </td>
            <td>
              {s.confirmed}/{s.capacity}
              {s.waiting ? ` (+${s.waiting} waiting)` : ''}
            </td>
          </tr>
        ))}
      </Table>
      {sessions.length === 0 ? <p>No upcoming sessions yet.</p> : null}
    </>
  );
}

export interface SessionFormData {
  fields: readonly FieldLike[];
  teams: readonly { id: string; name: string; division: string }[];
}

export function SessionForm({ ctx, data, state }: { ctx: ViewCtx; data: SessionFormData; state: FormState }) {
  const v = state.values ?? {};
  const L = SESSION_LIMITS;
  return (
    <section class="narrow">
      <h1>Publish a mentoring session</h1>
      <Errors errors={state.errors} />
      <form method="post" action="/mentoring/sessions">
        <Csrf token={ctx.csrf} />
        <Select label="Kind" name="kind" value={v.kind ?? 'group'} options={SESSION_KINDS.map((k) => ({ value: k, label: SESSION_KIND_LABELS[k] }))} />
        <Select
          label="Team visited (visits only)"
          name="teamId"
          value={v.teamId ?? ''}
          options={[{ value: '', label: 'No team (group session)' }, ...data.teams.map((t) => ({ value: t.id, label: `${t.division} · ${t.name}` }))]}
        />
        <Input label="Topic" name="topic" required value={v.topic} hint="For example: Positive coaching at 8U practices." />
        <Input label="Date" name="date" type="date" required value={v.date} />
        <Input label="Start time" name="startTime" type="time" required value={v.startTime} />
        <Input label="Length (minutes)" name="minutes" type="number" min={L.minutes[0]} max={L.minutes[1]} required value={v.minutes ?? '60'} />
        <Select
          label="Field"
          name="fieldId"
          value={v.fieldId ?? ''}
          options={[{ value: '', label: 'Another place (write it below)' }, ...data.fields.map((f) => ({ value: f.id, label: f.name }))]}
        />
        <Input label="Place or detail" name="place" value={v.place} hint="Where to meet: an address, or a detail such as 'north corner' when a field is chosen." />
        <Input label="Capacity (coaches)" name="capacity" type="number" min={L.capacity[0]} max={L.capacity[1]} required value={v.capacity ?? '12'} />
        <Input
          label="Sign-up closes (hours before the start)"
          name="cutoffHours"
          type="number"
          min={L.cutoffHours[0]}
          max={L.cutoffHours[1]}
          required
          value={v.cutoffHours ?? String(DEFAULT_CUTOFF_HOURS)}
          hint="Coaches can sign up and cancel until then."
        />
        <Input
          label="Repeat weekly for (weeks)"
          name="repeatWeeks"
          type="number"
          min={L.repeatWeeks[0]}
          max={L.repeatWeeks[1]}
          required
          value={v.repeatWeeks ?? '1'}
          hint="1 publishes one session; 6 publishes the same session on the same weekday for six weeks."
        />
        <button type="submit">Publish</button>
      </form>
    </section>
  );
}

function RosterTable({ caption, rows, waiting }: { caption: string; rows: RosterEntry[]; waiting?: boolean }) {
  return (
    <Table caption={caption} head={[waiting ? 'Place' : '#', 'Coach', 'Email', 'Signed up (UTC)']}>
      {rows.map((r, i) => (
        <tr>
          <td>{i + 1}</td>
          <td>{r.name}</td>
          <td>{r.email ? <a href={`mailto:${r.email}`}>{r.email}</a> : '—'}</td>
          <td>{r.signedUpAt.slice(0, 16).replace('T', ' ')}</td>
        </tr>
      ))}
    </Table>
  );
}

export function RosterView({
  ctx,
  s,
  confirmed,
  waitlist,
  at,
  canCancel,
  links,
}: {
  ctx: ViewCtx;
  s: SessionRecord;
  confirmed: RosterEntry[];
  waitlist: RosterEntry[];
  at: Place;
  canCancel: boolean;
  links: { href: string; label: string }[];
}) {
  return (
    <>
      <h1>{titleLabel(s)}</h1>
      <p>
        {whenLabel(s)} · {placeLabel(s, at.fields)} · with {s.mentorName}
        {s.cancelledAt ? <strong class="status-bad"> · Cancelled</strong> : null}
      </p>
      <p>
        {s.confirmed} of {s.capacity} places taken. Sign-up and cancelling close {instantLabel(changeDeadline(s.startsAt, s.cutoffHours), at.timeZone)}.
        {links.map((l) => (
          <>
            {' '}
            · <a href={l.href}>{l.label}</a>
          </>
        ))}
      </p>
      <RosterTable caption="Signed up" rows={confirmed} />
      {confirmed.length === 0 ? <p>Nobody has signed up yet.</p> : null}
      {waitlist.length ? <RosterTable caption="Waitlist (moves up in this order)" rows={waitlist} waiting /> : null}
      {canCancel ? (
        <form method="post" action={`/mentoring/sessions/${s.id}/cancel-session`}>
          <Csrf token={ctx.csrf} />
          <button type="submit" class="danger">
            Cancel this session and tell everyone
          </button>
        </form>
      ) : null}
      <p>
        <a href="/mentoring/sessions">All sessions</a>
      </p>
    </>
  );
}

import type { ViewCtx } from '../platform/views/layout.js';
import { Checkbox, Csrf, Errors, Table } from '../platform/views/components.js';
import { GROUP_LABELS, type NotificationKind } from '../platform/notify/catalog.js';
import type { KindChoice, WeeklyStatus } from './notifications.service.js';

export function PreferencesView({ ctx, kinds, errors }: { ctx: ViewCtx; kinds: KindChoice[]; errors?: string[] }) {
  const optional = kinds.filter((k) => k.optional);
  const always = kinds.filter((k) => !k.optional);
  return (
    <section class="narrow">
      <h1>Mail notifications</h1>
      <p>Choose which notices and reminders you get by mail. Each of these mails also has a link to stop it in one click.</p>
      <Errors errors={errors} />
      <form method="post" action="/profile/notifications">
        <Csrf token={ctx.csrf} />
        <fieldset>
          <legend>Send me</legend>
          {optional.map((k) => (
            <Checkbox label={k.label} name="on" value={k.code} checked={k.enabled} />
          ))}
        </fieldset>
        <button type="submit">Save my choices</button>
      </form>
      <h2>Always sent</h2>
      <p>These mails answer something you did, or tell you that a place or time you count on changed, so they cannot be switched off:</p>
      <ul>
        {always.map((k) => (
          <li>{k.label}</li>
        ))}
      </ul>
      <p>
        <a href="/profile">Back to your profile</a>
      </p>
    </section>
  );
}

export function UnsubscribeView({ ctx, action, kind, enabled }: { ctx: ViewCtx; action: string; kind: NotificationKind; enabled: boolean }) {
  return (
    <section class="narrow">
      <h1>{enabled ? 'Stop these mails?' : 'These mails are off'}</h1>
      <p>
        Mails about: <strong>{kind.label}</strong>
      </p>
      {enabled ? (
        <form method="post" action={action}>
          <Csrf token={ctx.csrf} />
          <button type="submit">Stop these mails</button>
        </form>
      ) : (
        <p>You will not get them any more.</p>
      )}
      <p>
        To choose every kind of mail, or to switch one on again, log in and open <a href="/profile/notifications">your mail notifications</a>.
      </p>
    </section>
  );
}

export function NotificationsAdminView({ ctx, weekly, kinds, errors }: { ctx: ViewCtx; weekly: WeeklyStatus; kinds: readonly NotificationKind[]; errors?: string[] }) {
  return (
    <>
      <h1>Notifications</h1>
      <Errors errors={errors} />
      <section class="card">
        <h2>Weekly reminder</h2>
        <p>
          When it is on, every volunteer who holds a role this season and still misses something (application, trainings, age-level course) gets one mail a week, from Monday{' '}
          {'9:00'}, listing what is missing and how to do it. Each person can switch it off for themselves.
        </p>
        <p>
          The reminder is <strong class={weekly.on ? 'status-ok' : 'status-warn'}>{weekly.on ? 'on' : 'off'}</strong>
          {weekly.changedAt ? ` (changed ${weekly.changedAt.slice(0, 10)})` : ''}. This week ({weekly.week}): {weekly.sentThisWeek} sent.
        </p>
        <form method="post" action="/admin/notifications" class="inline">
          <Csrf token={ctx.csrf} />
          <Checkbox label="Send the weekly reminder" name="weekly" checked={weekly.on} />
          <button type="submit">Save</button>
        </form>
        {weekly.on ? (
          <form method="post" action="/admin/notifications/run">
            <Csrf token={ctx.csrf} />
            <button type="submit" class="secondary">
              Send this week's reminders now
            </button>
            <small class="hint">Nobody gets this week's reminder twice, however often it runs.</small>
          </form>
        ) : null}
      </section>
      <section class="card">
        <h2>Every mail Touchline sends to volunteers</h2>
        <Table caption="Kinds of mail" head={['Mail', 'About', 'Can be switched off']} hideCaption>
          {kinds.map((k) => (
            <tr>
              <td>{k.label}</td>
              <td>{GROUP_LABELS[k.group]}</td>
              <td>{k.optional ? 'Yes, by the person' : 'No, always sent'}</td>
            </tr>
          ))}
        </Table>
      </section>
    </>
  );
}

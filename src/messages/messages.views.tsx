import type { ComponentChildren } from 'preact';
import { Checkbox, Csrf, Errors, Input, Select, Table, TextArea } from '../platform/views/components.js';
import type { ViewCtx } from '../platform/views/layout.js';
import { ROLE_LABELS, ROLES } from '../platform/roles.js';
import { SKIP_LABELS, MARKDOWN_MAX, SUBJECT_MAX, type SkipReason } from './messages.rules.js';
import type { MessageRecord, MessageSummary, Preview } from './messages.service.js';

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

/** People shown before "show everyone" in a preview. */
export const SAMPLE = 10;

export interface ComposeChoices {
  divisions: string[];
  trainings: { code: string; name: string }[];
  teams: { id: string; label: string }[];
  /** False for a head coach: only their team's audiences and no required notices. */
  board: boolean;
}

export type ComposeValues = Record<string, string>;

function AudienceChooser({ v, c }: { v: ComposeValues; c: ComposeChoices }) {
  const kind = v.kind ?? (c.board ? 'coaches' : 'team');
  /** One kind of audience: its radio button as the legend of a box holding its own choices. */
  const option = (value: string, label: string, children: ComponentChildren) => (
    <fieldset>
      <legend>
        <label class="check">
          <input type="radio" name="kind" value={value} checked={kind === value} /> {label}
        </label>
      </legend>
      {children}
    </fieldset>
  );
  return (
    <fieldset>
      <legend>Who receives it</legend>
      {c.board
        ? option(
            'coaches',
            "A division's coaches (head and assistant coaches of its teams this season)",
            <Select label="Division" name="division" value={v.division} options={[{ value: '', label: 'Every division' }, ...c.divisions.map((d) => ({ value: d, label: d }))]} />,
          )
        : null}
      {c.board
        ? option(
            'missing',
            'Every coach or volunteer missing an element or a training',
            <>
              <Select
                label="Element missing"
                name="element"
                value={v.element}
                options={[
                  { value: '1', label: '1: volunteer application' },
                  { value: '2', label: '2: safety trainings' },
                  { value: '3', label: '3: age-level certification' },
                ]}
              />
              <Select
                label="Only this training"
                name="training"
                value={v.training}
                options={[{ value: '', label: 'Any of the element' }, ...c.trainings.map((t) => ({ value: t.code, label: t.name }))]}
              />
            </>,
          )
        : null}
      {option(
        'team',
        "A team's staff or families",
        <>
          <Select
            label="Team"
            name="teamId"
            value={v.teamId}
            options={c.teams.length ? c.teams.map((t) => ({ value: t.id, label: t.label })) : [{ value: '', label: 'No team this season' }]}
          />
          <Select
            label="Who on the team"
            name="who"
            value={v.who}
            options={[
              { value: 'families', label: "Families (the players' guardians)" },
              { value: 'staff', label: 'Staff (head and assistant coaches)' },
            ]}
          />
        </>,
      )}
      {c.board
        ? option('role', 'Everyone with a role this season', <Select label="Role" name="role" value={v.role} options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />)
        : null}
    </fieldset>
  );
}

export function ComposeView({
  ctx,
  values,
  choices,
  errors,
  notice,
  preview,
}: {
  ctx: ViewCtx;
  values: ComposeValues;
  choices: ComposeChoices;
  errors?: string[];
  notice?: string;
  preview?: Preview | null;
}) {
  return (
    <>
      <h1>Write a message</h1>
      <p>
        <a href="/messages">All messages sent</a>
      </p>
      <Errors errors={errors} />
      {notice ? (
        <p class="flash" role="status">
          {notice}
        </p>
      ) : null}
      <form method="post" action="/messages/new" class="stack">
        <Csrf token={ctx.csrf} />
        <AudienceChooser v={values} c={choices} />
        <Input label="Subject" name="subject" value={values.subject} required hint={`Up to ${SUBJECT_MAX} characters.`} />
        <TextArea
          label="Message"
          name="markdown"
          value={values.markdown}
          required
          rows={10}
          maxLength={MARKDOWN_MAX}
          hint="Markdown: **bold**, *italic*, lists with -, links as [text](https://…). Replies come to you."
        />
        {choices.board ? (
          <Checkbox label="Required notice (safety, a field closure): also sent to those who switched board messages off" name="required" checked={values.required === 'on'} />
        ) : null}
        <div class="actions">
          <button type="submit" name="action" value="preview" class="secondary">
            Preview
          </button>
          <button type="submit" name="action" value="test" class="secondary">
            Send a test to me
          </button>
          {preview ? (
            <button type="submit" name="action" value="send">
              Send to {preview.recipients} {preview.recipients === 1 ? 'address' : 'addresses'}
            </button>
          ) : null}
        </div>
        {preview ? null : <p class="hint">Preview first: it shows who will receive the message before you send it.</p>}
      </form>
      {preview ? <PreviewView p={preview} /> : null}
    </>
  );
}

function PreviewView({ p }: { p: Preview }) {
  const byName = [...p.send].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const sample = byName.slice(0, SAMPLE);
  return (
    <section class="card" aria-labelledby="preview-title" id="preview">
      <h2 id="preview-title">Preview</h2>
      <p id="recipient-count">
        <strong>
          {p.recipients} {p.recipients === 1 ? 'address' : 'addresses'}
        </strong>{' '}
        will receive it: {p.audienceLabel}.{p.required ? ' A required notice: opt-outs do not apply.' : ''}
      </p>
      {p.recipients ? (
        <p>
          For example: {sample.map((s) => s.name).join(', ')}
          {p.recipients > SAMPLE ? `, and ${p.recipients - SAMPLE} more` : ''}.
        </p>
      ) : (
        <p>Nobody in this audience can be mailed: choose another one.</p>
      )}
      <details>
        <summary>Everyone who will receive it ({p.recipients})</summary>
        <ul class="recipients">
          {byName.map((s) => (
            <li>
              {s.name} &lt;{s.email}&gt;
            </li>
          ))}
        </ul>
      </details>
      {p.skipped.length ? (
        <details>
          <summary>Not mailed ({p.skipped.length})</summary>
          <ul>
            {p.skipped.map((s) => (
              <li>
                {s.name}: {SKIP_LABELS[s.reason]}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <h3>How it reads</h3>
      <div class="prose mail-preview" dangerouslySetInnerHTML={{ __html: p.html }} />
    </section>
  );
}

export function MessagesListView({ items, total, page, pageSize }: { items: MessageSummary[]; total: number; page: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <h1>Messages</h1>
      <p>
        <a href="/messages/new" role="button">
          Write a message
        </a>
      </p>
      <p>
        {total} {total === 1 ? 'message' : 'messages'} sent{total > pageSize ? `; page ${page} of ${pages}` : ''}.
      </p>
      {items.length ? (
        <Table caption="Messages sent" head={['Sent', 'Subject', 'To', 'By', 'Delivered']} hideCaption>
          {items.map((m) => (
            <tr>
              <td>{when(m.createdAt)}</td>
              <td>
                <a href={`/messages/${m.id}`}>{m.subject}</a>
                {m.required ? ' (required notice)' : ''}
              </td>
              <td>{m.audienceLabel}</td>
              <td>{m.senderName}</td>
              <td>
                {m.counts.sent} of {m.recipients} sent{m.counts.failed ? `, ${m.counts.failed} failed` : ''}
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      <nav aria-label="Pages" class="pager">
        {page > 1 ? <a href={`/messages?page=${page - 1}`}>Newer</a> : null} {page < pages ? <a href={`/messages?page=${page + 1}`}>Older</a> : null}
      </nav>
    </>
  );
}

export function MessageRecordView({ m }: { m: MessageRecord }) {
  return (
    <>
      <h1>{m.subject}</h1>
      <p>
        <a href="/messages">All messages</a>
      </p>
      <dl>
        <dt>To</dt>
        <dd>
          {m.audienceLabel}
          {m.required ? ' (required notice: sent despite opt-outs)' : ''}
        </dd>
        <dt>From</dt>
        <dd>
          {m.sender.name}
          {m.sender.email ? ` (replies go to ${m.sender.email})` : ''}
        </dd>
        <dt>Sent</dt>
        <dd>{when(m.createdAt)}</dd>
        <dt>Delivery</dt>
        <dd id="delivery-counts">
          {m.recipients} {m.recipients === 1 ? 'address' : 'addresses'}: {m.counts.sent} sent, {m.counts.queued} queued, {m.counts.failed} failed
        </dd>
      </dl>
      <details>
        <summary>The message</summary>
        <pre class="mail">{m.markdown}</pre>
      </details>
      <Table caption="Recipients and delivery" head={['Name', 'Address', 'State', 'Attempts', "Server's answer"]}>
        {m.deliveries.map((d) => (
          <tr>
            <td>{d.name}</td>
            <td>{d.email}</td>
            <td>
              {d.state}
              {d.state === 'sent' && d.sentAt ? ` ${when(d.sentAt)}` : ''}
              {d.state === 'queued' && d.nextAttemptAt ? ` (next try ${when(d.nextAttemptAt)})` : ''}
            </td>
            <td>{d.attempts}</td>
            <td>{d.lastAnswer ?? ''}</td>
          </tr>
        ))}
      </Table>
      {m.skipped.length ? (
        <>
          <h2>Not mailed</h2>
          <ul>
            {m.skipped.map((s) => (
              <li>
                {s.name}: {SKIP_LABELS[s.reason as SkipReason] ?? s.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** Messages to groups: preview (who would get it), a test to oneself, sending through the outbox, and the record. */
import { AppError } from '../platform/errors.js';
import { recordAudit } from '../platform/audit.js';
import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import type { Auth } from '../platform/http/access.js';
import { BOARD_MESSAGE, MESSAGE_TEST, REQUIRED_NOTICE } from '../platform/notify/catalog.js';
import { unsubscribeToken } from '../platform/notify/unsubscribe.js';
import { getRegionConfig, type RegionConfig } from '../region/index.js';
import { renderMarkdown } from '../site/index.js';
import { findTeam } from '../teams/index.js';
import { choicesOf, resolveAudience } from './audience.service.js';
import { isBoard } from './messages.access.js';
import { messageHtml, messageText } from './messages.mail.js';
import { deliveryCounts, findMessage, insertMessage, listMessages, messagesTo, optedOut, recipientsOf, senderOf } from './messages.store.js';
import {
  audienceJson,
  chooseRecipients,
  deliveryState,
  readContent,
  readMessage,
  type Audience,
  type Candidate,
  type Choice,
  type DeliveryState,
  type MessageInput,
  type RawAudience,
} from './messages.rules.js';

export type Writer = Pick<Auth, 'personId' | 'name' | 'roles'>;

export interface RawMessage {
  audience?: RawAudience;
  subject?: unknown;
  markdown?: unknown;
  required?: unknown;
}

const regionName = (c: RegionConfig) => `Region ${c.region.number} ${c.region.name}`;

function refuse(errors: string[]): never {
  throw new AppError('VALIDATION', errors.join(' '), { errors });
}

/** Reads the message and checks the writer may send to its audience (a head coach: only their own team). */
async function readFor(deps: Deps, writer: Writer, raw: RawMessage, config: RegionConfig): Promise<MessageInput> {
  const { input, errors } = readMessage(raw, choicesOf(config));
  if (!input) refuse(errors);
  if (!isBoard(writer)) {
    const a = input.audience;
    if (a.kind !== 'team') throw new AppError('FORBIDDEN', "Only the board writes to that audience: a head coach writes to their own team's staff or families.");
    const heads = await headCoachOf(deps, a.teamId);
    if (heads !== undefined && heads !== writer.personId)
      throw new AppError('FORBIDDEN', "You are not this team's head coach: you can write to your own team's staff or families.");
    if (input.required) throw new AppError('FORBIDDEN', 'Only the board sends required notices.');
  }
  return input;
}

async function headCoachOf(deps: Deps, teamId: string): Promise<string | null | undefined> {
  const team = await findTeam(deps.db, teamId);
  return team ? team.headCoachId : undefined;
}

export interface Preview {
  audienceLabel: string;
  /** Distinct addresses the message would go to. */
  recipients: number;
  send: Candidate[];
  skipped: Choice['skipped'];
  html: string;
  required: boolean;
}

async function choose(deps: Deps, input: MessageInput, config: RegionConfig): Promise<{ label: string; choice: Choice }> {
  const found = await resolveAudience(deps, input.audience, config);
  const off = input.required ? new Set<string>() : await optedOut(deps.db, [...new Set(found.people.map((p) => p.personId))], BOARD_MESSAGE);
  return { label: found.label, choice: chooseRecipients(found.people, off, input.required) };
}

/** Who would receive the message, and how it reads: nothing is stored. */
export async function previewMessage(deps: Deps, writer: Writer, raw: RawMessage): Promise<Preview> {
  const config = await getRegionConfig(deps.db);
  const input = await readFor(deps, writer, raw, config);
  const { label, choice } = await choose(deps, input, config);
  return { audienceLabel: label, recipients: choice.send.length, send: choice.send, skipped: choice.skipped, html: renderMarkdown(input.markdown), required: input.required };
}

/** Queues a copy to the writer only (marked as a test); the message is not recorded. */
export async function sendTest(deps: Deps, writer: Writer, raw: { subject?: unknown; markdown?: unknown }): Promise<{ to: string }> {
  const { errors } = readContent(raw);
  if (errors.length) refuse(errors);
  const config = await getRegionConfig(deps.db);
  const me = await senderOf(deps.db, writer.personId);
  if (!me?.email) throw new AppError('VALIDATION', 'Your account has no email address to send the test to: add one on your profile.');
  const markdown = String(raw.markdown).trim();
  const parts = { markdown, senderName: me.name, regionName: regionName(config), test: true };
  await deps.mailer.queue(deps.db, {
    to: me.email,
    subject: `[Test] ${String(raw.subject).trim()}`,
    text: messageText(parts),
    html: messageHtml(parts),
    kind: MESSAGE_TEST,
    replyTo: me.email,
  });
  return { to: me.email };
}

/**
 * Sends the message: one outbox mail per address (opt-outs respected unless it is a required
 * notice; optional ones carry the one-click unsubscribe), Reply-To the writer; the record and the
 * audit entry are written in the same transaction, so a failure sends nothing.
 */
export async function sendMessage(deps: Deps, writer: Writer, raw: RawMessage): Promise<{ id: string; recipients: number }> {
  const config = await getRegionConfig(deps.db);
  const input = await readFor(deps, writer, raw, config);
  const me = await senderOf(deps.db, writer.personId);
  const { label, choice } = await choose(deps, input, config);
  const id = newId();
  const at = deps.clock.now().toISOString();
  const kind = input.required ? REQUIRED_NOTICE : BOARD_MESSAGE;
  const base = deps.config.baseUrl;
  await deps.db.transaction().execute(async (trx) => {
    const rows: Parameters<typeof insertMessage>[2] = [];
    for (const c of choice.send) {
      const token = input.required ? null : await unsubscribeToken(trx, c.personId);
      const unsubscribe = token ? { url: `${base}/unsubscribe/${token}?kind=${kind}`, preferencesUrl: `${base}/profile/notifications` } : undefined;
      const parts = { markdown: input.markdown, senderName: me?.name ?? writer.name, regionName: regionName(config), ...(unsubscribe ? { unsubscribe } : {}) };
      const outboxId = await deps.mailer.queue(trx, {
        to: c.email!,
        subject: input.subject,
        text: messageText(parts),
        html: messageHtml(parts),
        kind,
        ...(me?.email ? { replyTo: me.email } : {}),
        ...(token ? { unsubscribeUrl: `${base}/api/v1/unsubscribe/${token}?kind=${kind}` } : {}),
      });
      rows.push({ message_id: id, position: rows.length, person_id: c.personId, name: c.name, email: c.email, outbox_id: outboxId, skipped: null });
    }
    for (const s of choice.skipped) rows.push({ message_id: id, position: rows.length, person_id: s.personId, name: s.name, email: s.email, outbox_id: null, skipped: s.reason });
    await insertMessage(
      trx,
      {
        id,
        sender_id: writer.personId,
        sender_name: me?.name ?? writer.name,
        sender_email: me?.email ?? null,
        audience_json: audienceJson(input.audience),
        audience_label: label,
        subject: input.subject,
        markdown: input.markdown,
        required: input.required ? 1 : 0,
        recipients: choice.send.length,
        created_at: at,
      },
      rows,
    );
    await recordAudit(trx, {
      actor: { id: writer.personId, name: writer.name },
      at,
      action: 'message.send',
      entity: 'message',
      entityId: id,
      after: { audience: input.audience, audienceLabel: label, subject: input.subject, required: input.required, recipients: choice.send.length, skipped: choice.skipped.length },
    });
  });
  return { id, recipients: choice.send.length };
}

export interface Delivery {
  personId: string;
  name: string;
  email: string | null;
  state: DeliveryState;
  attempts: number;
  /** The server's answer of the last failed attempt. */
  lastAnswer: string | null;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

export interface MessageRecord {
  id: string;
  subject: string;
  markdown: string;
  audience: Audience;
  audienceLabel: string;
  required: boolean;
  sender: { id: string; name: string; email: string | null };
  createdAt: string;
  recipients: number;
  counts: Record<DeliveryState, number>;
  deliveries: Delivery[];
  skipped: { personId: string; name: string; email: string | null; reason: string }[];
}

/** A message's record: audience, recipients and each one's delivery state (the board, or the head coach who wrote it). */
export async function messageRecord(deps: Deps, reader: Writer, id: string): Promise<MessageRecord> {
  const m = await findMessage(deps.db, id);
  if (!m || (!isBoard(reader) && m.sender_id !== reader.personId)) throw new AppError('NOT_FOUND', 'There is no message with that id.');
  const rows = await recipientsOf(deps.db, id);
  const deliveries: Delivery[] = rows
    .filter((r) => r.outbox_id)
    .map((r) => ({
      personId: r.person_id,
      name: r.name,
      email: r.email,
      state: deliveryState(r.state ?? 'queued'),
      attempts: Number(r.attempts ?? 0),
      lastAnswer: r.error ?? null,
      sentAt: r.sent_at ?? null,
      nextAttemptAt: r.state === 'queued' ? (r.next_attempt_at ?? null) : null,
    }));
  const counts: Record<DeliveryState, number> = { queued: 0, sent: 0, failed: 0 };
  for (const d of deliveries) counts[d.state]++;
  return {
    id: m.id,
    subject: m.subject,
    markdown: m.markdown,
    audience: JSON.parse(m.audience_json) as Audience,
    audienceLabel: m.audience_label,
    required: m.required === 1,
    sender: { id: m.sender_id, name: m.sender_name, email: m.sender_email },
    createdAt: m.created_at,
    recipients: m.recipients,
    counts,
    deliveries,
    skipped: rows.filter((r) => !r.outbox_id).map((r) => ({ personId: r.person_id, name: r.name, email: r.email, reason: r.skipped ?? '' })),
  };
}

export interface MessageSummary {
  id: string;
  subject: string;
  audienceLabel: string;
  senderName: string;
  createdAt: string;
  recipients: number;
  required: boolean;
  counts: Record<DeliveryState, number>;
}

/** Messages newest first, one page (1-based) of `pageSize`: every message for the board, a head coach's own otherwise. */
export async function messagesPage(deps: Deps, reader: Writer, page: number, pageSize: number): Promise<{ items: MessageSummary[]; total: number }> {
  const { rows, total } = await listMessages(deps.db, (page - 1) * pageSize, pageSize, isBoard(reader) ? undefined : reader.personId);
  const counts = await deliveryCounts(
    deps.db,
    rows.map((r) => r.id),
  );
  const items = rows.map((m) => {
    const c = counts.get(m.id) ?? {};
    return {
      id: m.id,
      subject: m.subject,
      audienceLabel: m.audience_label,
      senderName: m.sender_name,
      createdAt: m.created_at,
      recipients: m.recipients,
      required: m.required === 1,
      counts: { queued: (c.queued ?? 0) + (c.sending ?? 0), sent: c.sent ?? 0, failed: c.failed ?? 0 },
    };
  });
  return { items, total };
}

/** A message sent to a team's families, as the families page shows it. */
export interface FamilyNotice {
  id: string;
  teamId: string;
  subject: string;
  markdown: string;
  senderName: string;
  sentAt: string;
}

/**
 * The messages sent to the families of these teams (audience {kind: "team", teamId, who: "families"};
 * never those to a team's staff), newest first within each team, at most `perTeam` a team.
 */
export async function familyNoticesOf(db: Db, teamIds: string[], perTeam = 10): Promise<FamilyNotice[]> {
  const out: FamilyNotice[] = [];
  for (const teamId of new Set(teamIds)) {
    const rows = await messagesTo(db, audienceJson({ kind: 'team', teamId, who: 'families' }), perTeam);
    for (const r of rows) out.push({ id: r.id, teamId, subject: r.subject, markdown: r.markdown, senderName: r.sender_name, sentAt: r.created_at });
  }
  return out;
}

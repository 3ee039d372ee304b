import { ROLE_LABELS, ROLES, isRole, type Role } from '../platform/roles.js';
import { quoted } from '../platform/quote.js';

/**
 * Messages to groups as pure rules: reading what the writer sent (every problem named by its
 * field), the audience's label, and which of the people found get the mail (opt-outs, missing
 * addresses, one mail per address).
 */

export type ComplianceElementNumber = 1 | 2 | 3;

export type Audience =
  | { kind: 'coaches'; division?: string }
  | { kind: 'missing'; element: ComplianceElementNumber; training?: string }
  | { kind: 'team'; teamId: string; who: 'staff' | 'families' }
  | { kind: 'role'; role: Role };

export const AUDIENCE_KINDS = ['coaches', 'missing', 'team', 'role'] as const;

/**
 * An audience as the messages table stores it: JSON with its keys in alphabetical order, so that the
 * same audience is always the same text and can be looked up by equality on either database.
 */
export const audienceJson = (a: Audience): string => JSON.stringify(a, Object.keys(a).sort());

export const SUBJECT_MAX = 200;
export const MARKDOWN_MAX = 20_000;

export interface MessageInput {
  audience: Audience;
  subject: string;
  markdown: string;
  /** A notice the region requires everyone to get (safety, a field closure): sent despite opt-outs, no unsubscribe link. */
  required: boolean;
}

/** What the region offers to choose from: division codes and training codes. */
export interface AudienceChoices {
  divisions: readonly string[];
  trainings: readonly string[];
}

export interface RawAudience {
  kind?: unknown;
  division?: unknown;
  element?: unknown;
  training?: unknown;
  teamId?: unknown;
  who?: unknown;
  role?: unknown;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v).trim());

/** Reads an audience; every problem starts with the field it is about (audience.kind, audience.division...). */
export function readAudience(raw: RawAudience | undefined, choices: AudienceChoices): { audience?: Audience; errors: string[] } {
  const errors: string[] = [];
  const kind = text(raw?.kind);
  if (!kind) return { errors: [`audience.kind: choose who receives the message: one of ${AUDIENCE_KINDS.join(', ')}.`] };
  if (kind === 'coaches') {
    const division = text(raw?.division);
    if (division && !choices.divisions.includes(division))
      errors.push(`audience.division: there is no division ${quoted(division)}: use one of ${choices.divisions.join(', ')}, or leave it out for every division.`);
    return errors.length ? { errors } : { audience: division ? { kind, division } : { kind }, errors };
  }
  if (kind === 'missing') {
    const element = Number(text(raw?.element));
    if (![1, 2, 3].includes(element)) errors.push('audience.element: the element missing is 1 (volunteer application), 2 (safety trainings) or 3 (age-level certification).');
    const training = text(raw?.training);
    if (training && !choices.trainings.includes(training))
      errors.push(`audience.training: there is no training ${quoted(training)} in the region's catalog: use one of ${choices.trainings.join(', ')}.`);
    else if (training && element === 1) errors.push('audience.training: element 1 is the volunteer application, which has no trainings: use element 2 or 3 with a training.');
    if (errors.length) return { errors };
    return { audience: training ? { kind, element: element as ComplianceElementNumber, training } : { kind, element: element as ComplianceElementNumber }, errors };
  }
  if (kind === 'team') {
    const teamId = text(raw?.teamId);
    const who = text(raw?.who);
    if (!teamId) errors.push('audience.teamId: name the team (its id).');
    if (who !== 'staff' && who !== 'families') errors.push('audience.who: write "staff" (the head and assistant coaches) or "families" (the guardians of its players).');
    return errors.length ? { errors } : { audience: { kind, teamId, who: who as 'staff' | 'families' }, errors };
  }
  if (kind === 'role') {
    const role = text(raw?.role);
    if (!isRole(role)) return { errors: [`audience.role: ${role ? `${quoted(role)} is not a role` : 'choose a role'}: use one of ${ROLES.join(', ')}.`] };
    return { audience: { kind, role }, errors };
  }
  return { errors: [`audience.kind: ${quoted(kind)} is not an audience: use one of ${AUDIENCE_KINDS.join(', ')}.`] };
}

/** Reads a whole message (audience, subject, Markdown body); 422 material when errors is not empty. */
export function readMessage(
  raw: { audience?: RawAudience; subject?: unknown; markdown?: unknown; required?: unknown },
  choices: AudienceChoices,
): { input?: MessageInput; errors: string[] } {
  const a = readAudience(raw.audience, choices);
  const errors = [...a.errors, ...readContent(raw).errors];
  if (errors.length || !a.audience) return { errors };
  return {
    input: {
      audience: a.audience,
      subject: text(raw.subject),
      markdown: String(raw.markdown).trim(),
      required: raw.required === true || raw.required === 'on' || raw.required === 'true',
    },
    errors,
  };
}

/** Checks subject and body (also for a test to oneself, which has no audience). */
export function readContent(raw: { subject?: unknown; markdown?: unknown }): { errors: string[] } {
  const errors: string[] = [];
  const subject = text(raw.subject);
  if (!subject) errors.push('subject: write a subject.');
  else if (subject.length > SUBJECT_MAX) errors.push(`subject: keep it to ${SUBJECT_MAX} characters (it has ${subject.length}).`);
  else if (/[\r\n]/.test(subject)) errors.push('subject: write it on one line.');
  const markdown = text(raw.markdown);
  if (!markdown) errors.push('markdown: write the message.');
  else if (markdown.length > MARKDOWN_MAX) errors.push(`markdown: keep the message to ${MARKDOWN_MAX} characters (it has ${markdown.length}).`);
  return { errors };
}

/** The audience in words, for the record and the pages. */
export function audienceLabel(a: Audience, names: { team?: string; training?: string } = {}): string {
  switch (a.kind) {
    case 'coaches':
      return a.division ? `Head and assistant coaches of ${a.division} teams` : 'Head and assistant coaches of every team';
    case 'missing': {
      const element = ['', 'the volunteer application', 'safety trainings', 'the age-level certification'][a.element];
      return a.training ? `Volunteers missing ${names.training ?? a.training} (element ${a.element})` : `Volunteers missing element ${a.element}, ${element}`;
    }
    case 'team':
      return `${a.who === 'staff' ? 'Coaches' : 'Families'} of ${names.team ?? `team ${a.teamId}`}`;
    case 'role':
      return `Everyone who is ${ROLE_LABELS[a.role].toLowerCase()} this season`;
  }
}

/** A person the audience found. */
export interface Candidate {
  personId: string;
  name: string;
  email: string | null;
}

export type SkipReason = 'opted-out' | 'no-email' | 'same-address';

export interface Choice {
  /** One per address, in the audience's order: these get the mail. */
  send: Candidate[];
  /** Found but not mailed, with why (a second person at an address already mailed is "same-address"). */
  skipped: (Candidate & { reason: SkipReason })[];
}

/**
 * Who gets the mail: each person once; nobody without an address; for an optional message nobody
 * who switched board messages off (a required notice goes to them anyway); and one mail per address
 * (addresses compared without case), since two guardians often share one.
 */
export function chooseRecipients(found: readonly Candidate[], optedOut: ReadonlySet<string>, required: boolean): Choice {
  const seenPeople = new Set<string>();
  const seenAddresses = new Set<string>();
  const out: Choice = { send: [], skipped: [] };
  for (const c of found) {
    if (seenPeople.has(c.personId)) continue;
    seenPeople.add(c.personId);
    const address = c.email?.trim().toLowerCase() ?? '';
    if (!address) out.skipped.push({ ...c, reason: 'no-email' });
    else if (!required && optedOut.has(c.personId)) out.skipped.push({ ...c, reason: 'opted-out' });
    else if (seenAddresses.has(address)) out.skipped.push({ ...c, reason: 'same-address' });
    else {
      seenAddresses.add(address);
      out.send.push(c);
    }
  }
  return out;
}

export const SKIP_LABELS: Record<SkipReason, string> = {
  'opted-out': 'switched board messages off',
  'no-email': 'no email address',
  'same-address': 'shares an address already mailed',
};

/** A delivery state as the record shows it: a claimed mail is still queued to the reader. */
export type DeliveryState = 'queued' | 'sent' | 'failed';
export function deliveryState(outboxState: string): DeliveryState {
  return outboxState === 'sent' ? 'sent' : outboxState === 'failed' ? 'failed' : 'queued';
}

/** Rows per page of the messages list unless told, and the most one page holds. */
export const PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;

/** Reads page (from 1) and pageSize (1 to MAX_PAGE_SIZE) of a list; empty means the default; every problem is named. */
export function readPaging(raw: { page?: string; pageSize?: string }, defaultSize = PAGE_SIZE): { page: number; pageSize: number; errors: string[] } {
  const errors: string[] = [];
  const whole = (v: string | undefined, fallback: number, max: number, field: string) => {
    const t = (v ?? '').trim();
    if (!t) return fallback;
    const n = /^\d{1,9}$/.test(t) ? Number(t) : 0;
    if (n >= 1 && n <= max) return n;
    errors.push(`${field}: a whole number from 1${max < 1e9 ? ` to ${max}` : ''}; ${quoted(t)} is not one.`);
    return fallback;
  };
  return { page: whole(raw.page, 1, 999_999_999, 'page'), pageSize: whole(raw.pageSize, defaultSize, MAX_PAGE_SIZE, 'pageSize'), errors };
}

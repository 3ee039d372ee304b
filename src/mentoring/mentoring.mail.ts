import type { Db } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import type { MailAttachment } from '../platform/mail.js';
import { isOptionalKind } from '../platform/notify/catalog.js';
import { notify } from '../platform/notify/notify.js';
import { locationLabel, placeLabel, titleLabel, whenLabel, type FieldLike } from './mentoring.format.js';
import { sessionCalendar, sessionUid } from './mentoring.ical.js';
import type { SessionRecord } from './sessions.store.js';

/**
 * Every mail of coach mentoring, queued in the caller's transaction. Kinds (for the outbox and
 * tests): mentoring-signup, mentoring-waitlist, mentoring-promoted, mentoring-cancelled,
 * mentoring-session-cancelled, mentoring-visit, mentoring-assessment, mentoring-message.
 * Mails about an assessment never quote it: they link to the page, which checks who is reading.
 */

export interface Recipient {
  /** Known: mails a person may switch off go through notify(), which honours their choice. */
  personId?: string;
  name: string;
  email: string | null;
}

type SessionMail = Pick<SessionRecord, 'id' | 'kind' | 'topic' | 'date' | 'startTime' | 'minutes' | 'startsAt' | 'fieldId' | 'place' | 'teamName' | 'mentorName'>;

export function sessionAttachment(deps: Deps, s: SessionMail, fields: readonly FieldLike[], cancelled = false): MailAttachment {
  const content = sessionCalendar({
    uid: sessionUid(s.id),
    summary: `Mentoring: ${titleLabel(s)}`,
    location: locationLabel(s, fields),
    description: `With ${s.mentorName}. ${deps.config.baseUrl}/mentoring`,
    startsAt: s.startsAt,
    minutes: s.minutes,
    dtstamp: deps.clock.now().toISOString(),
    cancelled,
  });
  return { filename: 'mentoring-session.ics', contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`, content };
}

const details = (s: SessionMail, fields: readonly FieldLike[]) => [`${titleLabel(s)}`, `When: ${whenLabel(s)}`, `Where: ${placeLabel(s, fields)}`, `Mentor: ${s.mentorName}`].join('\n');

async function send(db: Db, deps: Deps, to: Recipient, subject: string, lines: string[], kind: string, attachments?: MailAttachment[]): Promise<void> {
  if (!to.email) return;
  const text = [`Hello ${to.name},`, '', ...lines, '', '— Touchline'].join('\n');
  if (to.personId && isOptionalKind(kind) && !attachments?.length) {
    await notify(db, deps.mailer, { personId: to.personId, kind, subject, text }, deps);
    return;
  }
  await deps.mailer.queue(db, { to: to.email, subject, text, kind, attachments });
}

export type SessionNotice = 'signup' | 'waitlist' | 'promoted' | 'cancelled' | 'session-cancelled';

/** A mail to a coach about their place in a session; confirmed places carry the calendar event. */
export async function mailSessionNotice(db: Db, deps: Deps, to: Recipient, s: SessionMail, fields: readonly FieldLike[], notice: SessionNotice, place?: number): Promise<void> {
  const link = `Your mentoring sessions: ${deps.config.baseUrl}/mentoring`;
  const d = details(s, fields);
  const cal = (cancelled = false) => [sessionAttachment(deps, s, fields, cancelled)];
  switch (notice) {
    case 'signup':
      return send(db, deps, to, `Signed up: ${s.topic} on ${whenLabel(s)}`, ['You are signed up for this mentoring session. The calendar event is attached.', '', d, '', link], 'mentoring-signup', cal());
    case 'waitlist':
      return send(db, deps, to, `Waitlist: ${s.topic} on ${whenLabel(s)}`, [`This session is full: you are number ${place ?? '?'} on the waitlist. You move up automatically when someone cancels, and we will mail you.`, '', d, '', link], 'mentoring-waitlist');
    case 'promoted':
      return send(db, deps, to, `You have a place: ${s.topic} on ${whenLabel(s)}`, ['A place freed up and you moved up from the waitlist: you are signed up. The calendar event is attached.', '', d, '', `Cannot come after all? Cancel on ${deps.config.baseUrl}/mentoring so the next coach gets the place.`], 'mentoring-promoted', cal());
    case 'cancelled':
      return send(db, deps, to, `Cancelled: ${s.topic} on ${whenLabel(s)}`, ['Your sign-up is cancelled. The attached file removes the event from your calendar.', '', d, '', link], 'mentoring-cancelled', cal(true));
    case 'session-cancelled':
      return send(db, deps, to, `Session cancelled: ${s.topic} on ${whenLabel(s)}`, [`${s.mentorName} cancelled this mentoring session. The attached file removes it from your calendar.`, '', d, '', `Other sessions: ${deps.config.baseUrl}/mentoring`], 'mentoring-session-cancelled', cal(true));
  }
}

/** The coaches of a visited team hear that a mentor is coming, with the calendar events. */
export async function mailVisitPlanned(db: Db, deps: Deps, to: Recipient, sessions: readonly SessionMail[], fields: readonly FieldLike[]): Promise<void> {
  const first = sessions[0];
  if (!first) return;
  const dates = sessions.map((s) => `- ${whenLabel(s)} at ${placeLabel(s, fields)}`);
  await send(
    db,
    deps,
    to,
    `A mentor will visit ${first.teamName ?? 'your team'}`,
    [`${first.mentorName} plans to watch ${first.teamName ?? 'your team'} (${titleLabel(first)}):`, ...dates, '', `Confirm you will be there: ${deps.config.baseUrl}/mentoring`],
    'mentoring-visit',
    sessions.map((s) => sessionAttachment(deps, s, fields)),
  );
}

/** The coach hears of a new assessment (the mail links to it; it never quotes it). */
export async function mailNewAssessment(db: Db, deps: Deps, to: Recipient, assessmentId: string, mentorName: string, kind: string, date: string): Promise<void> {
  await send(db, deps, to, 'Your mentor wrote an assessment', [`${mentorName} recorded an assessment of your ${kind} on ${date}.`, `Read it, acknowledge it and ask questions: ${deps.config.baseUrl}/mentoring/assessments/${assessmentId}`, '', 'Only you, your mentor and the coach administrator can see it.'], 'mentoring-assessment');
}

/** The other side of a thread hears of a new question or answer. */
export async function mailThreadMessage(db: Db, deps: Deps, to: Recipient, assessmentId: string, fromName: string, isAnswer: boolean): Promise<void> {
  const what = isAnswer ? 'answered in your assessment' : 'asked a question about the assessment you wrote';
  await send(db, deps, to, isAnswer ? 'Your mentor answered' : 'A coach asked a question', [`${fromName} ${what}.`, `Read it: ${deps.config.baseUrl}/mentoring/assessments/${assessmentId}`], 'mentoring-message');
}

import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/feature.js';
import type { MailAttachment } from '../../platform/mail.js';
import { sendMail, type Recipient } from '../mentoring.mail.js';
import { sessionCalendar, sessionUid } from './calendar.rules.js';
import { locationLabel, placeLabel, titleLabel, whenLabel, type FieldLike } from './labels.rules.js';
import type { SessionRecord } from './sessions.store.js';

/** The mails about sessions: a coach's place (with the calendar event) and a mentor's planned visit to a team. */

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

const details = (s: SessionMail, fields: readonly FieldLike[]) =>
  [`${titleLabel(s)}`, `When: ${whenLabel(s)}`, `Where: ${placeLabel(s, fields)}`, `Mentor: ${s.mentorName}`].join('\n');

export type SessionNotice = 'signup' | 'waitlist' | 'promoted' | 'cancelled' | 'session-cancelled';

/** A mail to a coach about their place in a session; confirmed places carry the calendar event. */
export async function mailSessionNotice(db: Db, deps: Deps, to: Recipient, s: SessionMail, fields: readonly FieldLike[], notice: SessionNotice, place?: number): Promise<void> {
  const link = `Your mentoring sessions: ${deps.config.baseUrl}/mentoring`;
  const d = details(s, fields);
  const cal = (cancelled = false) => [sessionAttachment(deps, s, fields, cancelled)];
  switch (notice) {
    case 'signup':
      return sendMail(
        db,
        deps,
        to,
        `Signed up: ${s.topic} on ${whenLabel(s)}`,
        ['You are signed up for this mentoring session. The calendar event is attached.', '', d, '', link],
        'mentoring-signup',
        cal(),
      );
    case 'waitlist':
      return sendMail(
        db,
        deps,
        to,
        `Waitlist: ${s.topic} on ${whenLabel(s)}`,
        [`This session is full: you are number ${place ?? '?'} on the waitlist. You move up automatically when someone cancels, and we will mail you.`, '', d, '', link],
        'mentoring-waitlist',
      );
    case 'promoted':
      return sendMail(
        db,
        deps,
        to,
        `You have a place: ${s.topic} on ${whenLabel(s)}`,
        [
          'A place freed up and you moved up from the waitlist: you are signed up. The calendar event is attached.',
          '',
          d,
          '',
          `Cannot come after all? Cancel on ${deps.config.baseUrl}/mentoring so the next coach gets the place.`,
        ],
        'mentoring-promoted',
        cal(),
      );
    case 'cancelled':
      return sendMail(
        db,
        deps,
        to,
        `Cancelled: ${s.topic} on ${whenLabel(s)}`,
        ['Your sign-up is cancelled. The attached file removes the event from your calendar.', '', d, '', link],
        'mentoring-cancelled',
        cal(true),
      );
    case 'session-cancelled':
      return sendMail(
        db,
        deps,
        to,
        `Session cancelled: ${s.topic} on ${whenLabel(s)}`,
        [`${s.mentorName} cancelled this mentoring session. The attached file removes it from your calendar.`, '', d, '', `Other sessions: ${deps.config.baseUrl}/mentoring`],
        'mentoring-session-cancelled',
        cal(true),
      );
  }
}

/** The coaches of a visited team hear that a mentor is coming, with the calendar events. */
export async function mailVisitPlanned(db: Db, deps: Deps, to: Recipient, sessions: readonly SessionMail[], fields: readonly FieldLike[]): Promise<void> {
  const first = sessions[0];
  if (!first) return;
  const dates = sessions.map((s) => `- ${whenLabel(s)} at ${placeLabel(s, fields)}`);
  await sendMail(
    db,
    deps,
    to,
    `A mentor will visit ${first.teamName ?? 'your team'}`,
    [`${first.mentorName} plans to watch ${first.teamName ?? 'your team'} (${titleLabel(first)}):`, ...dates, '', `Confirm you will be there: ${deps.config.baseUrl}/mentoring`],
    'mentoring-visit',
    sessions.map((s) => sessionAttachment(deps, s, fields)),
  );
}

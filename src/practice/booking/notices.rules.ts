import type { WeeklySlot } from '../slots.rules.js';
import { WEEKDAY_NAMES } from '../../platform/time/time.rules.js';

export type NoticeKind = 'booked' | 'moved' | 'cancelled';

export interface NoticeInput {
  kind: NoticeKind;
  teamName: string;
  division: string;
  /** The slot the team now has (booked, moved) or had (cancelled). */
  slot: WeeklySlot;
  fieldName: string;
  /** The slot the team had before a move. */
  from?: { slot: WeeklySlot; fieldName: string };
  /** Who did it, when not the coach reading the mail (e.g. the coach administrator). */
  by: string;
  scheduleUrl: string;
}

const when = (s: WeeklySlot, field: string) => `${WEEKDAY_NAMES[s.weekday]}s ${s.start}-${s.end} at ${field}`;

/** Mail kinds as stored in the outbox (tests and people filter on them). */
export const NOTICE_MAIL_KIND: Record<NoticeKind, string> = { booked: 'practice-booked', moved: 'practice-moved', cancelled: 'practice-cancelled' };

/** Subject and text of the mail the team's coaches get when a practice booking changes. */
export function practiceNotice(n: NoticeInput): { subject: string; text: string } {
  const now = when(n.slot, n.fieldName);
  const lines =
    n.kind === 'booked'
      ? [`Practice booking confirmed: ${n.teamName} (${n.division}) practises ${now}.`]
      : n.kind === 'moved'
        ? [`Practice booking moved: ${n.teamName} (${n.division}) now practises ${now}${n.from ? `, instead of ${when(n.from.slot, n.from.fieldName)}` : ''}.`]
        : [`Practice booking cancelled: ${n.teamName} (${n.division}) no longer practises ${now}.`];
  const subject =
    n.kind === 'booked'
      ? `Practice booking confirmed: ${n.teamName}, ${now}`
      : n.kind === 'moved'
        ? `Practice booking moved: ${n.teamName}, ${now}`
        : `Practice booking cancelled: ${n.teamName}, ${now}`;
  lines.push(`Changed by ${n.by}.`, '', 'Teams practise only in their registered slots.', `The team's schedule and calendar link: ${n.scheduleUrl}`);
  return { subject, text: lines.join('\n') };
}

/** The mail a player's parent or guardian gets when the team's practice moves: the new day, time and field, and the old ones. */
export function familyMoveNotice(n: { teamName: string; slot: WeeklySlot; fieldName: string; from?: { slot: WeeklySlot; fieldName: string }; familyUrl: string }): {
  subject: string;
  text: string;
} {
  const now = when(n.slot, n.fieldName);
  return {
    subject: `${n.teamName}: practice moved to ${now}`,
    text: [
      `${n.teamName} now practises ${now}${n.from ? `, instead of ${when(n.from.slot, n.from.fieldName)}` : ''}.`,
      '',
      `The team's practices, games and calendar link: ${n.familyUrl}`,
      'A calendar you subscribed to from that page updates by itself.',
    ].join('\n'),
  };
}

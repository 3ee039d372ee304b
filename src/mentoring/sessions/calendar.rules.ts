import { escapeText, foldLine } from '../../platform/time/ical.js';

/**
 * A one-event iCalendar file (RFC 5545) for a mentoring session, attached to confirmation mails.
 * Times are UTC (a single event needs no VTIMEZONE); the UID is the session's, so a later
 * cancellation (METHOD:CANCEL, same UID, higher SEQUENCE) removes the event from the calendar.
 */
export interface SessionEvent {
  uid: string;
  summary: string;
  location: string;
  description: string;
  /** ISO-8601 instant of the start. */
  startsAt: string;
  minutes: number;
  /** ISO-8601 instant the file is made (an argument: no clock here). */
  dtstamp: string;
  cancelled?: boolean;
}

const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export function sessionCalendar(e: SessionEvent): string {
  const start = Date.parse(e.startsAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Touchline//Coach mentoring//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.cancelled ? 'CANCEL' : 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `SEQUENCE:${e.cancelled ? 1 : 0}`,
    `DTSTAMP:${stamp(Date.parse(e.dtstamp))}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(start + e.minutes * 60_000)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `LOCATION:${escapeText(e.location)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

export const sessionUid = (sessionId: string) => `mentoring-${sessionId}@touchline`;

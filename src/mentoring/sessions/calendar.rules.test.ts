import { describe, expect, it } from 'vitest';
import { sessionCalendar, sessionUid } from './calendar.rules.js';

const event = {
  uid: sessionUid('abc'),
  summary: 'Mentoring: Group session: Positive coaching, with commas; and semicolons',
  location: 'Brett (north corner), Brett Field, El Segundo',
  description: 'With Sam Kim.\nhttp://localhost:3000/mentoring',
  startsAt: '2026-09-23T01:30:00.000Z',
  minutes: 90,
  dtstamp: '2026-09-15T17:00:00.000Z',
};

describe('sessionCalendar', () => {
  it('writes one VEVENT in UTC with CRLF lines and escaped text', () => {
    const text = sessionCalendar(event);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines).toContain('UID:mentoring-abc@touchline');
    expect(lines).toContain('DTSTAMP:20260915T170000Z');
    expect(lines).toContain('DTSTART:20260923T013000Z');
    expect(lines).toContain('DTEND:20260923T030000Z');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(text.split('BEGIN:VEVENT')).toHaveLength(2);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('Positive coaching\\, with commas\\; and semicolons');
    expect(unfolded).toContain('DESCRIPTION:With Sam Kim.\\nhttp://localhost:3000/mentoring');
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('cancels with the same UID, a higher sequence and METHOD:CANCEL', () => {
    const lines = sessionCalendar({ ...event, cancelled: true }).split('\r\n');
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:1');
    expect(lines).toContain('UID:mentoring-abc@touchline');
  });
});

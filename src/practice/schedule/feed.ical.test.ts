import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../../region/region.testkit.js';
import { practiceEvent } from './feed.rules.js';
import { escapeText, foldLine, renderCalendar, vtimezoneLines, type IcalCalendar, type IcalEvent } from '../../platform/time/ical.js';
import { slotDates, slotId, type WeeklySlot } from '../slots.rules.js';
import { MONDAY_RICHMOND } from '../practice.testkit.js';

const config = defaultRegionConfig('2026-08-01');
const LA = config.region.timeZone;
const fall = { startDate: '2026-08-01', endDate: '2026-12-31' };
const blackouts = ['2026-09-07', '2026-10-12', '2026-11-26'];
const monday: WeeklySlot = MONDAY_RICHMOND;
const richmond = config.fields.find((f) => f.id === 'richmond')!;
const event = practiceEvent({ bookingId: 'bk-1', teamName: 'Blue Sharks', division: '10U', slot: monday, field: richmond, season: fall, blackouts })!;
const calendar = (over: Partial<IcalCalendar> = {}): IcalCalendar => ({ name: 'Blue Sharks practices', timeZone: LA, events: [event], dtstamp: '2026-08-20T12:00:00Z', ...over });

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const physicalLines = (text: string) => text.split('\r\n').slice(0, -1);

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(escapeText('tab\tstays, bell\u0007 goes')).toBe('tab\tstays\\, bell goes');
  });
});

describe('foldLine', () => {
  it('leaves 75 octets alone and folds the 76th onto a line starting with a space', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('counts UTF-8 octets and never splits a character', () => {
    expect(foldLine(`${'x'.repeat(74)}é`)).toBe(`${'x'.repeat(74)}\r\n é`);
    expect(foldLine(`${'x'.repeat(73)}😀y`)).toBe(`${'x'.repeat(73)}\r\n 😀y`);
    const long = 'Équipe 😀 Zoë – '.repeat(20);
    const lines = foldLine(long).split('\r\n');
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(long);
  });
});

describe('renderCalendar', () => {
  const text = renderCalendar(calendar());

  it('writes CRLF lines of at most 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of physicalLines(text)) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('has the calendar properties and one weekly event in the region zone', () => {
    const lines = physicalLines(text.replace(/\r\n /g, ''));
    for (const l of ['VERSION:2.0', 'PRODID:-//Touchline//Practice calendar//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Blue Sharks practices'])
      expect(lines).toContain(l);
    expect(lines).toContain('DTSTART;TZID=America/Los_Angeles:20260803T170000');
    expect(lines).toContain('DTEND;TZID=America/Los_Angeles:20260803T180000');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;UNTIL=20270101T075959Z');
    expect(lines).toContain('EXDATE;TZID=America/Los_Angeles:20260907T170000,20261012T170000');
    expect(lines).toContain('UID:practice-bk-1@touchline');
    expect(lines).toContain('DTSTAMP:20260820T120000Z');
    expect(lines).toContain('LOCATION:Richmond\\, Richmond Street\\, El Segundo');
  });

  it('keeps a booking the same event when the feed is regenerated', () => {
    const again = renderCalendar(calendar({ dtstamp: '2026-09-01T08:30:00Z' }));
    expect(again.replace(/DTSTAMP:\S+/g, '')).toBe(text.replace(/DTSTAMP:\S+/g, ''));
    expect(again).toContain('DTSTAMP:20260901T083000Z');
  });

  it('refuses an event whose first date is not on its weekday', () => {
    expect(() => renderCalendar(calendar({ events: [{ ...event, firstDate: '2026-08-04' }] }))).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('VTIMEZONE', () => {
  const blocks = (lines: string[]) => lines.join('\n').match(/BEGIN:(STANDARD|DAYLIGHT)[\s\S]*?END:\1/g) ?? [];

  it('has the 2026 changes of Los Angeles', () => {
    const b = blocks(vtimezoneLines(LA, 2026, 2026));
    expect(b).toHaveLength(3);
    expect(b[1]).toBe('BEGIN:DAYLIGHT\nDTSTART:20260308T020000\nTZOFFSETFROM:-0800\nTZOFFSETTO:-0700\nTZNAME:PDT\nEND:DAYLIGHT');
    expect(b[2]).toBe('BEGIN:STANDARD\nDTSTART:20261101T020000\nTZOFFSETFROM:-0700\nTZOFFSETTO:-0800\nTZNAME:PST\nEND:STANDARD');
  });

  it('gives a zone without daylight saving only STANDARD', () => {
    const lines = vtimezoneLines('America/Phoenix', 2026, 2027);
    expect(blocks(lines)).toEqual(['BEGIN:STANDARD\nDTSTART:20260101T000000\nTZOFFSETFROM:-0700\nTZOFFSETTO:-0700\nTZNAME:MST\nEND:STANDARD']);
  });

  it('starts a southern-hemisphere year in DAYLIGHT', () => {
    const kinds = blocks(vtimezoneLines('Australia/Sydney', 2026, 2026)).map((b) => b.split('\n')[0]);
    expect(kinds).toEqual(['BEGIN:DAYLIGHT', 'BEGIN:STANDARD', 'BEGIN:DAYLIGHT']);
  });
});

describe('the feed read by ical.js', () => {
  afterEach(() => ICAL.TimezoneService.reset());

  function parse(text: string) {
    const root = new ICAL.Component(ICAL.parse(text));
    const vtimezone = root.getFirstSubcomponent('vtimezone');
    if (!vtimezone) throw new Error('no VTIMEZONE');
    ICAL.TimezoneService.register(vtimezone);
    return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
  }

  function occurrences(e: InstanceType<typeof ICAL.Event>) {
    const out: InstanceType<typeof ICAL.Time>[] = [];
    const it = e.iterator();
    for (let t = it.next(); t && out.length < 100; t = it.next()) out.push(t);
    return out;
  }

  const localClock = (t: InstanceType<typeof ICAL.Time>, tz: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(t.toUnixTime() * 1000));

  it('keeps 5 pm Monday practices at 5 pm across the November change and skips blackouts', () => {
    const { root, events } = parse(renderCalendar(calendar()));
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    const [e] = events;
    expect(e?.uid).toBe('practice-bk-1@touchline');
    const occ = occurrences(e!);
    expect(occ.map((t) => t.toString().slice(0, 10))).toEqual(slotDates(1, fall, blackouts));
    expect(occ).toHaveLength(20);
    const before = occ.find((t) => t.toString().startsWith('2026-10-26'))!;
    const after = occ.find((t) => t.toString().startsWith('2026-11-02'))!;
    expect(localClock(before, LA)).toBe('Mon 17:00');
    expect(localClock(after, LA)).toBe('Mon 17:00');
    expect(new Date(before.toUnixTime() * 1000).toISOString()).toBe('2026-10-27T00:00:00.000Z');
    expect(new Date(after.toUnixTime() * 1000).toISOString()).toBe('2026-11-03T01:00:00.000Z');
  });

  it('includes a practice on the last day of the season', () => {
    const thursday = { ...monday, id: slotId('richmond', 4, '18:00', '19:00'), weekday: 4, start: '18:00', end: '19:00' };
    const e = practiceEvent({ bookingId: 'bk-2', teamName: 'Reds', division: '12U', slot: thursday, field: richmond, season: fall, blackouts })!;
    const occ = occurrences(parse(renderCalendar(calendar({ events: [e] }))).events[0]!);
    expect(occ.map((t) => t.toString().slice(0, 10))).not.toContain('2026-11-26');
    expect(occ.at(-1)?.toString()).toBe('2026-12-31T18:00:00');
  });

  it('keeps local time across the autumn change of a southern-hemisphere zone', () => {
    const e: IcalEvent = { ...event, uid: 'syd', weekday: 2, firstDate: '2026-03-03', untilDate: '2026-04-30', exdates: [] };
    const occ = occurrences(parse(renderCalendar(calendar({ timeZone: 'Australia/Sydney', events: [e] }))).events[0]!);
    expect(occ).toHaveLength(9);
    expect(new Set(occ.map((t) => localClock(t, 'Australia/Sydney')))).toEqual(new Set(['Tue 17:00']));
  });

  it('reads escaped and folded text back unchanged', () => {
    const description = 'Bring water, shin guards; a ball.\nCoach: Zoë "Z" Núñez \\ 😀 '.repeat(4);
    const { events } = parse(renderCalendar(calendar({ events: [{ ...event, summary: 'Blue Sharks, 10U; Mondays', description }] })));
    expect(events[0]?.summary).toBe('Blue Sharks, 10U; Mondays');
    expect(events[0]?.description).toBe(description);
    expect(events[0]?.location).toBe('Richmond, Richmond Street, El Segundo');
  });
});

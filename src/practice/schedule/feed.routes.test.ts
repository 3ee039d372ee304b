import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.js';
import { bookPractice } from '../booking/booking.service.js';
import { listSlots } from '../slots.store.js';
import { slotDates } from '../slots.rules.js';
import { insertCoaches, insertTeams, openPracticeApp, SEASON, setUpSeason, type Coach } from '../practice.testkit.js';

const FEED = /\/practice\/feeds\/[A-Za-z0-9_-]+\.ics/;

describe('calendar feeds served by the app, read by ical.js', () => {
  let t: TestApp;
  let coaches: Coach[];
  let team: string;

  beforeAll(async () => {
    t = await openPracticeApp('sqlite');
    await setUpSeason(t.deps, undefined, { blackouts: ['2026-10-12', '2026-11-26'] });
    coaches = await insertCoaches(t.deps, 2);
    [team] = (await insertTeams(t.deps.db, SEASON, [{ division: '10U', name: 'Comets, "Blue"; U10', headCoachId: coaches[0]!.id }])) as [string];
    const slots = await listSlots(t.deps.db, SEASON);
    const who = { personId: coaches[0]!.id, name: 'Coach', isAdmin: false };
    for (const [field, day] of [
      ['richmond', 1],
      ['brett', 4],
    ] as const) {
      await bookPractice(t.deps, who, { teamId: team, slotId: slots.find((s) => s.fieldId === field && s.weekday === day && s.start === '17:00')!.id });
    }
  });
  afterAll(async () => t?.close());
  afterEach(() => ICAL.TimezoneService.reset());

  const feedPath = async (url: string, who: Coach) => FEED.exec((await t.app.inject({ method: 'GET', url, headers: who.bearer })).body)?.[0];

  function parse(text: string) {
    const root = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.register(root.getFirstSubcomponent('vtimezone')!);
    return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
  }

  const local = (t: InstanceType<typeof ICAL.Time>) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Los_Angeles', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      new Date(t.toUnixTime() * 1000),
    );

  it('serves the team feed at its unguessable address without a login, as text/calendar', async () => {
    const path = await feedPath(`/practice/teams/${team}`, coaches[0]!);
    expect(path).toBeDefined();
    expect(await feedPath(`/practice/teams/${team}`, coaches[1]!)).toBeUndefined();
    const r = await t.app.inject({ method: 'GET', url: path! });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(r.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const { root, events } = parse(r.body);
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(root.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('America/Los_Angeles');
    expect(events.map((e) => e.summary).sort()).toEqual(['Comets, "Blue"; U10 practice', 'Comets, "Blue"; U10 practice']);
    const monday = events.find((e) => e.location.startsWith('Richmond'))!;
    expect(monday.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('America/Los_Angeles');
    expect(monday.startDate.zone.tzid).toBe('America/Los_Angeles');
    const dates: string[] = [];
    const it = monday.iterator();
    for (let next = it.next(); next && dates.length < 60; next = it.next()) {
      dates.push(next.toString().slice(0, 10));
      expect(local(next)).toBe('Mon 17:00');
    }
    expect(dates).toEqual(slotDates(1, { startDate: '2026-08-01', endDate: '2026-12-31' }, ['2026-10-12']));
    expect(dates).not.toContain('2026-10-12');
    expect(dates).toContain('2026-11-02');
  });

  it('serves a field feed with every team practising there, and 404 for an unknown token', async () => {
    const path = await feedPath('/practice/grid?day=4', coaches[1]!);
    expect(path).toBeDefined();
    const { events } = parse((await t.app.inject({ method: 'GET', url: path! })).body);
    expect(events.map((e) => `${e.location.split(',')[0]} ${local(e.startDate)}`)).toEqual(['Brett Thu 17:00']);
    const guess = await t.app.inject({ method: 'GET', url: `/practice/feeds/${'a'.repeat(43)}.ics` });
    expect(guess.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/practice/feeds/short.ics' })).statusCode).toBe(404);
  });
});

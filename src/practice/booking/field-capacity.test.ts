/**
 * A field holds at most its capacity at any moment, whatever the slots' lengths: a window open to
 * every division on Brett (2 teams at once) on Fridays 17:00-20:00 gives 60-minute slots for the
 * young divisions and 90-minute slots for the old ones that overlap, and they share Brett's two
 * places. Booked one by one, moved, listed, and in a rush of concurrent requests (on PostgreSQL
 * also through several server instances, each with its own connection pool).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import { openTestApp, openTestDb, TEST_NOW, testDialects, type TestApp, type TestDb } from '../../testing/harness.js';
import { refusal } from '../../testing/refusals.js';
import { getRegionConfig } from '../../region/index.js';
import { bookingViolations } from './invariants.rules.js';
import { bookPractice, moveBooking } from './booking.service.js';
import { seasonBookingRows } from './bookings.store.js';
import { listSlots, type StoredSlot } from '../slots.store.js';
import { addSlot, generateSeasonSlots, removeSlot } from '../setup/setup.service.js';
import { deleteWindow, insertWindow } from '../setup/windows.store.js';
import { fieldOverloads } from '../field-load.rules.js';
import { ADMIN_ACTOR, insertCoaches, insertTeams, openPracticeApp, SEASON, setUpSeason, type Coach } from '../practice.testkit.js';
import type { Who } from '../practice.access.js';
import type { PracticeWindow } from '../slots.rules.js';

const FRIDAY_BRETT: PracticeWindow[] = [{ fieldId: 'brett', weekdays: [5], startTime: '17:00', endTime: '20:00' }];
const admin: Who = { personId: null, name: 'Coach Administrator', isAdmin: true };

/** The per-moment invariant and every other one, on the whole season. */
async function violations(t: TestApp, teams: { id: string; division: string }[]) {
  const config = await getRegionConfig(t.deps.db);
  const [rows, slots] = await Promise.all([seasonBookingRows(t.deps.db, SEASON), listSlots(t.deps.db, SEASON)]);
  return { rows, slots, found: bookingViolations({ bookings: rows, slots, teams, divisions: config.divisions, fields: config.fields }) };
}

describe.each(testDialects())('overlapping slots share their field on %s', (dialect) => {
  let t: TestApp;
  let slots: StoredSlot[];
  const at = (start: string, end: string) => slots.find((s) => s.fieldId === 'brett' && s.weekday === 5 && s.start === start && s.end === end)!;

  beforeAll(async () => {
    t = await openPracticeApp(dialect);
    await setUpSeason(t.deps, FRIDAY_BRETT);
    slots = await listSlots(t.deps.db, SEASON);
  });
  afterAll(async () => t?.close());

  it('generates the 60- and 90-minute cuts, each with Brett capacity, and says they share it', async () => {
    expect(slots.map((s) => `${s.start}-${s.end} ${s.capacity}`)).toEqual(['17:00-18:00 2', '17:00-18:30 2', '18:00-19:00 2', '18:30-20:00 2', '19:00-20:00 2']);
    const config = await getRegionConfig(t.deps.db);
    const report = await generateSeasonSlots(t.deps, config, ADMIN_ACTOR, SEASON);
    expect(report.notes).toContain(
      "brett Fri 17:00-18:00 overlaps brett Fri 17:00-18:30: they share the field's 2 places, so teams in one leave less room in the other (give the window to one practice length to keep them apart).",
    );
  });

  it('refuses a place in a slot with room of its own once overlapping slots fill the field, and offers only slots with room', async () => {
    const [old1, old2, young] = await insertTeams(t.deps.db, SEASON, [{ division: '14U' }, { division: '16U' }, { division: '10U' }]);
    await bookPractice(t.deps, admin, { teamId: old1!, slotId: at('17:00', '18:30').id });
    await bookPractice(t.deps, admin, { teamId: old2!, slotId: at('17:00', '18:30').id });
    for (const [start, end] of [
      ['17:00', '18:00'],
      ['18:00', '19:00'],
    ] as const) {
      const e = await refusal(bookPractice(t.deps, admin, { teamId: young!, slotId: at(start, end).id }));
      expect(e.code).toBe('SLOT_FULL');
      expect(e.message).toContain(`Friday ${start}-${end} at Brett is full: Brett holds 2 teams at once, and slots that overlap this one already put 2 there.`);
      expect(e.details).toMatchObject({ capacity: 2, booked: 0, fieldCapacity: 2, fieldBooked: 2 });
      const offered = (e.details as { alternatives: { id: string; remaining: number }[] }).alternatives;
      expect(offered.map((a) => a.id)).toEqual([at('19:00', '20:00').id]);
      expect(offered[0]!.remaining).toBe(2);
    }
    const booked = await bookPractice(t.deps, admin, { teamId: young!, slotId: at('19:00', '20:00').id });
    expect(booked.start).toBe('19:00');
    const { found } = await violations(t, [
      { id: old1!, division: '14U' },
      { id: old2!, division: '16U' },
      { id: young!, division: '10U' },
    ]);
    expect(found).toEqual([]);
  });

  it('lists the places a slot really has left: its own and the field at the busiest moment of its time', async () => {
    const [coach] = await insertCoaches(t.deps, 1);
    const [team] = await insertTeams(t.deps.db, SEASON, [{ division: '12U', headCoachId: coach!.id }]);
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/practice/slots?team=${team}`, headers: coach!.bearer })).json() as {
      start: string;
      end: string;
      remaining: number;
      refusal: string | null;
    }[];
    expect(list.map((s) => [`${s.start}-${s.end}`, s.remaining, s.refusal])).toEqual([
      ['17:00-18:00', 0, 'SLOT_FULL'],
      ['18:00-19:00', 0, 'SLOT_FULL'],
      ['19:00-20:00', 1, null],
    ]);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/practice/slots', headers: coach!.bearer })).json() as { start: string; end: string; remaining: number }[];
    expect(all.map((s) => [`${s.start}-${s.end}`, s.remaining])).toEqual([
      ['17:00-18:00', 0],
      ['17:00-18:30', 0],
      ['18:00-19:00', 0],
      ['18:30-20:00', 1],
      ['19:00-20:00', 1],
    ]);
  });

  it('refuses to generate from a window stored with more teams than its field holds, naming it', async () => {
    const config = await getRegionConfig(t.deps.db);
    const stored = await insertWindow(t.deps.db, SEASON, { fieldId: 'richmond', weekdays: [1, 3], startTime: '16:00', endTime: '20:00', capacity: 6 }, TEST_NOW);
    try {
      const e = await refusal(generateSeasonSlots(t.deps, config, ADMIN_ACTOR, SEASON));
      expect([e.code, e.message]).toEqual([
        'VALIDATION',
        "Window Richmond Mon, Wed 16:00-20:00: Richmond holds 2 teams at once, so a window on it may hold at most 2 (this one says 6). Lower its capacity, or leave it empty to use the field's.",
      ]);
      expect((await listSlots(t.deps.db, SEASON)).filter((s) => s.fieldId === 'richmond')).toEqual([]);
    } finally {
      await deleteWindow(t.deps.db, SEASON, stored);
    }
  });

  it('marks the slots that share their field, as slots are generated, added and removed', async () => {
    const config = await getRegionConfig(t.deps.db);
    const marks = async () =>
      Object.fromEntries(
        (await t.deps.db.selectFrom('practice_slots').select(['slot_key', 'shares_field']).where('season_id', '=', SEASON).execute()).map((r) => [
          r.slot_key,
          Number(r.shares_field),
        ]),
      );
    expect(Object.values(await marks())).toEqual([1, 1, 1, 1, 1]);
    const lone = await addSlot(t.deps, config, ADMIN_ACTOR, SEASON, { fieldId: 'richmond', weekday: 6, start: '09:00', end: '10:00', capacity: 1 });
    expect((await marks())['richmond:6:09:00-10:00']).toBe(0);
    const over = await addSlot(t.deps, config, ADMIN_ACTOR, SEASON, { fieldId: 'richmond', weekday: 6, start: '09:30', end: '11:00', capacity: 2 });
    expect([(await marks())['richmond:6:09:00-10:00'], (await marks())['richmond:6:09:30-11:00']]).toEqual([1, 1]);
    await removeSlot(t.deps, ADMIN_ACTOR, over.id);
    expect((await marks())['richmond:6:09:00-10:00']).toBe(0);
    await removeSlot(t.deps, ADMIN_ACTOR, lone.id);
  });

  it('moves a booking to a slot that overlaps its own: the team leaves its old place as it takes the new one', async () => {
    // A slot added by hand, 17:30-19:00, overlaps the 17:00-18:30 one both old teams hold.
    const config = await getRegionConfig(t.deps.db);
    const manual = await addSlot(t.deps, config, ADMIN_ACTOR, SEASON, { fieldId: 'brett', weekday: 5, start: '17:30', end: '19:00', capacity: 2 });
    const rows = await seasonBookingRows(t.deps.db, SEASON);
    const mover = rows.find((r) => r.slotId === at('17:00', '18:30').id)!;
    const moved = await moveBooking(t.deps, admin, mover.id, manual.id);
    expect(moved.start).toBe('17:30');
    const [another] = await insertTeams(t.deps.db, SEASON, [{ division: '19U' }]);
    const e = await refusal(bookPractice(t.deps, admin, { teamId: another!, slotId: manual.id }));
    expect([e.code, (e.details as { fieldBooked: number }).fieldBooked]).toEqual(['SLOT_FULL', 2]);
  });
});

/** Teams of 10U (60 minutes) and 14U (90 minutes) with their coaches, each team booking Brett on Fridays. */
async function rushTeams(t: TestApp, n: number): Promise<{ teams: { id: string; division: string }[]; coachOf: Map<string, Coach> }> {
  const coaches = await insertCoaches(t.deps, n);
  const specs = coaches.map((c, i) => ({ division: i % 2 ? '14U' : '10U', headCoachId: c.id }));
  const ids = await insertTeams(t.deps.db, SEASON, specs);
  return { teams: ids.map((id, i) => ({ id, division: specs[i]!.division })), coachOf: new Map(ids.map((id, i) => [id, coaches[i]!])) };
}

/** Every team asks for every Friday slot of its length at once, in a shuffled order. */
function attempts(teams: { id: string; division: string }[], slots: StoredSlot[], seed: number) {
  const r = seededRandom(seed);
  const all = teams.flatMap((team) => slots.filter((s) => s.divisions.includes(team.division)).map((s) => ({ teamId: team.id, slotId: s.id })));
  return all
    .map((a) => ({ a, k: r() }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.a);
}

describe.each(testDialects())('a rush on overlapping slots on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await openPracticeApp(dialect);
    await setUpSeason(t.deps, FRIDAY_BRETT);
  });
  afterAll(async () => t?.close());

  it('never puts more teams on the field at one moment than fit, and every 201 is a row', async () => {
    const slots = await listSlots(t.deps.db, SEASON);
    const { teams, coachOf } = await rushTeams(t, 24);
    const answers = await Promise.all(
      attempts(teams, slots, 3).map((a) => t.app.inject({ method: 'POST', url: '/api/v1/practice/bookings', headers: coachOf.get(a.teamId)!.bearer, payload: a })),
    );
    expect(answers.filter((a) => a.statusCode >= 500).map((a) => a.body)).toEqual([]);
    const codes = new Set(answers.map((a) => (a.statusCode === 201 ? 'CREATED' : a.json().error.code)));
    for (const c of codes) expect(['CREATED', 'SLOT_FULL', 'SAME_DAY', 'ALLOTMENT_USED']).toContain(c);
    expect(codes.has('SLOT_FULL')).toBe(true);
    const created = answers.filter((a) => a.statusCode === 201).map((a) => (a.json() as { id: string }).id);
    const { rows, found } = await violations(t, teams);
    expect(found).toEqual([]);
    expect(rows.map((r) => r.id).sort()).toEqual(created.sort());
    // Brett is used at every moment of 17:00-20:00 and never beyond its 2 teams.
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.slotId, (counts.get(r.slotId) ?? 0) + 1);
    const config = await getRegionConfig(t.deps.db);
    expect(fieldOverloads(slots, counts, config.fields)).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(4);
  });
});

/**
 * Three server instances on one PostgreSQL database, each with its own pool (as a region behind a
 * load balancer would run): only the database's locks keep overlapping slots from overfilling the field.
 */
describe.skipIf(!testDialects().includes('postgres'))('a rush on overlapping slots through three instances on one PostgreSQL database', () => {
  let tdb: TestDb;
  const apps: TestApp[] = [];
  const pools: Database[] = [];

  beforeAll(async () => {
    tdb = await openTestDb('postgres');
    apps.push(await openTestApp('postgres', { database: tdb.database }));
    for (const size of [4, 8]) {
      const database = tdb.reopen!(size);
      pools.push(database);
      apps.push(await openTestApp('postgres', { database }));
    }
    await setUpSeason(apps[0]!.deps, FRIDAY_BRETT);
  });
  afterAll(async () => {
    for (const a of apps) await a.app.close();
    for (const d of pools) await d.close();
    await tdb?.close();
  });

  it('keeps the field within its capacity at every moment, whichever instance each request reaches', async () => {
    const one = apps[0]!;
    const slots = await listSlots(one.deps.db, SEASON);
    const { teams, coachOf } = await rushTeams(one, 30);
    const answers = await Promise.all(
      attempts(teams, slots, 9).map((a, i) =>
        apps[i % apps.length]!.app.inject({ method: 'POST', url: '/api/v1/practice/bookings', headers: coachOf.get(a.teamId)!.bearer, payload: a }),
      ),
    );
    expect(answers.filter((a) => a.statusCode >= 500).map((a) => a.body)).toEqual([]);
    const created = answers.filter((a) => a.statusCode === 201).map((a) => (a.json() as { id: string }).id);
    const { rows, found } = await violations(one, teams);
    expect(found).toEqual([]);
    expect(rows.map((r) => r.id).sort()).toEqual(created.sort());
  });
});

/**
 * Many coaches booking the same few slots at once, through the HTTP API, on SQLite and PostgreSQL:
 * afterwards no slot holds more teams than fit, no team holds more than its allotment or two
 * practices on one day, and every 201 answer is a booking in the database (none lost).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/clock.js';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../platform/db/database.js';
import { openTestApp, testDialects, type TestApp } from '../../testing/harness.js';
import { getRegionConfig } from '../../region/index.js';
import { bookingViolations } from './invariants.rules.js';
import { seasonBookingRows } from './bookings.store.js';
import { listSlots, type StoredSlot } from '../slots.store.js';
import { insertCoaches, insertTeams, openPracticeApp, SEASON, setUpSeason, type Coach } from '../practice.testkit.js';

const TEAMS = 60;
const windows = [
  { fieldId: 'richmond', weekdays: [1, 3, 5], startTime: '17:00', endTime: '18:00', capacity: 2, divisions: ['10U'] },
  { fieldId: 'brett', weekdays: [2, 4, 5], startTime: '17:00', endTime: '18:00', capacity: 2, divisions: ['10U'] },
];

describe.each(testDialects())('a rush of bookings on %s', (dialect) => {
  let t: TestApp;
  let slots: StoredSlot[];
  let teams: string[];
  let coachOf: Map<string, Coach>;

  beforeAll(async () => {
    t = await openPracticeApp(dialect);
    await setUpSeason(t.deps, windows);
    slots = await listSlots(t.deps.db, SEASON);
    const coaches = await insertCoaches(t.deps, 50);
    // Ten coaches have two teams: each team is booked separately.
    teams = await insertTeams(
      t.deps.db,
      SEASON,
      Array.from({ length: TEAMS }, (_, i) => ({ division: '10U', headCoachId: coaches[i % 50]!.id })),
    );
    coachOf = new Map(teams.map((id, i) => [id, coaches[i % 50]!]));
  });
  afterAll(async () => t?.close());

  const check = async () => {
    const config = await getRegionConfig(t.deps.db);
    const rows = await seasonBookingRows(t.deps.db, SEASON);
    const violations = bookingViolations({ bookings: rows, slots, teams: teams.map((id) => ({ id, division: '10U' })), divisions: config.divisions, fields: config.fields });
    return { rows, violations };
  };

  it('holds every invariant when 60 teams try 2 slots each at once at 6 slots of 2 places', async () => {
    expect(slots.map((s) => s.capacity)).toEqual([2, 2, 2, 2, 2, 2]);
    const r = seededRandom(7);
    const attempts = teams.flatMap((teamId) => [0, 1].map(() => ({ teamId, slotId: slots[Math.floor(r() * slots.length)]!.id })));
    const answers = await Promise.all(attempts.map((a) => t.app.inject({ method: 'POST', url: '/api/v1/practice/bookings', headers: coachOf.get(a.teamId)!.bearer, payload: a })));
    const codes = answers.map((a) => (a.statusCode === 201 ? 'CREATED' : a.json().error.code));
    expect(new Set(codes).size).toBeGreaterThan(1);
    for (const c of codes) expect(['CREATED', 'SLOT_FULL', 'ALREADY_BOOKED', 'SAME_DAY', 'ALLOTMENT_USED']).toContain(c);
    const statusOf: Record<string, number> = { CREATED: 201, SLOT_FULL: 409, ALREADY_BOOKED: 409, SAME_DAY: 422, ALLOTMENT_USED: 422 };
    answers.forEach((a, i) => {
      expect(a.statusCode).toBe(statusOf[codes[i]!]);
    });
    const created = answers.filter((a) => a.statusCode === 201).map((a) => a.json() as { id: string; teamId: string; slotId: string });
    const { rows, violations } = await check();
    expect(violations).toEqual([]);
    expect(rows.map((x) => x.id).sort()).toEqual(created.map((c) => c.id).sort());
    for (const c of created) expect(rows).toContainEqual({ id: c.id, teamId: c.teamId, slotId: c.slotId });
    expect(created.length).toBe(12);
    const full = answers.filter((a) => a.statusCode === 409 && a.json().error.code === 'SLOT_FULL');
    expect(full.length).toBeGreaterThan(0);
    expect(full[0]!.json().error.details.alternatives).toEqual(expect.any(Array));
  });

  it('still holds them when bookings, moves and cancellations race together', async () => {
    const r = seededRandom(11);
    const before = await seasonBookingRows(t.deps.db, SEASON);
    const requests = [
      ...before.map((b) =>
        r() < 0.3
          ? { method: 'DELETE' as const, url: `/api/v1/practice/bookings/${b.id}`, team: b.teamId }
          : { method: 'POST' as const, url: `/api/v1/practice/bookings/${b.id}/move`, team: b.teamId, payload: { slotId: slots[Math.floor(r() * slots.length)]!.id } },
      ),
      ...teams.map((teamId) => ({
        method: 'POST' as const,
        url: '/api/v1/practice/bookings',
        team: teamId,
        payload: { teamId, slotId: slots[Math.floor(r() * slots.length)]!.id },
      })),
    ];
    const answers = await Promise.all(
      requests.map((q) => t.app.inject({ method: q.method, url: q.url, headers: coachOf.get(q.team)!.bearer, ...('payload' in q ? { payload: q.payload } : {}) })),
    );
    expect(answers.filter((a) => a.statusCode >= 500)).toEqual([]);
    const { rows, violations } = await check();
    expect(violations).toEqual([]);
    const cancelled = requests.filter((q, i) => q.method === 'DELETE' && answers[i]!.statusCode === 204).map((q) => q.url.split('/').pop());
    for (const id of cancelled) expect(rows.some((x) => x.id === id)).toBe(false);
    const created = answers.filter((a, i) => requests[i]!.url === '/api/v1/practice/bookings' && a.statusCode === 201).map((a) => a.json() as { id: string });
    for (const c of created) expect(rows.some((x) => x.id === c.id)).toBe(true);
    expect(rows.length).toBeLessThanOrEqual(12);
  });
});

/**
 * Two server instances on one PostgreSQL database (as a region behind a load balancer would run):
 * nothing in one process keeps the other in line, only the database's locks.
 */
describe.skipIf(!testDialects().includes('postgres'))('a rush through two instances on one PostgreSQL database', () => {
  let one: TestApp;
  let two: TestApp;
  let second: Database;
  let slots: StoredSlot[];
  let teams: string[];
  let coachOf: Map<string, Coach>;

  beforeAll(async () => {
    one = await openPracticeApp('postgres');
    await setUpSeason(one.deps, windows);
    slots = await listSlots(one.deps.db, SEASON);
    const coaches = await insertCoaches(one.deps, 40);
    teams = await insertTeams(
      one.deps.db,
      SEASON,
      Array.from({ length: 40 }, (_, i) => ({ division: '10U', headCoachId: coaches[i]!.id })),
    );
    coachOf = new Map(teams.map((id, i) => [id, coaches[i]!]));
    second = openDatabase({ url: process.env.TEST_DATABASE_URL!, pgSchema: await schemaOf(one), poolSize: 8 });
    two = await openTestApp('postgres', { database: second });
  });
  afterAll(async () => {
    await two?.app.close();
    await second?.close();
    await one?.close();
  });

  it('never over-books a slot, whichever instance each request reaches', async () => {
    const r = seededRandom(5);
    const attempts = teams.flatMap((teamId) => [0, 1, 2].map(() => ({ teamId, slotId: slots[Math.floor(r() * 2)]!.id })));
    const answers = await Promise.all(
      attempts.map((a, i) => (i % 2 ? two : one).app.inject({ method: 'POST', url: '/api/v1/practice/bookings', headers: coachOf.get(a.teamId)!.bearer, payload: a })),
    );
    expect(answers.filter((a) => a.statusCode >= 500).map((a) => a.body)).toEqual([]);
    const created = answers.filter((a) => a.statusCode === 201).map((a) => a.json() as { id: string });
    const config = await getRegionConfig(one.deps.db);
    const rows = await seasonBookingRows(one.deps.db, SEASON);
    expect(bookingViolations({ bookings: rows, slots, teams: teams.map((id) => ({ id, division: '10U' })), divisions: config.divisions, fields: config.fields })).toEqual([]);
    // The two slots asked for hold two teams each, and every 201 is a row.
    expect(created).toHaveLength(4);
    expect(rows.map((x) => x.id).sort()).toEqual(created.map((c) => c.id).sort());
  });
});

/** The PostgreSQL schema a test app works in (its search_path). */
async function schemaOf(t: TestApp): Promise<string> {
  const r = await sql<{ s: string }>`select current_schema() as s`.execute(t.deps.db);
  return r.rows[0]!.s;
}

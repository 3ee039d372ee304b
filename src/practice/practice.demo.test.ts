import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../platform/clock.js';
import { demoPeople } from '../demo/demo.people.js';
import type { DemoContext } from '../platform/demo.js';
import { getRegionConfig } from '../region/index.js';
import { listTeams } from '../teams/index.js';
import type { TestApp } from '../testing/harness.js';
import { bookingViolations } from './booking/invariants.rules.js';
import { seasonBookingRows } from './booking/bookings.store.js';
import { listSlots } from './slots.store.js';
import { loadSignup } from './booking/signup.store.js';
import { demoPractice, roomyWindows } from './practice.demo.js';
import { openPracticeApp, SEASON } from './practice.testkit.js';
import { overlappingSlots } from './slots.rules.js';
import { fieldOverloads } from './field-load.rules.js';

describe('the practice demo step', () => {
  let t: TestApp;
  let ctx: DemoContext;
  let summary: string;

  beforeAll(async () => {
    t = await openPracticeApp('sqlite');
    ctx = { deps: t.deps, random: seededRandom(1), passwordHash: 'x', seasonId: SEASON, facts: new Map() };
    await demoPeople(ctx);
    summary = await demoPractice(ctx);
  });
  afterAll(async () => t?.close());

  it('makes two teams per division and program when none exist, each with a demo head coach', async () => {
    const teams = await listTeams(t.deps.db, SEASON);
    expect(teams).toHaveLength(30);
    expect(teams.every((x) => x.headCoachId)).toBe(true);
    expect(summary).toContain('(30 teams made for them)');
  });

  it('opens sign-up now, books about two teams in three without breaking a rule, and leaves the first coaches to book', async () => {
    const config = await getRegionConfig(t.deps.db);
    const [teams, slots, rows, signup] = await Promise.all([
      listTeams(t.deps.db, SEASON),
      listSlots(t.deps.db, SEASON),
      seasonBookingRows(t.deps.db, SEASON),
      loadSignup(t.deps.db, SEASON),
    ]);
    expect(Date.parse(signup.opensAt!)).toBeLessThan(t.clock.now().getTime());
    expect(Date.parse(signup.closesAt!)).toBeGreaterThan(t.clock.now().getTime());
    expect(bookingViolations({ bookings: rows, slots, teams, divisions: config.divisions, fields: config.fields })).toEqual([]);
    expect(overlappingSlots(slots)).toEqual([]);
    expect(rows.length).toBeGreaterThan(10);
    const first = (ctx.facts.get('headCoaches') as Record<string, string[]>)['10U']![0];
    const mine = teams.find((x) => x.headCoachId === first)!;
    expect(rows.some((r) => r.teamId === mine.id)).toBe(false);
  });

  it('respects its own fields: no window or slot holds more teams than its field, and each field is within its capacity at every moment', async () => {
    const config = await getRegionConfig(t.deps.db);
    const capacity = new Map(config.fields.map((f) => [f.id, f.capacity]));
    const windows = roomyWindows(config);
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) expect(w.capacity ?? 0).toBeLessThanOrEqual(capacity.get(w.fieldId)!);
    const slots = await listSlots(t.deps.db, SEASON);
    expect(slots.filter((s) => s.capacity > capacity.get(s.fieldId)!)).toEqual([]);
    expect(capacity.get('richmond')).toBe(2);
    expect(new Set(slots.filter((s) => s.fieldId === 'richmond').map((s) => s.capacity))).toEqual(new Set([2]));
    const counts = new Map<string, number>();
    for (const r of await seasonBookingRows(t.deps.db, SEASON)) counts.set(r.slotId, (counts.get(r.slotId) ?? 0) + 1);
    expect(fieldOverloads(slots, counts, config.fields)).toEqual([]);
  });

  it('has room for every demo team to book its whole week', async () => {
    const config = await getRegionConfig(t.deps.db);
    const [slots, teams] = await Promise.all([listSlots(t.deps.db, SEASON), listTeams(t.deps.db, SEASON)]);
    for (const minutes of [60, 90]) {
      const codes = config.divisions.filter((d) => d.practice.minutes === minutes).map((d) => d.code);
      const demand = teams.filter((x) => codes.includes(x.division)).reduce((n, x) => n + config.divisions.find((d) => d.code === x.division)!.practice.perWeek, 0);
      const places = slots.filter((s) => s.minutes === minutes).reduce((n, s) => n + s.capacity, 0);
      expect(places).toBeGreaterThanOrEqual(demand);
    }
  });
});

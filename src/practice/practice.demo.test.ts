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
    expect(bookingViolations({ bookings: rows, slots, teams, divisions: config.divisions })).toEqual([]);
    expect(overlappingSlots(slots)).toEqual([]);
    expect(rows.length).toBeGreaterThan(10);
    const first = (ctx.facts.get('headCoaches') as Record<string, string[]>)['10U']![0];
    const mine = teams.find((x) => x.headCoachId === first)!;
    expect(rows.some((r) => r.teamId === mine.id)).toBe(false);
  });

  it('has windows with room for a region of 300 teams', async () => {
    const config = await getRegionConfig(t.deps.db);
    const slots = await listSlots(t.deps.db, SEASON);
    expect(roomyWindows(config).length).toBeGreaterThan(0);
    // Demand of 300 teams split like the demo's head coaches (46% one practice, the rest two).
    const places = (codes: string[]) => slots.filter((s) => s.divisions.some((d) => codes.includes(d))).reduce((n, s) => n + s.capacity, 0);
    expect(places(['6U', '7U', '8U', '10U', '12U'])).toBeGreaterThanOrEqual(134 + 2 * 96);
    expect(places(['14U', '16U', '19U'])).toBeGreaterThanOrEqual(2 * 70);
  });
});

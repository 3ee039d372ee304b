import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../platform/clock.js';
import { demoPeople } from '../demo/demo.people.js';
import type { DemoContext } from '../platform/demo.js';
import { openTestApp, type TestApp } from '../testing/harness.js';
import { demoMentoring } from './mentoring.demo.js';
import { makeTeam, SEASON } from './mentoring.testkit.js';
import { loadCoverage } from './coverage/coverage.service.js';

describe('the mentoring demo step', () => {
  let t: TestApp;
  let summary: string;

  beforeAll(async () => {
    t = await openTestApp('sqlite');
    const ctx: DemoContext = { deps: t.deps, random: seededRandom(1), passwordHash: 'x', seasonId: SEASON, facts: new Map() };
    await demoPeople(ctx);
    const heads = ctx.facts.get('headCoaches') as Record<string, string[]>;
    for (const division of ['8U', '10U']) for (const personId of heads[division]!.slice(0, 6)) await makeTeam(t.deps, division, [{ personId }]);
    summary = await demoMentoring(ctx);
  });
  afterAll(async () => t?.close());

  it('publishes five weekly sessions per demo mentor, from last week on', async () => {
    const rows = await t.deps.db
      .selectFrom('mentoring_sessions as s')
      .innerJoin('people as p', 'p.id', 's.mentor_id')
      .select(['s.series_id', 's.date', 'p.email', 's.starts_at'])
      .orderBy('s.starts_at')
      .execute();
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.email))).toEqual(new Set([1, 2, 3, 4].map((i) => `mentor${i}@demo.touchline.invalid`)));
    expect(new Set(rows.map((r) => r.series_id)).size).toBe(4);
    expect(rows.some((r) => r.starts_at < t.clock.now().toISOString())).toBe(true);
    expect(rows.filter((r) => r.starts_at > t.clock.now().toISOString()).length).toBeGreaterThanOrEqual(12);
    expect(summary).toMatch(/^Mentoring: 20 sessions by 4 mentors, \d+ sign-ups, \d+ assessments with \d+ thread messages\.$/);
  });

  it('never fills a session past its capacity, and shows a waitlist on full ones', async () => {
    const sessions = await t.deps.db.selectFrom('mentoring_sessions').select(['id', 'capacity']).execute();
    const signups = await t.deps.db.selectFrom('mentoring_signups').select(['session_id', 'status']).execute();
    for (const s of sessions) expect(signups.filter((u) => u.session_id === s.id && u.status === 'confirmed').length).toBeLessThanOrEqual(s.capacity);
    expect(signups.filter((u) => u.status === 'waitlisted').length).toBeGreaterThan(0);
  });

  it('assesses only team coaches, never by themselves, and leaves coverage work to do', async () => {
    const a = await t.deps.db.selectFrom('mentoring_assessments').selectAll().execute();
    const staff = await t.deps.db.selectFrom('team_staff').select('person_id').execute();
    expect(a.length).toBeGreaterThan(0);
    for (const x of a) {
      expect(staff.map((s) => s.person_id)).toContain(x.coach_id);
      expect(x.mentor_id).not.toBe(x.coach_id);
    }
    const c = await loadCoverage(t.deps);
    const missing = c.table.reduce((n, d) => n + d.coachesMissing, 0);
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThanOrEqual(12);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_ACTOR } from '../platform/audit.js';
import { browserSession, makeActor } from '../testing/actors.js';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { getStoredConfig, saveRegionConfig } from '../region/index.js';
import { editRegionConfig } from '../region/region.testkit.js';
import { installTestKey } from '../volunteers/volunteers.testkit.js';
import { regionSetupSteps } from './checklist.service.js';

describe.each(testDialects())('the first-run checklist from stored data (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const states = async () => Object.fromEntries((await regionSetupSteps(t.deps)).map((s) => [s.id, s.done]));

  it('starts with every step to do on a new region', async () => {
    expect(await states()).toEqual({
      'public-address': false,
      mail: false,
      contacts: false,
      'screening-key': false,
      seasons: false,
      fields: false,
      'coach-administrator': false,
    });
  });

  it('counts a coach administrator of a season in force, not of a season that has ended', async () => {
    await makeActor(t.deps, ['coach-administrator'], { seasonId: '2025-fall' });
    expect((await states())['coach-administrator']).toBe(false);
    await makeActor(t.deps, ['coach-administrator'], { seasonId: '2026-fall' });
    const step = (await regionSetupSteps(t.deps)).find((s) => s.id === 'coach-administrator')!;
    expect(step.done).toBe(true);
    expect(step.detail).toMatch(/^Coach administrator for Fall 2026: Test\d+ Person\.$/);
  });

  it('sees the screening key, the contacts, and a configuration saved whole', async () => {
    await installTestKey(t.deps);
    await editRegionConfig(t.deps.db, t.deps.clock, CLI_ACTOR, null, 'region.details', (c) => {
      c.region.contacts = [
        { role: 'coach-administrator', name: 'Casey Coach', email: 'casey@region92.org' },
        { role: 'registrar', name: 'Riley Reg', email: 'riley@region92.org' },
      ];
    });
    let s = await states();
    expect([s['screening-key'], s.contacts, s.seasons, s.fields]).toEqual([true, true, false, false]);
    const stored = await getStoredConfig(t.deps.db);
    await saveRegionConfig(t.deps.db, t.deps.clock, CLI_ACTOR, stored.config, stored.version, 'region.replace');
    s = await states();
    expect([s.seasons, s.fields]).toEqual([true, true]);
  });

  it('shows the checklist on the home page of the region administrator only', async () => {
    const admin = await makeActor(t.deps, ['region-administrator']);
    const coach = await makeActor(t.deps, ['head-coach'], { seasonId: '2026-fall' });
    const asAdmin = await browserSession(t.app, admin.email, admin.password);
    const page = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: asAdmin.cookie } });
    expect(page.body).toContain('Region set-up');
    expect(page.body).toContain('5 of 7 set-up steps done');
    expect(page.body).toContain('<code>TOUCHLINE_BASE_URL</code>');
    expect(page.body).toContain('href="/admin/outbox"');
    const asCoach = await browserSession(t.app, coach.email, coach.password);
    expect((await t.app.inject({ method: 'GET', url: '/', headers: { cookie: asCoach.cookie } })).body).not.toContain('Region set-up');
  });

  it('folds the checklist away once every step is done', async () => {
    const config = t.deps.config;
    t.deps.config = { ...config, baseUrl: 'https://coaches.region92.org' };
    vi.spyOn(t.deps.mailer, 'delivers', 'get').mockReturnValue(true);
    try {
      const admin = await makeActor(t.deps, ['region-administrator']);
      const s = await browserSession(t.app, admin.email, admin.password);
      const body = (await t.app.inject({ method: 'GET', url: '/', headers: { cookie: s.cookie } })).body;
      expect(body).toContain('<details><summary>All 7 set-up steps are done.</summary>');
      expect(body).not.toContain('to do</span>');
    } finally {
      t.deps.config = config;
      vi.restoreAllMocks();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../../testing/harness.js';
import { defaultRegionConfig } from '../../region/region.testkit.js';
import type { PracticeWindow } from '../slots.rules.js';
import { addWindow } from './setup.service.js';

describe.each(testDialects())('adding a practice window on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it("stores and audits the window's own properties only, whatever else the caller's object holds", async () => {
    const config = defaultRegionConfig('2026-08-01');
    const field = config.fields[0]!.id;
    const sent = { fieldId: field, weekdays: [1, 3], startTime: '17:00', endTime: '18:30', capacity: 2, notes: 'x'.repeat(5_000) };
    const id = await addWindow(t.deps, config, { id: null, name: 'test' }, '2026-fall', sent as PracticeWindow);
    const row = await t.deps.db.selectFrom('audit_log').select(['after_json']).where('entity_id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.after_json!)).toEqual({ fieldId: field, weekdays: [1, 3], startTime: '17:00', endTime: '18:30', capacity: 2 });
  });
});

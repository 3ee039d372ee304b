import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { openRuntime } from '../../runtime.js';
import { TEST_NOW, testConfig } from '../../testing/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'touchline-volunteers-'));
const dbFile = join(dir, 'region.db');
const sample = new URL('./fixtures/volunteers-export.csv', import.meta.url).pathname;

/** The real `touchline` binary on the test's SQLite file. */
function touchline(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/touchline.js', ...args], { env: { ...process.env, TOUCHLINE_DB: dbFile, DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('touchline import volunteers', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    // The region's first configuration is made on the test's date, so its seasons hold the sample's.
    const deps = await openRuntime(testConfig({ sqliteFile: dbFile }), fixedClock(TEST_NOW));
    await deps.database.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the sample, prints what it did, and changes nothing the second time (exit 0)', () => {
    const first = touchline(['import', 'volunteers', sample]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out.split('\n')[0]).toBe('Imported volunteers-export.csv: 37 created, 0 updated, 0 unchanged, 4 lines skipped.');
    expect(first.out).toContain('Skipped:\n  line 5: Role "Team Parent" is not a role Touchline has');
    const second = touchline(['import', 'volunteers', sample]);
    expect(second.code).toBe(0);
    expect(second.out.split('\n')[0]).toBe('Imported volunteers-export.csv: 0 created, 0 updated, 37 unchanged, 4 lines skipped.');
  });

  it('refuses a file without the needed columns (exit 2), naming them', () => {
    const file = join(dir, 'names-only.csv');
    writeFileSync(file, 'Volunteer First Name,Volunteer Last Name,Volunteer Email\r\nAna,Núñez,ana@example.org\r\n');
    const r = touchline(['import', 'volunteers', file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('names-only.csv cannot be imported: Missing columns: AYSO Volunteer ID; Volunteer Date Of Birth; Volunteer Role; Division Name');
  });

  it('refuses a missing file and an unknown season (exit 2)', () => {
    expect(touchline(['import', 'volunteers', join(dir, 'nope.csv')])).toMatchObject({ code: 2, err: expect.stringContaining('does not exist') });
    expect(touchline(['import', 'volunteers', sample, '--season', 'winter'])).toMatchObject({ code: 2, err: expect.stringContaining('There is no season "winter"') });
  });
});

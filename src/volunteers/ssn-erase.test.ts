import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import type { TestApp } from '../testing/harness.js';
import { submitApplication, volunteerDeps } from './applications.service.js';
import { recordBackgroundCheck } from './checks.service.js';
import { ADULT_BIRTH, installTestKey, makeApplicant, openVolunteerApp, SEASON, SSN } from './volunteers.testkit.js';

/*
 * SQLite only: the write-ahead log and the file's free space are SQLite's. (PostgreSQL's files and
 * WAL belong to the server, which the portal does not manage.)
 */
describe('a sealed SSN erased after its background check, in an SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-erase-'));
  const file = join(dir, 'region.db');
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = openDatabase({ file });
    await migrateToLatest(database.db);
    t = await openVolunteerApp('sqlite', { database });
    await installTestKey(t.deps);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const bytesOf = (path: string) => {
    try {
      return readFileSync(path);
    } catch {
      return Buffer.alloc(0);
    }
  };

  it('leaves no copy of the ciphertext in the write-ahead log or the database file', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const app = await submitApplication(
      volunteerDeps(t.deps),
      { personId: a.id, season: SEASON, roles: [{ role: 'head-coach', division: '10U' }], ssn: SSN, signature: a.name },
      { actor: { id: a.id, name: a.name }, ip: '203.0.113.7' },
    );
    const { ssn_sealed } = await t.deps.db.selectFrom('applications').select('ssn_sealed').where('id', '=', app.id).executeTakeFirstOrThrow();
    const sealed = Buffer.from(ssn_sealed!, 'utf8');
    // Copy the page into the file as well (as SQLite's automatic checkpoints do), keeping the log's copy.
    database.sqlite!.pragma('wal_checkpoint(PASSIVE)');
    // The ciphertext is at both places before the check (else this test would prove nothing).
    expect(bytesOf(`${file}-wal`).includes(sealed)).toBe(true);
    expect(bytesOf(file).includes(sealed)).toBe(true);

    await recordBackgroundCheck(t.deps, { id: a.id, name: a.name }, app.id, 'clear');

    const left = [bytesOf(file), bytesOf(`${file}-wal`)];
    // Not the whole text, nor any 24 characters of it.
    for (const bytes of left) {
      for (let i = 0; i + 24 <= sealed.length; i += 24) expect(bytes.includes(sealed.subarray(i, i + 24))).toBe(false);
    }
    expect((await t.deps.db.selectFrom('applications').select('ssn_sealed').where('id', '=', app.id).executeTakeFirstOrThrow()).ssn_sealed).toBeNull();
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Dialect } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { testDialects, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, type TestActor } from '../testing/actors.js';
import { adultBody, ADULT_BIRTH, installTestKey, makeApplicant, openVolunteerApp, SSN, SSN_DIGITS, type Applicant } from './volunteers.testkit.js';

/**
 * design.md, "Security and privacy": after submission nobody ever sees the full number again.
 * Submits known numbers through the API and the form, then reads every page and API answer the
 * applicant, the safety director and the administrator can see about them, the app's whole log
 * output, every row of every table and (SQLite) the raw bytes of the database file and its WAL.
 */
const SECRETS = [SSN_DIGITS, SSN];

function expectNoSsn(where: string, text: string) {
  for (const s of SECRETS) expect(text.includes(s), `${where} holds the full SSN (${s === SSN ? 'dashed' : 'digits'})`).toBe(false);
}

async function everyRow(t: TestApp, dialect: Dialect): Promise<string> {
  const tables =
    dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.deps.db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(t.deps.db)).rows.map((r) => r.name);
  expect(tables).toContain('applications');
  const dumps = await Promise.all(tables.map(async (name) => JSON.stringify((await sql`select * from ${sql.table(name)}`.execute(t.deps.db)).rows)));
  return dumps.join('\n');
}

describe.each(testDialects())('no full SSN anywhere on %s', (dialect) => {
  let t: TestApp;
  let dir = '';
  let file = '';
  const log: string[] = [];
  let applicant: Applicant;
  let formApplicant: Applicant;
  const staff: Record<string, TestActor> = {};

  beforeAll(async () => {
    const stream = new Writable({
      write: (chunk, _enc, done) => {
        log.push(String(chunk));
        done();
      },
    });
    const logger = { level: 'trace', stream };
    if (dialect === 'sqlite') {
      dir = mkdtempSync(join(tmpdir(), 'touchline-leak-'));
      file = join(dir, 'region.db');
      const database = openDatabase({ file });
      await migrateToLatest(database.db);
      t = await openVolunteerApp(dialect, { database, logger });
    } else t = await openVolunteerApp(dialect, { logger });
    await installTestKey(t.deps);
    for (const role of ['safety-director', 'region-administrator', 'registrar'] as const) staff[role] = await makeActor(t.deps, [role]);
    applicant = await makeApplicant(t.deps, ADULT_BIRTH);
    formApplicant = await makeApplicant(t.deps, ADULT_BIRTH);
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const seen: string[] = [];
  const pageAs = async (who: { email: string; password: string }, urls: string[]) => {
    const s = await browserSession(t.app, who.email, who.password);
    for (const url of urls) {
      const r = await t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
      expect(r.statusCode, url).toBe(200);
      expectNoSsn(`page ${url}`, r.body);
      seen.push(r.body);
    }
  };
  const apiAs = async (who: TestActor, urls: string[]) => {
    for (const url of urls) {
      const r = await t.app.inject({ method: 'GET', url, headers: who.bearer });
      expect(r.statusCode, url).toBe(200);
      expectNoSsn(`API ${url}`, r.body);
    }
  };

  async function readEverything(): Promise<void> {
    const own = (p: Applicant) => `/api/v1/people/${p.id}/applications`;
    const mine = [own(applicant), own(formApplicant)];
    await pageAs(applicant, ['/', '/volunteer', '/profile']);
    await pageAs(formApplicant, ['/', '/volunteer']);
    await apiAs(applicant, ['/api/v1/me', own(applicant)]);
    await pageAs(staff['safety-director']!, ['/', '/safety/checks', '/safety/checks?status=all']);
    await apiAs(staff['safety-director']!, ['/api/v1/applications', '/api/v1/applications?status=all', ...mine]);
    await pageAs(staff['region-administrator']!, ['/', '/admin/audit', '/admin/outbox', '/admin/people', '/admin/audit?entity=application']);
    await apiAs(staff['region-administrator']!, ['/api/v1/audit', '/api/v1/audit?entity=application', ...mine]);
    await apiAs(staff.registrar!, mine);
  }

  it('submits known numbers through the API and the form (one refused first)', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${applicant.id}/applications`,
      headers: applicant.bearer,
      payload: adultBody(applicant.name, { signature: 'Not Me' }),
    });
    expect(refused.statusCode).toBe(422);
    expectNoSsn('refused API answer', refused.body);
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/people/${applicant.id}/applications`, headers: applicant.bearer, payload: adultBody(applicant.name) });
    expect(r.statusCode).toBe(201);
    expectNoSsn('API answer', r.body);
    const s = await browserSession(t.app, formApplicant.email, formApplicant.password);
    const form = (signature: string) =>
      new URLSearchParams([
        ['_csrf', s.csrf],
        ['roles', 'field-helper:8U'],
        ['ssn', SSN_DIGITS],
        ['signature', signature],
      ]).toString();
    const post = (signature: string) =>
      t.app.inject({ method: 'POST', url: '/volunteer', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form(signature) });
    const again = await post('Somebody Else');
    expect(again.statusCode).toBe(422);
    expectNoSsn('re-rendered form', again.body);
    expect((await post(formApplicant.name)).statusCode).toBe(303);
  });

  it('shows the number to nobody, before and after the check is recorded', async () => {
    await readEverything();
    // The pages read are the ones about these applications (the safety director sees the last four).
    expect(seen.some((b) => b.includes(applicant.name) && /data-last4="6789">6789<\/td>/.test(b))).toBe(true);
    expect(seen.some((b) => b.includes('application.submit'))).toBe(true);
    const director = staff['safety-director']!;
    for (const p of [applicant, formApplicant]) {
      const id = (await t.deps.db.selectFrom('applications').select('id').where('person_id', '=', p.id).executeTakeFirstOrThrow()).id;
      const r = await t.app.inject({ method: 'PUT', url: `/api/v1/applications/${id}/background-check`, headers: director.bearer, payload: { result: 'clear' } });
      expect(r.statusCode).toBe(200);
      expectNoSsn('check answer', r.body);
    }
    await readEverything();
  });

  it('writes it to no log line', () => {
    expect(log.length).toBeGreaterThan(20);
    expect(log.join('')).toContain(`/api/v1/people/${applicant.id}/applications`);
    expectNoSsn('the log', log.join(''));
  });

  it('keeps it in no table row, and (SQLite) in no byte of the database file or its WAL', async () => {
    expectNoSsn('a table row', await everyRow(t, dialect));
    if (dialect !== 'sqlite') return;
    const files = [file, `${file}-wal`].filter((f) => existsSync(f));
    expect(files).toContain(file);
    for (const f of files) expectNoSsn(f, readFileSync(f).toString('latin1'));
    t.deps.database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(file).toString('latin1');
    expect(bytes).toContain(applicant.email);
    expectNoSsn(`${file} after a checkpoint`, bytes);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestApp } from '../testing/harness.js';
import { UsageError } from '../platform/usage.js';
import { AppError } from '../platform/errors.js';
import { readCsvTable } from '../platform/csv.js';
import { submitApplication, volunteerDeps } from './applications.service.js';
import { recordBackgroundCheck } from './checks.service.js';
import { getScreeningPublicKey } from './applications.store.js';
import { keyFingerprint, openPrivateKey, sealSsn, unsealSsn } from './screening.crypto.js';
import { screeningExport, screeningKeygen } from './screening.cli.js';
import { ADULT_BIRTH, makeApplicant, openVolunteerApp, SEASON, testKeyPair } from './volunteers.testkit.js';

/** A quicker 2048-bit key for the tests that only need "another key" (3072 takes seconds on a busy machine). */
function otherKey(passphrase?: string): string {
  const privateKeyEncoding = passphrase ? ({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase } as const) : ({ type: 'pkcs8', format: 'pem' } as const);
  return generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding }).privateKey;
}

describe('screening crypto', { timeout: 120_000 }, () => {
  it('seals with the public key and opens only with the matching private key', () => {
    const k = testKeyPair();
    const sealed = sealSsn(k.publicPem, '287654321');
    expect(sealed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(unsealSsn(k.privateKey, sealed)).toBe('287654321');
    expect(unsealSsn(openPrivateKey(otherKey()), sealed)).toBeNull();
    expect(keyFingerprint(k.publicPem)).toBe(k.fingerprint);
    expect(k.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(openPrivateKey(k.privatePem).asymmetricKeyDetails?.modulusLength).toBe(3072);
  });

  it('refuses a key it cannot use with a message that says what to do', () => {
    expect(() => sealSsn('not a key', '287654321')).toThrow(expect.objectContaining({ code: 'SCREENING_NOT_READY' }));
    const locked = otherKey('open sesame');
    expect(locked).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    expect(() => openPrivateKey(locked)).toThrow(/--passphrase/);
    expect(() => openPrivateKey(locked, 'wrong')).toThrow(expect.objectContaining({ code: 'KEY_UNREADABLE' }));
    expect(openPrivateKey(locked, 'open sesame').type).toBe('private');
  });
});

describe.each(testDialects())('touchline screening keygen and export on %s', { timeout: 120_000 }, (dialect) => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'touchline-screening-'));
  beforeAll(async () => {
    t = await openVolunteerApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const file = (name: string) => join(dir, `${dialect}-${name}`);
  const usage = async (p: Promise<unknown>) =>
    p.then(
      () => expect.unreachable(),
      (e: unknown) => {
        expect(e).toBeInstanceOf(UsageError);
        return (e as Error).message;
      },
    );

  let keyFile = '';
  it('writes the private key (0600, encrypted with the passphrase) and stores the public key', async () => {
    keyFile = file('key.pem');
    expect(await usage(screeningKeygen(t.deps, { out: keyFile, passphrase: '' }))).toContain('--passphrase');
    const out = await screeningKeygen(t.deps, { out: keyFile, passphrase: 'correct horse' });
    const pem = readFileSync(keyFile, 'utf8');
    expect(pem).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const stored = (await getScreeningPublicKey(t.deps.db))!;
    expect(out.stdout).toBe(`${keyFingerprint(stored)}\n`);
    expect(keyFingerprint(openPrivateKey(pem, 'correct horse'))).toBe(keyFingerprint(stored));
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'screening.key').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after_json).not.toContain('PRIVATE');
  });

  it('never overwrites a file and replaces a stored key only with --replace', async () => {
    const before = await getScreeningPublicKey(t.deps.db);
    expect(await usage(screeningKeygen(t.deps, { out: keyFile }))).toContain('already exists');
    expect(await usage(screeningKeygen(t.deps, { out: file('second.pem') }))).toContain('--replace');
    expect(existsSync(file('second.pem'))).toBe(false);
    expect(await getScreeningPublicKey(t.deps.db)).toBe(before);
  });

  it('exports the pending numbers as CSV that only the key opens, and never those already checked', async () => {
    const vd = volunteerDeps(t.deps);
    const ctx = (id: string) => ({ actor: { id, name: 'self' }, ip: '198.51.100.4' });
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const b = await makeApplicant(t.deps, ADULT_BIRTH);
    await submitApplication(vd, { personId: a.id, season: SEASON, roles: [{ role: 'head-coach', division: '10U' }], ssn: '287-65-4321', signature: a.name }, ctx(a.id));
    const done = await submitApplication(
      vd,
      { personId: b.id, season: SEASON, roles: [{ role: 'head-coach', division: '12U' }], ssn: '287-65-1111', signature: b.name },
      ctx(b.id),
    );
    await recordBackgroundCheck(t.deps, { id: null, name: 'safety' }, done.id, 'clear');
    await expect(screeningExport(t.deps, { key: keyFile, passphrase: 'wrong' })).rejects.toMatchObject({ code: 'KEY_UNREADABLE' });
    const r = await screeningExport(t.deps, { key: keyFile, passphrase: 'correct horse' });
    const table = readCsvTable(r.stdout);
    if (!table.ok) throw new Error('not CSV');
    expect(table.table.header).toEqual(['person id', 'name', 'date of birth', 'email', 'ssn']);
    const rows = table.table.records.map((x) => x.cells);
    expect(rows).toContainEqual([expect.stringContaining(a.id), a.name, ADULT_BIRTH, a.email, '287-65-4321']);
    expect(r.stdout).not.toContain('287-65-1111');
    expect(r.stderr.at(-1)).toMatch(/exported/);
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'screening.export').execute();
    expect(JSON.stringify(audit)).not.toContain('4321');
  });

  it('writes the export to a new 0600 file, and reports numbers another key sealed', async () => {
    const out = file('checks.csv');
    const r = await screeningExport(t.deps, { key: keyFile, passphrase: 'correct horse', out });
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('287-65-4321');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(await usage(screeningExport(t.deps, { key: keyFile, passphrase: 'correct horse', out }))).toContain('already exists');
    expect(await usage(screeningExport(t.deps, { key: file('missing.pem') }))).toContain('does not exist');

    const newKey = file('new.pem');
    const replaced = await screeningKeygen(t.deps, { out: newKey, replace: true });
    expect(replaced.stderr.join(' ')).toMatch(/Replaced the key SHA256:.*1 pending number/);
    const withNew = await screeningExport(t.deps, { key: newKey });
    expect(withNew.stderr.join('\n')).toMatch(/Not opened \(sealed with another key\)/);
    expect(withNew.stdout).not.toContain('287-65-4321');
    const withOld = await screeningExport(t.deps, { key: keyFile, passphrase: 'correct horse' });
    expect(withOld.stderr[0]).toMatch(/not the region's current screening key/);
    expect(withOld.stdout).toContain('287-65-4321');
  });

  it('removes the key file again when the public key cannot be stored', async () => {
    const out = file('orphan.pem');
    const broken = {
      ...t.deps,
      db: { transaction: () => ({ execute: async () => Promise.reject(new AppError('UNAVAILABLE', 'database down')) }), selectFrom: t.deps.db.selectFrom.bind(t.deps.db) },
    } as never;
    await expect(screeningKeygen(broken, { out, replace: true })).rejects.toThrow('database down');
    expect(existsSync(out)).toBe(false);
  });
});

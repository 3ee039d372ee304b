import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestApp } from '../testing/harness.js';
import { UsageError } from '../platform/usage.js';
import { AppError } from '../platform/errors.js';
import { readCsvTable } from '../platform/csv.js';
import { submitApplication, volunteerDeps } from './applications.service.js';
import { recordBackgroundCheck } from './checks.service.js';
import { getScreeningPublicKey } from './applications.store.js';
import { keyFingerprint, openPrivateKey, protectKeyFile, sealSsn, unsealSsn } from './screening.crypto.js';
import { screeningExport, screeningKeygen } from './screening.cli.js';
import { putScreeningPublicKey } from './applications.store.js';
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
    expect(openPrivateKey(k.privateFile).asymmetricKeyDetails?.modulusLength).toBe(3072);
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

/** The browser's key code (public/screening-key.js), run here on Node's WebCrypto. */
const browserKeys = (): Promise<any> => import(pathToFileURL(resolve('public/screening-key.js')).href);

/** A key file made the browser's way (WebCrypto), with the fewest iterations the readers accept (quicker). */
async function browserKeyFile(passphrase: string): Promise<{ text: string; publicPem: string; fingerprint: string }> {
  const b = await browserKeys();
  const pair = await b.makeKeyPair();
  return { text: await b.protectKeyFile(pair, passphrase, b.MIN_ITERATIONS), publicPem: await b.publicKeyPem(pair.publicKey), fingerprint: await b.fingerprintOf(pair.publicKey) };
}

describe('one key file for the browser and the command line', { timeout: 120_000 }, () => {
  it('the command line opens the file the browser makes, and refuses a wrong passphrase or a damaged file', async () => {
    const made = await browserKeyFile('tall green ladder 42');
    const file = JSON.parse(made.text);
    expect(file).toMatchObject({ format: 'touchline-screening-key', version: 1, algorithm: 'RSA-OAEP-3072-SHA256', fingerprint: made.fingerprint, publicKeyPem: made.publicPem });
    expect(made.text).not.toContain('PRIVATE KEY');
    const key = openPrivateKey(made.text, 'tall green ladder 42');
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(keyFingerprint(key)).toBe(made.fingerprint);
    expect(keyFingerprint(made.publicPem)).toBe(made.fingerprint);
    expect(unsealSsn(key, sealSsn(made.publicPem, '287654321'))).toBe('287654321');
    expect(() => openPrivateKey(made.text, 'tall green ladder 43')).toThrow(expect.objectContaining({ code: 'KEY_UNREADABLE', message: expect.stringContaining('passphrase') }));
    expect(() => openPrivateKey(made.text)).toThrow(/--passphrase/);
    expect(() => openPrivateKey(JSON.stringify({ ...file, kdf: { ...file.kdf, iterations: 10 } }), 'tall green ladder 42')).toThrow(/iterations/);
    expect(() => openPrivateKey('{"format": "something else"}', 'x')).toThrow(/not a Touchline screening key file/);
  });

  it('the browser opens the files the command line writes: the protected file, and older encrypted and plain PEM', async () => {
    const b = await browserKeys();
    const k = testKeyPair();
    const sealed = sealSsn(k.publicPem, '287654321');
    const json = protectKeyFile(k.privateKey, 'open sesame street', 100_000);
    expect(await b.unsealNumber(await b.openKeyFile(json, 'open sesame street'), sealed)).toBe('287654321');
    const encryptedPem = k.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'open sesame street' }).toString();
    expect(encryptedPem).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    expect(await b.unsealNumber(await b.openKeyFile(encryptedPem, 'open sesame street'), sealed)).toBe('287654321');
    expect(await b.unsealNumber(await b.openKeyFile(k.privateFile, ''), sealed)).toBe('287654321');
    await expect(b.openKeyFile(json, 'wrong')).rejects.toThrow(/passphrase does not open/);
    await expect(b.openKeyFile(encryptedPem, 'wrong')).rejects.toThrow(/passphrase does not open/);
    await expect(b.openKeyFile(k.publicPem, '')).rejects.toThrow(/PUBLIC key/);
    expect(await b.unsealNumber(await b.openKeyFile(json, 'open sesame street'), sealSsn((await browserKeyFile('x'.repeat(12))).publicPem, '287654321'))).toBeNull();
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
  it('writes the private key (0600, the protected key file) and stores the public key', async () => {
    keyFile = file('key.pem');
    expect(await usage(screeningKeygen(t.deps, { out: keyFile, passphrase: '' }))).toContain('--passphrase');
    const out = await screeningKeygen(t.deps, { out: keyFile, passphrase: 'correct horse' });
    const pem = readFileSync(keyFile, 'utf8');
    expect(JSON.parse(pem)).toMatchObject({ format: 'touchline-screening-key', version: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 } });
    expect(pem).not.toContain('PRIVATE KEY');
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

  it('exports with a key file made in the browser', async () => {
    const made = await browserKeyFile('browser made this key');
    const keyPath = file('browser-key.json');
    writeFileSync(keyPath, made.text);
    await putScreeningPublicKey(t.deps.db, made.publicPem);
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    await submitApplication(
      volunteerDeps(t.deps),
      { personId: a.id, season: SEASON, roles: [{ role: 'head-coach', division: '10U' }], ssn: '287-65-2222', signature: a.name },
      { actor: { id: a.id, name: 'self' }, ip: '198.51.100.4' },
    );
    await expect(screeningExport(t.deps, { key: keyPath, passphrase: 'not this one' })).rejects.toMatchObject({ code: 'KEY_UNREADABLE' });
    const r = await screeningExport(t.deps, { key: keyPath, passphrase: 'browser made this key' });
    expect(r.stderr[0]).not.toMatch(/not the region's current screening key/);
    expect(r.stdout).toContain('287-65-2222');
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

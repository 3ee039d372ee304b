import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, type TestActor } from '../testing/actors.js';
import { Mailer } from '../platform/mail.js';
import { AppError } from '../platform/errors.js';
import { getScreeningPublicKey } from './applications.store.js';
import { volunteerDeps } from './applications.service.js';
import { keyFingerprint, openPrivateKey, unsealSsn } from './screening.crypto.js';
import { storeScreeningKey } from './screening.service.js';
import { adultBody, ADULT_BIRTH, makeApplicant, openVolunteerApp, SSN_DIGITS, testKeyPair, type Applicant } from './volunteers.testkit.js';

/** A second RSA key pair of the given size (SPKI PEM public, PKCS#8 PEM private). */
const rsa = (bits: number) =>
  generateKeyPairSync('rsa', { modulusLength: bits, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

describe.each(testDialects())('screening key API on %s', { timeout: 120_000 }, (dialect) => {
  let t: TestApp;
  let admin: TestActor;
  let registrar: TestActor;
  let coach: TestActor;
  let safety: TestActor;
  let waiting: Applicant;
  const other = rsa(3072);
  beforeAll(async () => {
    t = await openVolunteerApp(dialect);
    admin = await makeActor(t.deps, ['region-administrator']);
    registrar = await makeActor(t.deps, ['registrar']);
    coach = await makeActor(t.deps, ['head-coach']);
  });
  afterAll(async () => t?.close());

  const send = (method: 'PUT' | 'GET' | 'POST', url: string, who: { bearer: object }, payload?: object) =>
    t.app.inject({ method, url, headers: who.bearer as Record<string, string>, ...(payload ? { payload } : {}) });
  const putKey = (who: { bearer: object }, body: object) => send('PUT', '/api/v1/screening/public-key', who, body);
  const apply = (a: Applicant, over: Record<string, unknown> = {}) => send('POST', `/api/v1/people/${a.id}/applications`, a, adultBody(a.name, over));
  const outbox = (kind: string) => t.deps.db.selectFrom('outbox').selectAll().where('kind', '=', kind).execute();

  it('lets the region administrator open the key page while there is no safety director; adults apply without the number meanwhile', async () => {
    const s = await browserSession(t.app, admin.email, admin.password);
    const page = await t.app.inject({ method: 'GET', url: '/safety/key', headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<script type="module" src="/assets/screening-key.js"></script>');
    expect(page.body).toContain('id="keygen-form"');
    expect(page.body).toContain('The region has no safety director yet');
    const r = await t.app.inject({ method: 'GET', url: '/assets/screening-key.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('javascript');

    waiting = await makeApplicant(t.deps, ADULT_BIRTH);
    expect((await apply(waiting)).json().error.code).toBe('SCREENING_NOT_READY');
    const started = await apply(waiting, { ssn: undefined });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ adult: true, backgroundCheck: 'pending' });
    const page2 = await t.app.inject({ method: 'GET', url: '/safety/key', headers: { cookie: s.cookie } });
    expect(page2.body).toContain('1 application(s) wait for it');
  });

  it('validates the public key with a clear 422 SCREENING_KEY_INVALID, and lets only the administrator and the safety director send one', async () => {
    const k = testKeyPair();
    const cases: [string, RegExp][] = [
      ['not a key', /not an SPKI PEM public key/],
      [rsa(2048).publicKey, /2048 bits, too short/],
      [k.privateFile, /PRIVATE key/],
      [
        generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }).publicKey,
        /ec key, not RSA/,
      ],
      ['-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n', /cannot be read/],
    ];
    for (const [pem, message] of cases) {
      const r = await putKey(admin, { publicKeyPem: pem });
      expect(r.statusCode).toBe(422);
      expect(r.json().error).toMatchObject({ code: 'SCREENING_KEY_INVALID', message: expect.stringMatching(message) });
    }
    expect((await putKey(admin, {})).statusCode).toBe(422);
    expect((await putKey(registrar, { publicKeyPem: k.publicPem })).statusCode).toBe(403);
    expect((await putKey(coach, { publicKeyPem: k.publicPem })).statusCode).toBe(403);
    expect(await getScreeningPublicKey(t.deps.db)).toBeNull();
    expect(await outbox('screening-ready')).toEqual([]);
  });

  it('stores the key, answers {fingerprint}, and mails the applicants waiting for it', async () => {
    const k = testKeyPair();
    const r = await putKey(admin, { publicKeyPem: k.publicPem });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ fingerprint: k.fingerprint });
    expect(keyFingerprint((await getScreeningPublicKey(t.deps.db))!)).toBe(k.fingerprint);
    const mails = await outbox('screening-ready');
    expect(mails.map((m) => m.to_address)).toEqual([waiting.email]);
    expect(mails[0]!.body_text).toContain(`${t.deps.config.baseUrl}/volunteer`);
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'screening.key').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after_json).toContain(k.fingerprint);
    // The same key again changes nothing and mails nobody again.
    expect((await putKey(admin, { publicKeyPem: k.publicPem })).json()).toEqual({ fingerprint: k.fingerprint });
    expect(await outbox('screening-ready')).toHaveLength(1);
  });

  it('queues the mail in the same change as the key: a failing mail leaves the old key', async () => {
    const broken = new Mailer(t.clock, 'x@example.org', null);
    broken.queue = async () => {
      throw new AppError('UNAVAILABLE', 'mail table unavailable');
    };
    const before = await getScreeningPublicKey(t.deps.db);
    await t.deps.db.updateTable('app_meta').set({ value: '' }).where('key', '=', 'screening_public_key').execute();
    await expect(storeScreeningKey({ ...volunteerDeps(t.deps), mailer: broken }, { id: admin.id, name: 'admin' }, other.publicKey, false, 'sealed-numbers')).rejects.toThrow(
      'mail table unavailable',
    );
    expect(await getScreeningPublicKey(t.deps.db)).toBe('');
    await t.deps.db.updateTable('app_meta').set({ value: before! }).where('key', '=', 'screening_public_key').execute();
  });

  it('replaces a key without sealed numbers freely, and one that sealed pending numbers only with replace: true (409 with the count)', async () => {
    const k = testKeyPair();
    expect((await putKey(admin, { publicKeyPem: other.publicKey })).json()).toEqual({ fingerprint: keyFingerprint(other.publicKey) });
    expect((await putKey(admin, { publicKeyPem: k.publicPem })).statusCode).toBe(200);
    expect((await apply(waiting)).statusCode).toBe(201);
    const refused = await putKey(admin, { publicKeyPem: other.publicKey });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'SCREENING_KEY_IN_USE', message: expect.stringContaining('1 pending number(s)'), details: { unreadable: 1 } });
    expect(keyFingerprint((await getScreeningPublicKey(t.deps.db))!)).toBe(k.fingerprint);
    expect((await putKey(admin, { publicKeyPem: other.publicKey, replace: false })).statusCode).toBe(409);
    const replaced = await putKey(admin, { publicKeyPem: other.publicKey, replace: true });
    expect(replaced.json()).toEqual({ fingerprint: keyFingerprint(other.publicKey) });
    const audit = await t.deps.db.selectFrom('audit_log').select('after_json').where('action', '=', 'screening.key').orderBy('at', 'desc').orderBy('id', 'desc').execute();
    expect(audit.some((a) => a.after_json?.includes('"unreadable":1'))).toBe(true);
    expect((await putKey(admin, { publicKeyPem: k.publicPem, replace: true })).statusCode).toBe(200);
  });

  it('answers the pending sealed numbers to the safety director only, and the page holds them sealed for the browser', async () => {
    safety = await makeActor(t.deps, ['safety-director']);
    const k = testKeyPair();
    const second = await makeApplicant(t.deps, ADULT_BIRTH);
    expect((await apply(second)).statusCode).toBe(201);
    for (const who of [admin, registrar, coach, second]) expect((await send('GET', '/api/v1/screening/pending', who)).statusCode).toBe(403);
    const r = await send('GET', '/api/v1/screening/pending', safety);
    expect(r.statusCode).toBe(200);
    const rows = r.json() as { applicationId: string; sealedSsn: string }[];
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['applicationId', 'birthDate', 'last4', 'name', 'personId', 'sealedSsn']);
    expect(rows.find((x) => (x as { personId?: string }).personId === second.id)).toMatchObject({
      name: second.name,
      birthDate: ADULT_BIRTH,
      last4: '6789',
    });
    const key = openPrivateKey(k.privateFile);
    expect(rows.map((x) => unsealSsn(key, x.sealedSsn))).toEqual([SSN_DIGITS, SSN_DIGITS]);
    expect(r.body).not.toContain(SSN_DIGITS);
    expect(r.body).not.toContain('123-45-6789');

    const s = await browserSession(t.app, safety.email, safety.password);
    const checks = await t.app.inject({ method: 'GET', url: '/safety/checks', headers: { cookie: s.cookie } });
    for (const row of rows) expect(checks.body).toContain(`data-sealed-ssn="${row.sealedSsn}"`);
    expect(checks.body).toContain('id="unseal-form"');
    expect(checks.body).not.toContain(SSN_DIGITS);

    const done = await send('PUT', `/api/v1/applications/${rows[0]!.applicationId}/background-check`, safety, { result: 'clear' });
    expect(done.statusCode).toBe(200);
    const left = (await send('GET', '/api/v1/screening/pending', safety)).json().map((x: { applicationId: string }) => x.applicationId);
    expect(left).toEqual([rows[1]!.applicationId]);
  });

  it('closes the key page to the region administrator once there is a safety director', async () => {
    const s = await browserSession(t.app, admin.email, admin.password);
    const r = await t.app.inject({ method: 'GET', url: '/safety/key', headers: { cookie: s.cookie } });
    expect(r.statusCode).toBe(403);
    expect(r.body).toContain('sets up the screening key now');
    const sd = await browserSession(t.app, safety.email, safety.password);
    expect((await t.app.inject({ method: 'GET', url: '/safety/key', headers: { cookie: sd.cookie } })).statusCode).toBe(200);
    // The API stays open to both.
    expect((await putKey(admin, { publicKeyPem: testKeyPair().publicPem })).statusCode).toBe(200);
  });

  it('keeps the full number out of every table, mail and audit entry', async () => {
    for (const table of ['applications', 'outbox', 'audit_log', 'app_meta'] as const) {
      const dump = JSON.stringify(await t.deps.db.selectFrom(table).selectAll().execute());
      expect(dump).not.toContain(SSN_DIGITS);
      expect(dump).not.toContain('123-45-6789');
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestApp } from '../testing/harness.js';
import { Mailer } from '../platform/mail.js';
import { AppError } from '../platform/errors.js';
import { submitApplication, volunteerDeps, type SubmitInput } from './applications.service.js';
import { applicationFacts } from './application-facts.service.js';
import { recordBackgroundCheck } from './checks.service.js';
import { SCREENING_KEY } from './applications.store.js';
import { unsealSsn } from './screening.crypto.js';
import { ADULT_BIRTH, ELEVEN_BIRTH, installTestKey, makeApplicant, openVolunteerApp, SEASON, SSN, SSN_DIGITS, YOUTH_BIRTH, type Applicant } from './volunteers.testkit.js';

describe.each(testDialects())('volunteer applications on %s', (dialect) => {
  let t: TestApp;
  let key: Awaited<ReturnType<typeof installTestKey>>;
  beforeAll(async () => {
    t = await openVolunteerApp(dialect);
    key = await installTestKey(t.deps);
  });
  afterAll(async () => t?.close());

  const self = (a: Applicant) => ({ actor: { id: a.id, name: a.name }, ip: '203.0.113.7' });
  const adult = (a: Applicant, over: Partial<SubmitInput> = {}): SubmitInput => ({
    personId: a.id,
    season: SEASON,
    roles: [
      { role: 'head-coach', division: '10U' },
      { role: 'field-helper', division: '8U' },
    ],
    ssn: SSN,
    signature: a.name,
    ...over,
  });
  const submit = (a: Applicant, input: SubmitInput) => submitApplication(volunteerDeps(t.deps), input, self(a));
  const row = (personId: string) => t.deps.db.selectFrom('applications').selectAll().where('person_id', '=', personId).executeTakeFirst();
  const grants = async (personId: string) =>
    (await t.deps.db.selectFrom('role_grants').select(['role', 'season_id', 'division']).where('person_id', '=', personId).orderBy('role').orderBy('division').execute()).map(
      (g) => `${g.role}/${g.season_id}/${g.division}`,
    );
  const mails = (to: string) => t.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', to).execute();
  const codeOf = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  };

  it('accepts an adult: sealed SSN, last four, signature, field helper granted at once, head coach waiting, and a confirmation mail', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const app = await submit(a, adult(a));
    expect(app).toMatchObject({ personId: a.id, season: SEASON, adult: true, ssnSealed: true, ssnLast4: '6789', backgroundCheck: 'pending', signatureName: a.name });
    const r = (await row(a.id))!;
    expect(r).toMatchObject({
      is_adult: 1,
      ssn_last4: '6789',
      signature_name: a.name,
      signed_at: t.clock.now().toISOString(),
      signed_ip: '203.0.113.7',
      background_check: 'pending',
    });
    expect(r.ssn_sealed).not.toContain(SSN_DIGITS);
    expect(await grants(a.id)).toEqual([`field-helper/${SEASON}/8U`]);
    const [mail] = await mails(a.email);
    expect(mail).toMatchObject({ kind: 'application-received', subject: expect.stringContaining('Fall 2026') });
    expect(mail!.body_text).toContain('Head coach 10U, Field helper 8U');
    expect(mail!.body_text).toContain("Head coach 10U: waiting for the board's decision");
    expect(mail!.body_text).not.toMatch(/6789/);
  });

  it('seals the number so that only the private key opens it (RSA-OAEP, fresh each time)', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    await submit(a, adult(a));
    const sealed = (await row(a.id))!.ssn_sealed!;
    expect(Buffer.from(sealed, 'base64')).toHaveLength(384);
    expect(unsealSsn(key.privateKey, sealed)).toBe(SSN_DIGITS);
    const b = await makeApplicant(t.deps, ADULT_BIRTH);
    await submit(b, adult(b));
    expect((await row(b.id))!.ssn_sealed).not.toBe(sealed);
  });

  it('refuses an adult without an SSN, and writes nothing', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const e = await submit(a, adult(a, { ssn: undefined, signature: 'Someone Else' })).catch((x: AppError) => x);
    expect(e).toMatchObject({ code: 'SSN_REQUIRED', details: { errors: [expect.stringContaining('social security'), expect.stringContaining('full name')] } });
    expect(await row(a.id)).toBeUndefined();
    expect(await grants(a.id)).toEqual([]);
    expect(await mails(a.email)).toEqual([]);
  });

  it('refuses an 11-year-old with the date they can apply from, and a youth who gives an SSN', async () => {
    const kid = await makeApplicant(t.deps, ELEVEN_BIRTH);
    const e = await submit(kid, { personId: kid.id, season: SEASON, roles: [{ role: 'youth-volunteer', division: '6U' }] }).catch((x: AppError) => x);
    expect(e).toMatchObject({ code: 'TOO_YOUNG', message: expect.stringContaining('2027-01-01') });
    const teen = await makeApplicant(t.deps, YOUTH_BIRTH);
    expect(await codeOf(submit(teen, { personId: teen.id, season: SEASON, roles: [{ role: 'youth-volunteer', division: '6U' }], ssn: SSN }))).toBe('SSN_NOT_ALLOWED');
    expect(await row(teen.id)).toBeUndefined();
  });

  it('accepts a youth volunteer without SSN or signature, and saves a missing birth date on the person', async () => {
    const teen = await makeApplicant(t.deps, null);
    const app = await submit(teen, { personId: teen.id, season: SEASON, roles: [{ role: 'youth-volunteer', division: '6u' }], birthDate: YOUTH_BIRTH, phone: ' 310 555 0101 ' });
    expect(app).toMatchObject({
      adult: false,
      ssnSealed: false,
      ssnLast4: null,
      signedAt: null,
      backgroundCheck: 'not-started',
      roles: [{ role: 'youth-volunteer', division: '6U' }],
    });
    const p = await t.deps.db.selectFrom('people').select(['birth_date', 'phone']).where('id', '=', teen.id).executeTakeFirstOrThrow();
    expect(p).toEqual({ birth_date: YOUTH_BIRTH, phone: '310 555 0101' });
    expect(await grants(teen.id)).toEqual([`youth-volunteer/${SEASON}/6U`]);
  });

  it('keeps the birth date on record over a typed one, and asks for one when there is none', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    expect((await submit(a, adult(a, { birthDate: YOUTH_BIRTH }))).birthDate).toBe(ADULT_BIRTH);
    const none = await makeApplicant(t.deps, null);
    expect(await codeOf(submit(none, adult(none)))).toBe('BIRTH_DATE_MISSING');
    expect(await codeOf(submit(a, adult(a, { season: '1999-fall' })))).toBe('UNKNOWN_SEASON');
  });

  it('replaces a pending application (same id, status kept, dropped roles taken back) and refuses once checked', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const first = await submit(
      a,
      adult(a, {
        roles: [
          { role: 'field-helper', division: '10U' },
          { role: 'field-helper', division: '8U' },
        ],
      }),
    );
    expect(await grants(a.id)).toEqual([`field-helper/${SEASON}/10U`, `field-helper/${SEASON}/8U`]);
    const second = await submit(
      a,
      adult(a, {
        roles: [
          { role: 'assistant-coach', division: '12U' },
          { role: 'field-helper', division: '8U' },
        ],
        ssn: '234-56-7890',
      }),
    );
    expect(second).toMatchObject({ id: first.id, backgroundCheck: 'pending', ssnLast4: '7890' });
    expect(await t.deps.db.selectFrom('applications').select('id').where('person_id', '=', a.id).execute()).toHaveLength(1);
    expect(await grants(a.id)).toEqual([`field-helper/${SEASON}/8U`]);
    expect(unsealSsn(key.privateKey, (await row(a.id))!.ssn_sealed!)).toBe('234567890');
    await recordBackgroundCheck(t.deps, { id: null, name: 'safety' }, first.id, 'clear');
    expect(await codeOf(submit(a, adult(a)))).toBe('CONFLICT');
    expect(await grants(a.id)).toEqual([`field-helper/${SEASON}/8U`]);
  });

  it('records the check, erases the sealed number and audits without it', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const app = await submit(a, adult(a));
    const sealed = (await row(a.id))!.ssn_sealed!;
    const done = await recordBackgroundCheck(t.deps, { id: a.id, name: 'Safety Director' }, app.id, 'flagged');
    expect(done).toMatchObject({ backgroundCheck: 'flagged', ssnSealed: false, ssnLast4: '6789', checkRecordedAt: t.clock.now().toISOString() });
    expect((await row(a.id))!.ssn_sealed).toBeNull();
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', app.id).orderBy('at').execute();
    expect(audit.map((x) => x.action)).toEqual(['application.submit', 'application.check']);
    const text = JSON.stringify(audit);
    for (const secret of [sealed, SSN_DIGITS, SSN, '6789']) expect(text).not.toContain(secret);
    const youth = await makeApplicant(t.deps, YOUTH_BIRTH);
    const y = await submit(youth, { personId: youth.id, season: SEASON, roles: [{ role: 'youth-volunteer', division: '8U' }] });
    expect(await codeOf(recordBackgroundCheck(t.deps, { id: null, name: 'x' }, y.id, 'clear'))).toBe('CHECK_NOT_NEEDED');
    expect(await codeOf(recordBackgroundCheck(t.deps, { id: null, name: 'x' }, 'nope', 'clear'))).toBe('NOT_FOUND');
  });

  it('answers the facts the compliance service reads, keeping hasSsn after the erasure', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const y = await makeApplicant(t.deps, YOUTH_BIRTH);
    const none = await makeApplicant(t.deps, ADULT_BIRTH);
    const app = await submit(a, adult(a));
    await recordBackgroundCheck(t.deps, { id: null, name: 'x' }, app.id, 'clear');
    await submit(y, { personId: y.id, season: SEASON, roles: [{ role: 'youth-volunteer', division: '8U' }] });
    const facts = await applicationFacts(t.deps.db, [a.id, y.id, none.id], SEASON);
    expect(facts.get(a.id)).toEqual({ complete: true, adult: true, hasSsn: true, signed: true, roles: adult(a).roles, backgroundCheck: 'clear' });
    expect(facts.get(y.id)).toEqual({
      complete: true,
      adult: false,
      hasSsn: false,
      signed: false,
      roles: [{ role: 'youth-volunteer', division: '8U' }],
      backgroundCheck: 'not-started',
    });
    expect(facts.has(none.id)).toBe(false);
    expect((await applicationFacts(t.deps.db, [a.id], '2027-spring')).size).toBe(0);
  });

  it('writes nothing when a later step of the submission fails (one transaction)', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const broken = new Mailer(t.clock, 'x@example.org', null);
    broken.queue = async () => {
      throw new Error('mail table unavailable');
    };
    await expect(submitApplication({ ...volunteerDeps(t.deps), mailer: broken }, adult(a), self(a))).rejects.toThrow('mail table unavailable');
    expect(await row(a.id)).toBeUndefined();
    expect(await grants(a.id)).toEqual([]);
  });

  it('takes adults without the number while no key is set up, refuses a number then (SCREENING_NOT_READY), and still takes youth', async () => {
    const stored = await t.deps.db.selectFrom('app_meta').select('value').where('key', '=', SCREENING_KEY).executeTakeFirstOrThrow();
    await t.deps.db.deleteFrom('app_meta').where('key', '=', SCREENING_KEY).execute();
    try {
      const a = await makeApplicant(t.deps, ADULT_BIRTH);
      const e = await submit(a, adult(a)).catch((x: AppError) => x);
      expect(e).toMatchObject({ code: 'SCREENING_NOT_READY', message: expect.stringMatching(/opens when the region finishes setting up.*mail/) });
      expect(await row(a.id)).toBeUndefined();
      const saved = await submit(a, { ...adult(a), ssn: undefined });
      expect(saved).toMatchObject({ adult: true, ssnSealed: false, ssnLast4: null, backgroundCheck: 'pending' });
      expect(await row(a.id)).toMatchObject({ ssn_sealed: null, ssn_last4: null, is_adult: 1 });
      const y = await makeApplicant(t.deps, YOUTH_BIRTH);
      expect((await submit(y, { personId: y.id, season: SEASON, roles: [{ role: 'youth-volunteer', division: '8U' }] })).adult).toBe(false);
    } finally {
      await t.deps.db.insertInto('app_meta').values({ key: SCREENING_KEY, value: stored.value }).execute();
    }
  });
});

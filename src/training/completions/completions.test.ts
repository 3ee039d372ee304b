import { spawnSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor, type TestActor } from '../../testing/actors.js';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { editRegionConfig } from '../../region/region.testkit.js';
import { completionsOf } from '../training.store.js';
import { CERTIFICATE_NUMBER } from '../training.rules.js';
import { openTrainingApp, seedCompletion } from '../training.testkit.js';

/** The text of a PDF as poppler's pdftotext reads it (what a person sees). */
function pdfText(bytes: Buffer): string {
  const r = spawnSync('/usr/bin/pdftotext', ['-layout', '-', '-'], { input: bytes });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout.toString('utf8');
}

describe.each(testDialects())('completions on %s', (dialect) => {
  let t: TestApp;
  let registrar: TestActor;
  let coachAdmin: TestActor;
  let volunteer: TestActor;
  let other: TestActor;
  beforeAll(async () => {
    t = await openTrainingApp(dialect);
    registrar = await makeActor(t.deps, ['registrar']);
    coachAdmin = await makeActor(t.deps, ['coach-administrator']);
    volunteer = await makeActor(t.deps, ['head-coach']);
    other = await makeActor(t.deps, ['head-coach']);
  });
  afterAll(async () => t.close());

  const record = (who: TestActor, personId: string, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/people/${personId}/completions`, headers: who.bearer, payload: body });

  it('records a completion with a readable certificate number, and audits it', async () => {
    const r = await record(registrar, volunteer.id, { training: 'coach-10u:field', completedOn: '2026-09-01' });
    expect(r.statusCode).toBe(201);
    const c = r.json();
    expect(c).toMatchObject({
      personId: volunteer.id,
      training: 'coach-10u',
      part: 'field',
      code: 'coach-10u:field',
      label: '10U Coach: Field session',
      completedOn: '2026-09-01',
      source: 'administrator',
      expiresOn: null,
      recordedBy: registrar.id,
    });
    expect(c.certificateNo).toMatch(CERTIFICATE_NUMBER);
    expect(c.certificateNo.startsWith('TL-2026-')).toBe(true);
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'training.completion.record').where('entity_id', '=', volunteer.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ training: 'coach-10u', part: 'field', certificateNo: c.certificateNo });
    expect((await record(coachAdmin, volunteer.id, { training: 'safe-haven', completedOn: '2026-08-01' })).statusCode).toBe(201);
  });

  it('answers the codes of bad input', async () => {
    const code = async (body: object) => {
      const r = await record(registrar, volunteer.id, body);
      return [r.statusCode, r.json().error.code];
    };
    expect(await code({ training: 'basket-weaving', completedOn: '2026-09-01' })).toEqual([422, 'UNKNOWN_TRAINING']);
    expect(await code({ training: 'coach-12u', completedOn: '2026-09-01' })).toEqual([422, 'PART_REQUIRED']);
    expect(await code({ training: 'coach-12u:field', completedOn: '2026-09-01' })).toEqual([422, 'UNKNOWN_PART']);
    expect(await code({ training: 'safe-haven', completedOn: '2026-09-16' })).toEqual([422, 'FUTURE_DATE']);
    expect(await code({ training: 'safe-haven', completedOn: '2026-02-30' })).toEqual([422, 'VALIDATION']);
    expect(await code({ training: 'coach-10u:field', completedOn: '2026-09-01' })).toEqual([409, 'COMPLETION_EXISTS']);
    expect(await code({ completedOn: '2026-09-01' })).toEqual([422, 'VALIDATION']);
    const bare = await record(registrar, volunteer.id, { training: 'coach-10u', completedOn: '2026-09-01' });
    expect(bare.json().error.message).toContain('coach-10u:online or coach-10u:field');
    expect((await record(registrar, 'nobody', { training: 'safe-haven', completedOn: '2026-09-01' })).statusCode).toBe(404);
  });

  it('lets only the recording board roles record', async () => {
    for (const who of [volunteer, await makeActor(t.deps, ['safety-director']), await makeActor(t.deps, ['instructor'])]) {
      expect((await record(who, volunteer.id, { training: 'safesport', completedOn: '2026-09-01' })).statusCode).toBe(403);
    }
  });

  it('shows completions to the person and the board only', async () => {
    const mine = await t.app.inject({ method: 'GET', url: `/api/v1/people/${volunteer.id}/completions`, headers: volunteer.bearer });
    expect(mine.statusCode).toBe(200);
    expect(
      mine
        .json()
        .map((c: { code: string }) => c.code)
        .sort(),
    ).toEqual(['coach-10u:field', 'safe-haven']);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/people/${volunteer.id}/completions`, headers: registrar.bearer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/people/${volunteer.id}/completions`, headers: other.bearer })).statusCode).toBe(403);
    const trainings = (await t.app.inject({ method: 'GET', url: `/api/v1/people/${volunteer.id}/trainings`, headers: volunteer.bearer })).json();
    expect(trainings.find((l: { code: string }) => l.code === 'coach-10u')).toMatchObject({ state: 'in-progress', partsMissing: ['online'] });
    expect(trainings.find((l: { code: string }) => l.code === 'safe-haven')).toMatchObject({ state: 'valid', completedOn: '2026-08-01', expiresOn: null });
  });

  it('warns when a training with an expiry is about to expire', async () => {
    await editRegionConfig(
      t.deps.db,
      t.deps.clock,
      { id: null, name: 'test' },
      null,
      'test',
      (c) => void (c.trainings.find((x) => x.code === 'concussion')!.expiresAfterMonths = 12),
    );
    await seedCompletion(t.deps, other.id, 'concussion', 'online', '2025-10-20');
    await seedCompletion(t.deps, other.id, 'safe-haven', 'online', '2020-01-01');
    const lines = (await t.app.inject({ method: 'GET', url: `/api/v1/people/${other.id}/trainings`, headers: other.bearer })).json();
    expect(lines.find((l: { code: string }) => l.code === 'concussion')).toMatchObject({ state: 'expires-soon', expiresOn: '2026-10-20' });
    expect(lines.find((l: { code: string }) => l.code === 'safe-haven')).toMatchObject({ state: 'valid' });
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/people/${other.id}/completions`, headers: other.bearer })).json();
    expect(list.find((c: { training: string }) => c.training === 'concussion').expiresOn).toBe('2026-10-20');
  });

  it('gives completionsOf for many people at once, with empty lists for people without any', async () => {
    const map = await completionsOf(t.deps.db, [volunteer.id, registrar.id]);
    expect(map.get(registrar.id)).toEqual([]);
    expect(map.get(volunteer.id)).toEqual([
      { training: 'safe-haven', part: 'online', completedOn: '2026-08-01' },
      { training: 'coach-10u', part: 'field', completedOn: '2026-09-01' },
    ]);
    expect((await completionsOf(t.deps.db, [])).size).toBe(0);
  });

  it('makes a one-page landscape certificate PDF with the region, person, training, part, date and number', async () => {
    const [c] = (await t.app.inject({ method: 'GET', url: `/api/v1/people/${volunteer.id}/completions`, headers: volunteer.bearer })).json();
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/completions/${c.id}/certificate.pdf`, headers: volunteer.bearer });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const doc = await PDFDocument.load(r.rawPayload);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 792, height: 612 });
    const text = pdfText(r.rawPayload).replace(/\s+/g, ' ');
    for (const s of ['REGION', 'Certificate of Completion', 'Test', '10U Coach', 'Field session', 'on September 1, 2026', c.certificateNo]) expect(text).toContain(s);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/completions/${c.id}/certificate.pdf`, headers: registrar.bearer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/completions/${c.id}/certificate.pdf`, headers: other.bearer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/completions/nope/certificate.pdf', headers: registrar.bearer })).statusCode).toBe(404);
  });
});

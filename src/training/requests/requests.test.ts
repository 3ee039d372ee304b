import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor, type TestActor } from '../../testing/actors.js';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { mailTo, multipartBody, openTrainingApp } from '../training.testkit.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

describe.each(testDialects())('uploaded certificates on %s', (dialect) => {
  let t: TestApp;
  let volunteer: TestActor;
  let registrar: TestActor;
  beforeAll(async () => {
    t = await openTrainingApp(dialect);
    volunteer = await makeActor(t.deps, ['assistant-coach']);
    registrar = await makeActor(t.deps, ['registrar']);
  });
  afterAll(async () => t.close());

  const upload = (who: TestActor, fields: Record<string, string>, file?: { fileName: string; contentType: string; data: Buffer }) => {
    const body = multipartBody(fields, file);
    return t.app.inject({ method: 'POST', url: '/api/v1/me/certificate-requests', headers: { ...who.bearer, 'content-type': body.contentType }, payload: body.payload });
  };
  const mine = async (who: TestActor) => (await t.app.inject({ method: 'GET', url: '/api/v1/me/certificate-requests', headers: who.bearer })).json();
  const errorOf = (r: { statusCode: number; json(): { error: { code: string } } }) => [r.statusCode, r.json().error.code];

  it('checks the file by its content and size, not by its name or claimed type', async () => {
    const fields = { training: 'safesport', completedOn: '2026-03-01' };
    expect(errorOf(await upload(volunteer, fields, { fileName: 'cert.pdf', contentType: 'application/pdf', data: GIF }))).toEqual([422, 'UNSUPPORTED_FILE']);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    expect(errorOf(await upload(volunteer, fields, { fileName: 'big.pdf', contentType: 'application/pdf', data: big }))).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(errorOf(await upload(volunteer, fields))).toEqual([422, 'VALIDATION']);
    expect(errorOf(await upload(volunteer, { training: 'coach-12u', completedOn: '2026-03-01' }, { fileName: 'c.png', contentType: 'image/png', data: PNG }))).toEqual([
      422,
      'PART_REQUIRED',
    ]);
    expect(errorOf(await upload(volunteer, { training: 'safesport', completedOn: '2027-01-01' }, { fileName: 'c.png', contentType: 'image/png', data: PNG }))).toEqual([
      422,
      'FUTURE_DATE',
    ]);
    expect(await mine(volunteer)).toEqual([]);
    expect(await t.deps.db.selectFrom('files').select('id').execute()).toEqual([]);
  });

  it('keeps an upload pending until the registrar accepts it, which records the completion', async () => {
    const r = await upload(volunteer, { training: 'coach-10u:field', completedOn: '2026-03-01' }, { fileName: 'field.png', contentType: 'application/octet-stream', data: PNG });
    expect(r.statusCode).toBe(201);
    const id = r.json().id;
    expect(await mine(volunteer)).toEqual([expect.objectContaining({ id, status: 'pending', label: '10U Coach: Field session', contentType: 'image/png', fileName: 'field.png' })]);
    expect(
      errorOf(await upload(volunteer, { training: 'coach-10u:field', completedOn: '2026-03-02' }, { fileName: 'again.pdf', contentType: 'application/pdf', data: PDF })),
    ).toEqual([409, 'REQUEST_PENDING']);
    const queue = (await t.app.inject({ method: 'GET', url: '/api/v1/certificate-requests', headers: registrar.bearer })).json();
    expect(queue.map((q: { id: string }) => q.id)).toEqual([id]);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/certificate-requests/${id}/verify`, headers: registrar.bearer })).statusCode).toBe(204);
    const done = await t.deps.db.selectFrom('completions').selectAll().where('person_id', '=', volunteer.id).execute();
    expect(done.map((c) => [c.training, c.part, c.completed_on, c.source, c.recorded_by])).toEqual([['coach-10u', 'field', '2026-03-01', 'upload', registrar.id]]);
    expect((await mine(volunteer))[0]).toMatchObject({ status: 'verified', reason: null });
    expect(errorOf(await t.app.inject({ method: 'POST', url: `/api/v1/certificate-requests/${id}/reject`, headers: registrar.bearer, payload: { reason: 'late' } }))).toEqual([
      409,
      'ALREADY_DECIDED',
    ]);
    expect((await mailTo(t.deps, volunteer.email)).map((m) => m.subject)).toEqual(['Certificate accepted: 10U Coach: Field session']);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', volunteer.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['training.request.verify']);
  });

  it('lets the registrar refuse with a reason the volunteer sees', async () => {
    const r = await upload(volunteer, { training: 'safe-haven', completedOn: '2025-05-05' }, { fileName: 'sh.pdf', contentType: 'application/pdf', data: PDF });
    const id = r.json().id;
    expect(errorOf(await t.app.inject({ method: 'POST', url: `/api/v1/certificate-requests/${id}/reject`, headers: registrar.bearer, payload: { reason: '  ' } }))).toEqual([
      422,
      'VALIDATION',
    ]);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/certificate-requests/${id}/reject`,
          headers: registrar.bearer,
          payload: { reason: 'The name on the certificate is not yours.' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await mine(volunteer)).find((x: { id: string }) => x.id === id)).toMatchObject({ status: 'rejected', reason: 'The name on the certificate is not yours.' });
    expect(await t.deps.db.selectFrom('completions').select('id').where('person_id', '=', volunteer.id).where('training', '=', 'safe-haven').execute()).toEqual([]);
    const refusal = (await mailTo(t.deps, volunteer.email)).find((m) => m.subject === 'Certificate not accepted: Safe Haven');
    expect(refusal?.body_text).toContain('The name on the certificate is not yours.');
    const page = await t.app.inject({ method: 'GET', url: '/training', headers: volunteer.bearer });
    expect(page.body).toContain('The name on the certificate is not yours.');
  });

  it('shows the file to its owner and the registrar only', async () => {
    const r = await upload(volunteer, { training: 'concussion', completedOn: '2025-05-05' }, { fileName: 'c.pdf', contentType: 'application/pdf', data: PDF });
    const url = `/api/v1/certificate-requests/${r.json().id}/file`;
    const own = await t.app.inject({ method: 'GET', url, headers: volunteer.bearer });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toBe('attachment; filename="c.pdf"');
    expect(own.rawPayload.equals(PDF)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url, headers: registrar.bearer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/training/uploads/${r.json().id}/file`, headers: registrar.bearer })).statusCode).toBe(200);
    for (const roles of [['head-coach'], ['coach-administrator'], ['safety-director']] as const) {
      const other = await makeActor(t.deps, [...roles]);
      expect((await t.app.inject({ method: 'GET', url, headers: other.bearer })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/certificate-requests', headers: (await makeActor(t.deps, ['coach-administrator'])).bearer })).statusCode).toBe(403);
  });
});

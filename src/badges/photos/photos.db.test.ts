import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { browserSession, makeActor, postForm, type TestActor } from '../../testing/actors.js';
import { certify, giveApplication, giveCompletions, giveRole, SAFETY } from '../../compliance/compliance.testkit.js';
import { personCompliance } from '../../compliance/index.js';
import { multipartBody } from '../../training/training.testkit.js';
import { CAMERA, facePhoto, openBadgeApp, photoWithLocation, SEASON } from '../badges.testkit.js';
import { decidePhoto, uploadPhoto } from './photos.service.js';

describe.each(testDialects())('badge photos and eligibility (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestActor;
  const rename = (id: string, first: string, last: string) => t.deps.db.updateTable('people').set({ first_name: first, last_name: last }).where('id', '=', id).execute();
  const api = (url: string, who: TestActor) => t.app.inject({ method: 'GET', url, headers: who.bearer });
  const standing = async (who: TestActor, as = who) => (await api(`/api/v1/people/${who.id}/badge`, as)).json();
  const upload = (url: string, s: { cookie: string }, data: Buffer) => {
    const body = multipartBody({}, { fileName: 'me.jpg', contentType: 'image/jpeg', data });
    return t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'content-type': body.contentType }, payload: body.payload });
  };

  beforeAll(async () => {
    t = await openBadgeApp(dialect);
    admin = await makeActor(t.deps, ['coach-administrator']);
    await rename(admin.id, 'Ada', 'Admin');
  });
  afterAll(async () => t?.close());

  it('takes a photo from the page (checked, stripped of its location), and the board approves it', async () => {
    const coach = await makeActor(t.deps);
    await rename(coach.id, 'Paula', 'Photo');
    await certify(t.deps.db, coach.id, 'head-coach', SEASON, '10U');
    const s = await browserSession(t.app, coach.email, coach.password);
    let page = await t.app.inject({ method: 'GET', url: '/badges', headers: { cookie: s.cookie } });
    expect(page.body).toContain('Your badge: not ready yet');
    expect(page.body).toContain('Upload a photo of your face for the badge');

    const form = await t.app.inject({ method: 'GET', url: '/badges/photo', headers: { cookie: s.cookie } });
    expect(form.body).toMatch(/<input id="f-file" type="file" name="file" accept="image\/\*" capture="user" required/);
    const action = /action="(\/badges\/photo\?_csrf=[^"]+)"/.exec(form.body)![1]!.replaceAll('&amp;', '&');
    expect((await upload('/badges/photo?_csrf=forged', s, await photoWithLocation())).statusCode).toBe(403);
    const refused = await upload(action, s, Buffer.from('not a picture at all'));
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('That file is not a photo Touchline can use');
    const huge = await upload(action, s, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024)]));
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('The photo is larger than 10 MB');
    const done = await upload(action, s, await photoWithLocation());
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/badges');

    const row = await t.deps.db
      .selectFrom('badge_photos')
      .innerJoin('files', 'files.id', 'badge_photos.file_id')
      .select(['badge_photos.id', 'badge_photos.status', 'files.data', 'files.content_type', 'files.owner_id'])
      .where('badge_photos.person_id', '=', coach.id)
      .executeTakeFirstOrThrow();
    expect([row.status, row.content_type, row.owner_id]).toEqual(['pending', 'image/jpeg', coach.id]);
    const stored = Buffer.from(row.data);
    const meta = await sharp(stored).metadata();
    expect([meta.width, meta.height, meta.exif, meta.icc, meta.xmp]).toEqual([600, 800, undefined, undefined, undefined]);
    expect(stored.includes(Buffer.from(CAMERA.model)) || stored.includes(Buffer.from(CAMERA.datum))).toBe(false);
    expect((await standing(coach)).missing.map((m: { code: string }) => m.code)).toEqual(['PHOTO_PENDING']);

    const b = await browserSession(t.app, admin.email, admin.password);
    const queue = await t.app.inject({ method: 'GET', url: '/badges/photos', headers: { cookie: b.cookie } });
    expect(queue.body).toContain(`<h2 id="ph-${row.id}">Paula Photo</h2>`);
    expect(queue.body).toContain(`src="/badges/photos/${row.id}/image"`);
    const image = await t.app.inject({ method: 'GET', url: `/badges/photos/${row.id}/image`, headers: { cookie: b.cookie } });
    expect([image.statusCode, image.headers['content-type']]).toEqual([200, 'image/jpeg']);
    const stranger = await makeActor(t.deps);
    expect((await api(`/badges/photos/${row.id}/image`, stranger)).statusCode).toBe(404);

    expect((await postForm(t.app, `/badges/photos/${row.id}/decision`, b, { decision: 'approve' })).statusCode).toBe(303);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_id', 'after_json']).where('entity_id', '=', row.id).execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([['badge.photo.approve', admin.id]]);
    expect(await standing(coach)).toMatchObject({ eligible: true, status: 'eligible', missing: [], photo: { id: row.id, status: 'approved' } });
    page = await t.app.inject({ method: 'GET', url: '/badges', headers: { cookie: s.cookie } });
    expect(page.body).toContain('Your badge: ready');
    expect(page.body).toContain(`href="/badges/badge.pdf?season=${SEASON}"`);
  });

  it('blocks the badge with the reason of a rejected photo, mails it, and a new upload replaces it', async () => {
    const coach = await makeActor(t.deps);
    await rename(coach.id, 'Rita', 'Rejected');
    await certify(t.deps.db, coach.id, 'assistant-coach', SEASON, '8U');
    const first = await uploadPhoto(t.deps, coach.id, await facePhoto());
    const b = await browserSession(t.app, admin.email, admin.password);
    const empty = await postForm(t.app, `/badges/photos/${first}/decision`, b, { decision: 'reject', reason: '  ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Say why the photo is rejected');
    const reason = 'Sunglasses hide your eyes: take one without them';
    expect((await postForm(t.app, `/badges/photos/${first}/decision`, b, { decision: 'reject', reason })).statusCode).toBe(303);

    const mail = await t.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', coach.email).where('kind', '=', 'badge-photo-rejected').execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body_text).toContain(reason);
    const s = await standing(coach);
    expect(s.status).toBe('blocked');
    expect(s.missing).toEqual([{ code: 'PHOTO_REJECTED', message: `Your badge photo was not accepted: ${reason}. Upload another one.` }]);
    const pdf = await api(`/api/v1/people/${coach.id}/badge.pdf`, coach);
    expect(pdf.statusCode).toBe(403);
    expect(pdf.json().error).toMatchObject({ code: 'NOT_ELIGIBLE', details: { missing: s.missing } });

    const second = await uploadPhoto(t.deps, coach.id, await facePhoto({ hue: 30 }));
    expect(await t.deps.db.selectFrom('badge_photos').select('id').where('person_id', '=', coach.id).execute()).toEqual([{ id: second }]);
    expect((await standing(coach)).missing.map((m: { code: string }) => m.code)).toEqual(['PHOTO_PENDING']);
  });

  it('refuses a badge with 403 NOT_ELIGIBLE and exactly what compliance says is missing, plus the photo', async () => {
    const coach = await makeActor(t.deps);
    await giveRole(t.deps.db, coach.id, 'head-coach', SEASON, '12U');
    await giveApplication(t.deps.db, coach.id, SEASON, [{ role: 'head-coach', division: '12U' }], { ssn: false });
    await giveCompletions(t.deps.db, coach.id, SAFETY.slice(0, 3));
    const expected = (await personCompliance(t.deps, { personId: coach.id, seasonId: SEASON, role: 'head-coach', division: '12U' })).missing;
    expect(expected.map((m) => m.code)).toEqual(['SSN_MISSING', 'safesport', 'coach-12u:online', 'coach-12u:in-person']);

    const r = await api(`/api/v1/people/${coach.id}/badge.pdf`, coach);
    expect(r.statusCode).toBe(403);
    expect(r.headers['content-type']).toContain('application/json');
    const e = r.json().error;
    expect(e.code).toBe('NOT_ELIGIBLE');
    expect(e.details.missing).toEqual([...expected.map((m) => ({ code: m.code, message: m.message, element: m.element })), { code: 'PHOTO_MISSING', message: expect.any(String) }]);
    expect(e.message).toContain('5 things are missing');
    // The board sees the same; another coach sees nothing.
    expect((await api(`/api/v1/people/${coach.id}/badge.pdf`, admin)).json().error.details.missing).toEqual(e.details.missing);
    const other = await makeActor(t.deps);
    const forbidden = await api(`/api/v1/people/${coach.id}/badge.pdf`, other);
    expect([forbidden.statusCode, forbidden.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await t.deps.db.selectFrom('badges').select('id').where('person_id', '=', coach.id).execute()).toEqual([]);
  });

  it('gives badges to head and assistant coaches only', async () => {
    const helper = await makeActor(t.deps);
    await certify(t.deps.db, helper.id, 'field-helper', SEASON, '8U');
    await decidePhoto(t.deps, { id: null, name: 'test' }, await uploadPhoto(t.deps, helper.id, await facePhoto()), { decision: 'approve' });
    const s = await standing(helper);
    expect(s.missing.map((m: { code: string }) => m.code)).toEqual(['NOT_A_COACH']);
    expect((await api('/api/v1/people/nobody/badge.pdf', admin)).statusCode).toBe(404);
    expect((await api(`/api/v1/people/${helper.id}/badge.pdf?season=1999-fall`, admin)).statusCode).toBe(422);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { browserSession, makeActor, postForm, type TestActor } from '../../testing/actors.js';
import { eligibleCoach, facePhoto, flatSkyJpeg, offSkyBlue, openBadgeApp, pdfImages, pdfPages, pdfText, photoMatrix, SEASON, sheetPhotoColour } from '../badges.testkit.js';

describe.each(testDialects())('every accepted photo prints, and a print that fails leaves nothing (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestActor;
  const get = (url: string, who: TestActor = admin) => t.app.inject({ method: 'GET', url, headers: who.bearer });
  const post = (url: string, body: object, who: TestActor = admin) => t.app.inject({ method: 'POST', url, headers: who.bearer, payload: body });
  const count = async (table: 'badges' | 'badge_print_runs' | 'outbox' | 'audit_log') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () => ({ badges: await count('badges'), runs: await count('badge_print_runs'), outbox: await count('outbox'), audit: await count('audit_log') });
  const waiting = async () =>
    (await get('/api/v1/badges?status=eligible'))
      .json()
      .map((r: { personId: string }) => r.personId)
      .sort();
  /** A coach with an approved photo whose stored file is replaced by `data` (as a file stored long ago, or damaged). */
  const coachWithStoredPhoto = async (last: string, data: Buffer) => {
    const coach = await eligibleCoach(t.deps, { first: 'Stored', last });
    const photo = await t.deps.db.selectFrom('badge_photos').select('file_id').where('person_id', '=', coach.id).executeTakeFirstOrThrow();
    await t.deps.db.updateTable('files').set({ data, size: data.length }).where('id', '=', photo.file_id).execute();
    return coach;
  };
  /** Prints the chosen coaches as the board does through the API; answers the run's sheet. */
  const printed = async (people: TestActor[]) => {
    const r = await post('/api/v1/badges/print-runs', { personIds: people.map((p) => p.id) });
    expect(r.statusCode, r.body).toBe(201);
    const sheet = await get(r.json().sheetUrl);
    expect([sheet.statusCode, sheet.headers['content-type']]).toEqual([200, 'application/pdf']);
    return sheet.rawPayload;
  };

  beforeAll(async () => {
    t = await openBadgeApp(dialect);
    admin = await makeActor(t.deps, ['coach-administrator']);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => t?.close());

  it('prints every photo of the matrix (tiny, flat, progressive, CMYK, 16-bit PNG, WebP, EXIF-rotated, grey) through a real print run', async () => {
    const matrix = await photoMatrix();
    // Last names sort in matrix order: the sheet prints coaches by name.
    const coaches: TestActor[] = [];
    for (const [i, m] of matrix.entries()) coaches.push(await eligibleCoach(t.deps, { first: m.name.replace(/[^\w]+/g, ' ').trim(), last: `M${i}`, photo: m.data }));
    const pdf = await printed(coaches);

    const images = await pdfImages(pdf);
    expect(images).toHaveLength(matrix.length);
    for (const image of images) expect(image).toEqual({ page: 1, width: 600, height: 800, color: 'rgb', components: 3, bitsPerComponent: 8, encoding: 'jpeg' });
    const text = await pdfText(pdf);
    for (const [i, m] of matrix.entries()) expect(text).toContain(`${m.name.replace(/[^\w]+/g, ' ').trim()} M${i}`);
    // The flat sky-blue photo (second on the sheet) is drawn in its colour, not as a blank.
    const [page] = await pdfPages(pdf, 72);
    expect(offSkyBlue(await sheetPhotoColour(page!, 1, 72))).toBeLessThan(20);
    expect(offSkyBlue(await sheetPhotoColour(page!, 0, 72))).toBeGreaterThan(100);
    for (const c of coaches) expect(await t.deps.db.selectFrom('outbox').select('kind').where('to_address', '=', c.email).execute()).toEqual([{ kind: 'badge-ready' }]);

    // The coach's own download of the flat photo's badge works too (one card-size page, its photo embedded).
    const own = await t.app.inject({ method: 'GET', url: '/badges/badge.pdf', headers: { cookie: (await browserSession(t.app, coaches[1]!.email, coaches[1]!.password)).cookie } });
    expect([own.statusCode, own.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect((await pdfImages(own.rawPayload)).map((i) => [i.width, i.height, i.encoding])).toEqual([[600, 800, 'jpeg']]);
  });

  it('prints photos stored before the print form (the old progressive JPEG, PNG, CMYK, another size) by bringing them to it', async () => {
    const flat = await sharp(await flatSkyJpeg())
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
    const face = await facePhoto({ width: 600, height: 800, format: 'png' });
    const stored = [flat, face, await sharp(face).toColourspace('cmyk').jpeg().toBuffer(), await sharp(face).resize(300, 400).jpeg().toBuffer()];
    const coaches: TestActor[] = [];
    for (const [i, data] of stored.entries()) coaches.push(await coachWithStoredPhoto(`Old${i}`, data));
    const images = await pdfImages(await printed(coaches));
    expect(images.map((i) => [i.width, i.height, i.color, i.components, i.encoding])).toEqual(stored.map(() => [600, 800, 'rgb', 3, 'jpeg']));
  });

  it('stops a run on a photo that cannot be read, naming its coach: nothing issued, recorded, audited or mailed', async () => {
    const good = await eligibleCoach(t.deps, { first: 'Good', last: 'Photo' });
    const broken = await coachWithStoredPhoto('Broken', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1500, 7)]));
    const before = await counts();
    const r = await post('/api/v1/badges/print-runs', { personIds: [good.id, broken.id] });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'PHOTO_UNPRINTABLE', details: { personId: broken.id } });
    expect(r.json().error.message).toContain('The badge photo of Stored Broken cannot be printed');
    expect(await counts()).toEqual(before);
    expect(await waiting()).toEqual(expect.arrayContaining([good.id, broken.id]));
    expect((await get(`/api/v1/people/${good.id}/badge`)).json()).toMatchObject({ status: 'eligible', printedAt: null });

    // The board's print button says the same on the page.
    const b = await browserSession(t.app, admin.email, admin.password);
    const page = await postForm(t.app, '/badges/print', b, { scope: 'chosen', person: broken.id, season: SEASON });
    expect([page.statusCode, page.headers['content-type']]).toEqual([422, 'text/html; charset=utf-8']);
    expect(page.body).toContain('The badge photo of Stored Broken cannot be printed');
    expect(await counts()).toEqual(before);

    // The coach's own download: an HTML page saying what is wrong, not JSON; nothing recorded.
    const s = await browserSession(t.app, broken.email, broken.password);
    const own = await t.app.inject({ method: 'GET', url: '/badges/badge.pdf', headers: { cookie: s.cookie, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect([own.statusCode, own.headers['content-type']]).toEqual([422, 'text/html; charset=utf-8']);
    expect(own.body).toContain('<h1>That did not work</h1>');
    expect(own.body).toContain('cannot be printed');
    expect(own.body).toContain('Nothing was printed. Stored Broken uploads a new photo on the badge page');
    expect(own.body).not.toContain('{"error"');
    expect(await counts()).toEqual(before);
  });

  it('leaves no printed state and no mail when the PDF step throws, and prints once it works again', async () => {
    const coach = await eligibleCoach(t.deps, { first: 'Flat', last: 'Failure', photo: await flatSkyJpeg() });
    const before = await counts();
    const embed = vi.spyOn(PDFDocument.prototype, 'embedJpg').mockRejectedValue(new Error('injected failure while drawing the photo'));
    const r = await post('/api/v1/badges/print-runs', { personIds: [coach.id] });
    expect([r.statusCode, r.json().error.code]).toEqual([500, 'INTERNAL']);
    expect(embed).toHaveBeenCalled();
    expect(await counts()).toEqual(before);
    expect(await t.deps.db.selectFrom('outbox').select('id').where('to_address', '=', coach.email).execute()).toEqual([]);
    expect((await get(`/api/v1/people/${coach.id}/badge`)).json()).toMatchObject({ status: 'eligible', printedAt: null });
    // The coach's own badge page shows an HTML error, and records no download.
    const s = await browserSession(t.app, coach.email, coach.password);
    const own = await t.app.inject({ method: 'GET', url: '/badges/badge.pdf', headers: { cookie: s.cookie, accept: 'text/html' } });
    expect([own.statusCode, own.headers['content-type']]).toEqual([500, 'text/html; charset=utf-8']);
    expect(own.body).toContain('Something went wrong on our side');
    expect(await counts()).toEqual(before);

    embed.mockRestore();
    const pdf = await printed([coach]);
    expect(await pdfImages(pdf)).toHaveLength(1);
    expect(await t.deps.db.selectFrom('outbox').select('kind').where('to_address', '=', coach.email).execute()).toEqual([{ kind: 'badge-ready' }]);
    expect((await get(`/api/v1/people/${coach.id}/badge`)).json()).toMatchObject({ status: 'printed' });
  });

  it('records a reprint only when its sheet can be made', async () => {
    const coach = await eligibleCoach(t.deps, { first: 'Re', last: 'Print' });
    const r = await post('/api/v1/badges/print-runs', { personIds: [coach.id] });
    expect(r.statusCode).toBe(201);
    const before = await counts();
    vi.spyOn(PDFDocument.prototype, 'embedJpg').mockRejectedValue(new Error('injected failure while drawing the photo'));
    expect((await post(`/api/v1/badges/print-runs/${r.json().runId}/reprint`, {})).statusCode).toBe(500);
    expect(await counts()).toEqual(before);
  });

  it('reads the stored bytes whatever form the driver hands back, down to a file stored as PostgreSQL hex text', async () => {
    const coach = await eligibleCoach(t.deps, { first: 'Hex', last: 'Text', photo: await flatSkyJpeg() });
    const photo = await t.deps.db.selectFrom('badge_photos').select('file_id').where('person_id', '=', coach.id).executeTakeFirstOrThrow();
    const file = await t.deps.db.selectFrom('files').select('data').where('id', '=', photo.file_id).executeTakeFirstOrThrow();
    // A photo copied in by hand as text: SQLite keeps it as TEXT; PostgreSQL reads the \x form as bytea.
    const hex = `\\x${Buffer.from(file.data).toString('hex')}`;
    await t.deps.db
      .updateTable('files')
      .set({ data: hex as unknown as Buffer })
      .where('id', '=', photo.file_id)
      .execute();
    expect(await pdfImages(await printed([coach]))).toHaveLength(1);
  });
});

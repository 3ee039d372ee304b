import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, TEST_NOW, type TestApp } from '../../testing/harness.js';
import { makeActor, type TestActor } from '../../testing/actors.js';
import { editRegionConfig } from '../../region/region.testkit.js';
import { giveRole } from '../../compliance/compliance.testkit.js';
import { eligibleCoach, openBadgeApp, pdfPages, readQr, SEASON } from '../badges.testkit.js';

const DAY = 24 * 3600 * 1000;

describe.each(testDialects())('verifying a badge (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestActor;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const json = async (path: string) => (await get(path, { accept: 'application/json' })).json();

  /** Downloads the coach's badge PDF, reads its QR code and answers the path it links to. */
  async function pathFromQr(coach: TestActor): Promise<string> {
    const pdf = await get(`/api/v1/people/${coach.id}/badge.pdf`, coach.bearer);
    expect(pdf.statusCode).toBe(200);
    const [png] = await pdfPages(pdf.rawPayload, 300);
    const url = await readQr(png!);
    expect(url).toMatch(new RegExp(`^${t.deps.config.baseUrl}/verify/[\\w-]{43}$`));
    return new URL(url!).pathname;
  }

  beforeAll(async () => {
    t = await openBadgeApp(dialect);
    admin = await makeActor(t.deps, ['coach-administrator']);
  });
  afterAll(async () => t?.close());

  it('follows the QR code of a downloaded badge to a public page with the photo, name, role, season and "valid"', async () => {
    const coach = await eligibleCoach(t.deps, { first: 'Vera', last: 'Valid', division: '10U' });
    await t.deps.db.updateTable('people').set({ phone: '310-555-0199' }).where('id', '=', coach.id).execute();
    const path = await pathFromQr(coach);
    const page = await get(path);
    expect(page.statusCode).toBe(200);
    expect(page.headers['x-robots-tag']).toContain('noindex');
    expect(page.body).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(page.body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(page.body).toContain('<h1 class="verify-status ok">Valid</h1>');
    expect(page.body).toContain('<p class="verify-name">Vera Valid</p>');
    expect(page.body).toContain('<li>Head coach · 10U</li>');
    expect(page.body).toContain('Fall 2026');
    for (const secret of [coach.email, '310-555-0199', 'safe-haven', 'Missing', 'Log out', '/profile']) expect(page.body).not.toContain(secret);

    const v = await json(path);
    expect(Object.keys(v).sort()).toEqual(['checkedAt', 'name', 'note', 'photoUrl', 'region', 'roles', 'season', 'since', 'status']);
    expect(v).toMatchObject({
      status: 'valid',
      since: null,
      note: null,
      name: 'Vera Valid',
      roles: [{ role: 'head-coach', label: 'Head coach', division: '10U' }],
      season: { id: SEASON, name: 'Fall 2026' },
      region: 'Region 92 El Segundo',
    });
    expect(v.photoUrl).toBe(`${path}/photo`);
    const photo = await get(v.photoUrl);
    expect([photo.statusCode, photo.headers['content-type'], photo.rawPayload.subarray(0, 3).toString('hex')]).toEqual([200, 'image/jpeg', 'ffd8ff']);
  });

  it('turns the same badge "not valid" the moment the role is removed, and keeps the date it was first seen so', async () => {
    const coach = await eligibleCoach(t.deps, { first: 'Rory', last: 'Removed', role: 'assistant-coach', division: '8U' });
    const path = await pathFromQr(coach);
    expect((await json(path)).status).toBe('valid');
    await t.deps.db.deleteFrom('role_grants').where('person_id', '=', coach.id).execute();
    expect(await json(path)).toMatchObject({ status: 'not-valid', since: '2026-09-15', note: null });
    const token = path.split('/').pop()!;
    expect((await t.deps.db.selectFrom('badges').select('invalid_since').where('token', '=', token).executeTakeFirstOrThrow()).invalid_since).toBe(TEST_NOW);
    t.clock.advance(3 * DAY);
    try {
      const page = await get(path);
      expect(page.body).toContain('<h1 class="verify-status bad">Not valid</h1>');
      expect(page.body).toContain('<p class="verify-since">since September 15, 2026</p>');
      // The role given back: valid again, and the date forgotten.
      await giveRole(t.deps.db, coach.id, 'assistant-coach', SEASON, '8U');
      expect(await json(path)).toMatchObject({ status: 'valid', since: null });
      expect((await t.deps.db.selectFrom('badges').select('invalid_since').where('token', '=', token).executeTakeFirstOrThrow()).invalid_since).toBeNull();
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('shows "not valid" once the background check is flagged, without saying why', async () => {
    const coach = await eligibleCoach(t.deps, { first: 'Fay', last: 'Fielder', division: '6U' });
    const path = await pathFromQr(coach);
    await t.deps.db.updateTable('applications').set({ background_check: 'flagged' }).where('person_id', '=', coach.id).execute();
    const page = await get(path);
    expect(page.body).toContain('Not valid');
    expect(page.body).not.toMatch(/background|flag/i);
    expect(await json(path)).toMatchObject({ status: 'not-valid', note: null });
  });

  it('shows "not valid" when a training expires, and after the season from the day after it ended', async () => {
    const coach = await eligibleCoach(t.deps, { first: 'Eli', last: 'Expired', division: '12U' });
    const path = await pathFromQr(coach);
    const other = await eligibleCoach(t.deps, { first: 'Sam', last: 'Season', division: '12U' });
    const later = await pathFromQr(other);
    await t.deps.db.updateTable('completions').set({ completed_on: '2025-06-01' }).where('person_id', '=', coach.id).where('training', '=', 'concussion').execute();
    await editRegionConfig(t.deps.db, t.clock, { id: admin.id, name: 'test' }, null, 'test.expiry', (c) => {
      c.trainings.find((x) => x.code === 'concussion')!.expiresAfterMonths = 12;
    });
    expect(await json(path)).toMatchObject({ status: 'not-valid', since: '2026-09-15' });
    expect((await json(later)).status).toBe('valid');
    t.clock.set('2027-01-05T18:00:00.000Z');
    try {
      expect(await json(later)).toMatchObject({ status: 'not-valid', since: '2027-01-01', note: 'The season of this badge is over.' });
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('answers an unknown code with a page that says so, and 404 JSON', async () => {
    const page = await get('/verify/not-a-real-token-at-all-000000000000000');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Unknown badge');
    expect(page.body).toContain('noindex');
    const j = await get('/verify/x', { accept: 'application/json' });
    expect([j.statusCode, j.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await get('/verify/not-a-real-token-at-all-000000000000000/photo')).statusCode).toBe(404);
  });

  it('documents the API routes in OpenAPI', async () => {
    const doc = (await get('/api/openapi.json')).json();
    for (const p of ['/api/v1/badges', '/api/v1/people/{id}/badge.pdf', '/verify/{token}', '/api/v1/badges/print-runs', '/api/v1/me/badge-photo'])
      expect(doc.paths[p], p).toBeDefined();
    expect(doc.paths['/verify/{token}'].get.security).toEqual([]);
    expect(doc.paths['/badges/board']).toBeUndefined();
  });
});

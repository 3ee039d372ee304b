import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, postForm } from '../testing/actors.js';
import { multipartBody } from '../training/training.testkit.js';
import { certify, giveApplication, giveCompletions, giveRole } from '../compliance/compliance.testkit.js';
import { privatePrefixes } from './seo.routes.js';
import { eligibleCoach } from '../badges/badges.testkit.js';
import { makeGame, makeTeam } from '../gamecards/gamecards.testkit.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp('sqlite');
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('public pages', () => {
  it('answer without login, are indexable and describe themselves', async () => {
    for (const [url, title] of [
      ['/coaches', 'For coaches'],
      ['/coaches/faq', 'Coaches: questions and answers'],
      ['/coaches/resources', 'Coach resources'],
      ['/contact', 'Contact'],
    ]) {
      const r = await get(url!);
      expect(r.statusCode, url).toBe(200);
      expect(r.body, url).toContain(`<h1>${title}</h1>`);
      expect(r.body, url).toContain('<meta name="description" content="');
      expect(r.body, url).not.toContain('noindex');
      expect(r.body, url).not.toContain('@region.example');
    }
    expect((await get('/')).body).toContain('<a href="/coaches">For coaches</a>');
  });

  it('lists the public pages in the sitemap and keeps crawlers out of private areas', async () => {
    const map = await get('/sitemap.xml');
    expect(map.headers['content-type']).toContain('application/xml');
    for (const p of ['/coaches', '/coaches/faq', '/coaches/resources', '/contact']) expect(map.body).toContain(`<loc>http://localhost:3000${p}</loc>`);
    const robots = (await get('/robots.txt')).body;
    for (const p of ['/admin', '/profile', '/api/', '/unsubscribe/']) expect(robots).toContain(`Disallow: ${p}\n`);
    expect(robots).not.toMatch(/Disallow: \/(coaches|contact)\b/);
    expect(robots).toContain('Sitemap: http://localhost:3000/sitemap.xml');
    expect(
      privatePrefixes([
        { method: 'GET', url: '/training', access: 'authenticated' },
        { method: 'GET', url: '/open/:x', access: 'public' },
        { method: 'GET', url: '/open/secret', access: ['registrar'] },
      ]),
    ).toEqual(['/api/', '/reset/', '/setup/', '/training', '/unsubscribe/']);
  });

  it('shows a logged-in volunteer their own status beside each step', async () => {
    const coach = await makeActor(t.deps, []);
    await giveRole(t.deps.db, coach.id, 'head-coach', '2026-fall', '10U');
    await giveApplication(t.deps.db, coach.id, '2026-fall', [{ role: 'head-coach', division: '10U' }]);
    await giveCompletions(t.deps.db, coach.id, ['safe-haven', 'concussion', 'cardiac-arrest']);
    const body = (await get('/coaches', coach.bearer)).body;
    expect(body).toContain('<span class="status-ok">Done</span>');
    expect(body).toContain('<span class="status-bad">Missing: SafeSport</span>');
    expect(body).toContain('<span class="status-bad">Missing: 10U Coach: Online part, 10U Coach: Field session</span>');
    expect(body).toContain('<span class="status-warn">Not signed up yet</span>');
    expect(body).not.toContain('to see your own status');

    const done = await makeActor(t.deps, []);
    await certify(t.deps.db, done.id, 'assistant-coach', '2026-fall', '8U');
    const ok = (await get('/coaches', done.bearer)).body;
    expect(ok.match(/<span class="status-ok">Done<\/span>/g)).toHaveLength(3);
    expect(ok).toContain('<span class="status-warn">No photo yet</span>');
    const pictured = await eligibleCoach(t.deps);
    expect((await get('/coaches', pictured.bearer)).body).toContain('<span class="status-ok">Photo approved: your badge is ready to download</span>');
    // A 10U coach owes the cards of the games played so far (a submitted one counts, a future one not yet).
    const comets = await makeTeam(t.deps.db, { number: 91, name: 'Comets', headCoachId: pictured.id });
    const rockets = await makeTeam(t.deps.db, { number: 92, name: 'Rockets' });
    await makeGame(t.deps.db, comets, rockets, { date: '2026-09-12' });
    const submitted = await makeGame(t.deps.db, rockets, comets, { date: '2026-09-13' });
    await makeGame(t.deps.db, comets, rockets, { date: '2026-09-19' });
    await t.deps.db
      .insertInto('game_cards')
      .values({
        id: 'c1',
        game_id: submitted,
        team_id: comets.id,
        season_id: '2026-fall',
        status: 'submitted',
        revision: 2,
        state_json: '{}',
        violations_json: '[]',
        violation_count: 0,
        snapshot_json: null,
        created_at: 'x',
        updated_at: 'x',
        updated_by: null,
        submitted_at: 'x',
        submitted_by: null,
      })
      .execute();
    expect((await get('/coaches', pictured.bearer)).body).toContain('<span class="status-bad">Missing: Comets, 1 card not submitted</span>');
    expect((await get('/coaches')).body).toContain('to see your own status');
  });
});

describe('editing', () => {
  it('neutralizes script saved in a page, end to end', async () => {
    const admin = await makeActor(t.deps, ['region-administrator']);
    const evil =
      '## Hello\n\n<script>alert(1)</script>\n\n<img src="/x.png" onerror="alert(2)">\n\n[x](javascript:alert(3))\n\n![y](data:text/html;base64,PHNjcmlwdD4=)\n\n<iframe src="https://evil.example"></iframe>\n\n{{steps}}';
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/site/pages/coaches',
      headers: admin.bearer,
      payload: { title: 'Coaches', description: 'Coach page', markdown: evil },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ revision: 1, title: 'Coaches' });
    const main = (await get('/coaches')).body.split('<main id="main">')[1]!;
    expect(main).toContain('<h2>Hello</h2>');
    expect(main).not.toMatch(/<script|onerror|javascript:|data:text|<iframe/i);
    expect(main).toContain('<ol class="steps">');
    const coach = await makeActor(t.deps, ['head-coach']);
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/v1/site/pages/coaches', headers: coach.bearer, payload: { title: 'x', description: 'x', markdown: 'x' } })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/site/pages/coaches/revisions', headers: admin.bearer })).json()).toHaveLength(1);
  });

  it('previews Markdown as an htmx fragment with warnings, saving nothing', async () => {
    const admin = await makeActor(t.deps, ['region-administrator']);
    const s = await browserSession(t.app, admin.email, admin.password);
    const r = await t.app.inject({
      method: 'POST',
      url: '/admin/site/pages/faq/preview',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded', 'hx-request': 'true', 'x-csrf-token': s.csrf },
      payload: new URLSearchParams({ markdown: '## Q\n\nmail me at me@example.org <script>x</script>\n\n{{nope}}' }).toString(),
    });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('<html');
    expect(r.body).toContain('<h2>Q</h2>');
    expect(r.body).toContain('spam robots');
    expect(r.body).toContain('{{nope}} is not a live part');
    expect(r.body).not.toContain('<script>');
    const editor = await get('/admin/site/pages/faq', { cookie: s.cookie });
    expect(editor.body).toContain('hx-post="/admin/site/pages/faq/preview"');
    expect(editor.body).toContain('noindex');
  });

  it('adds an uploaded file and a video link to the resources page, and stops serving a removed file', async () => {
    const admin = await makeActor(t.deps, ['region-administrator']);
    const s = await browserSession(t.app, admin.email, admin.password);
    const up = (fields: Record<string, string>, file?: Parameters<typeof multipartBody>[1]) => {
      const b = multipartBody(fields, file);
      return t.app.inject({
        method: 'POST',
        url: `/admin/site/resources?_csrf=${encodeURIComponent(s.csrf)}`,
        headers: { cookie: s.cookie, 'content-type': b.contentType },
        payload: b.payload,
      });
    };
    expect(
      (
        await up(
          { category: 'template', title: 'Practice session template', note: 'All divisions', url: '' },
          { fileName: 'template.pdf', contentType: 'application/pdf', data: PDF },
        )
      ).statusCode,
    ).toBe(303);
    expect((await up({ category: 'video', title: '10U build-out line', note: '', url: 'https://video.example/watch?v=42' })).statusCode).toBe(303);
    const refused = await up(
      { category: 'practice-plan', title: 'Fake', note: '', url: '' },
      { fileName: 'plan.pdf', contentType: 'application/pdf', data: Buffer.from('<html>not a pdf</html>') },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('is not a');

    const page = (await get('/coaches/resources')).body;
    expect(page).toContain('<h2>Practice session template</h2>');
    expect(page).toContain('href="https://video.example/watch?v=42"');
    const href = /href="(\/coaches\/resources\/files\/[^"]+)"/.exec(page)![1]!;
    const file = await get(href);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);

    const row = await t.deps.db.selectFrom('site_resources').select('id').where('title', '=', 'Practice session template').executeTakeFirstOrThrow();
    expect((await postForm(t.app, `/admin/site/resources/${row.id}/remove`, s, {})).statusCode).toBe(303);
    expect((await get(href)).statusCode).toBe(404);
    expect((await get('/coaches/resources')).body).not.toContain('Practice session template</a>');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { makeActor, browserSession, postForm } from '../testing/actors.js';
import type { AppError } from '../platform/errors.js';
import { getRegionConfig } from '../region/index.js';
import { anonymousForm } from './site.testkit.js';
import { currentPage, pageHistory, restoreRevision, revisionContent, savePage } from './site.service.js';
import { addressKey, CONTACT_DAILY_LIMIT, sendContactMessage } from './contact.service.js';

const admin = { id: null, name: 'Test admin' };

describe.each(testDialects())('page history (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('keeps every save as a revision, refuses a stale save, and restores as a new revision', async () => {
    const config = await getRegionConfig(t.deps.db);
    const start = await currentPage(t.deps.db, config, 'faq');
    expect(start.revision).toBe(0);
    expect(await savePage(t.deps, admin, 'faq', { title: 'FAQ one', description: 'First', markdown: '## One' }, 0)).toBe(1);
    expect(await savePage(t.deps, admin, 'faq', { title: 'FAQ two', description: 'Second', markdown: '## Two\r\nline' }, 1)).toBe(2);
    await expect(savePage(t.deps, admin, 'faq', { title: 'Late', description: 'Opened at 1', markdown: 'x' }, 1)).rejects.toMatchObject({ code: 'STALE' });
    const now = await currentPage(t.deps.db, config, 'faq');
    expect(now).toMatchObject({ revision: 2, title: 'FAQ two', markdown: '## Two\nline' });

    expect(await restoreRevision(t.deps, admin, 'faq', 1)).toBe(3);
    expect(await currentPage(t.deps.db, config, 'faq')).toMatchObject({ revision: 3, title: 'FAQ one', markdown: '## One' });
    expect(await restoreRevision(t.deps, admin, 'faq', 0)).toBe(4);
    expect((await currentPage(t.deps.db, config, 'faq')).markdown).toBe(start.markdown);

    const history = await pageHistory(t.deps.db, 'faq');
    expect(history.map((r) => [r.number, r.restoredFrom])).toEqual([
      [4, 0],
      [3, 1],
      [2, null],
      [1, null],
    ]);
    expect((await revisionContent(t.deps.db, config, 'faq', 2)).title).toBe('FAQ two');
    await expect(revisionContent(t.deps.db, config, 'faq', 9)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity', '=', 'site_page').execute();
    expect(
      audit
        .filter((a) => a.entity_id === 'faq')
        .map((a) => a.action)
        .sort(),
    ).toEqual(['site.page.restore', 'site.page.restore', 'site.page.save', 'site.page.save']);
  });

  it('lets exactly one of two racing saves of the same revision in', async () => {
    const results = await Promise.allSettled([0, 1, 2].map((i) => savePage(t.deps, admin, 'resources', { title: `Racer ${i}`, description: 'd', markdown: `m${i}` }, 0)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect((r.reason as AppError).code).toBe('STALE');
    expect((await pageHistory(t.deps.db, 'resources')).length).toBe(1);
  });

  it('saves and restores through the editor forms, and the public page follows', async () => {
    const a = await makeActor(t.deps, ['region-administrator']);
    const s = await browserSession(t.app, a.email, a.password);
    const saved = await postForm(t.app, '/admin/site/pages/contact', s, {
      base: '0',
      title: 'Reach us',
      description: 'Write to the board',
      markdown: 'Write below.\n\n{{contact-form}}',
      action: 'save',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/contact');
    const pub = await t.app.inject({ method: 'GET', url: '/contact' });
    expect(pub.body).toContain('<h1>Reach us</h1>');
    expect(pub.body).toContain('<meta name="description" content="Write to the board"/>');
    const stale = await postForm(t.app, '/admin/site/pages/contact', s, { base: '0', title: 'Again', description: 'd', markdown: 'x', action: 'save' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else saved this page');
    expect(stale.body).toContain('value="Again"');
    const preview = await postForm(t.app, '/admin/site/pages/contact', s, { base: '1', title: 'P', description: 'd', markdown: '## Preview only', action: 'preview' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<h2>Preview only</h2>');
    expect((await pageHistory(t.deps.db, 'contact')).length).toBe(1);
    const restored = await postForm(t.app, '/admin/site/pages/contact/revisions/0/restore', s, {});
    expect(restored.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/contact' })).body).toContain('<h1>Contact</h1>');
  });
});

describe.each(testDialects())('contact form (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t?.close());
  const message = { to: '1', name: 'Jamie Parent', email: 'jamie@example.org', message: 'Where do I find my certificates?', website: '' };

  it('mails the chosen contact without showing the address on the page', async () => {
    const f = await anonymousForm(t, '/contact');
    expect(f.body).not.toContain('registrar@region.example');
    expect(f.body).not.toMatch(/mailto:/);
    const r = await t.app.inject({
      method: 'POST',
      url: '/contact',
      headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: f.csrf, ...message }).toString(),
    });
    expect(r.statusCode).toBe(303);
    const mails = await t.deps.db.selectFrom('outbox').selectAll().where('kind', '=', 'contact-message').execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).toBe('registrar@region.example');
    expect(mails[0]!.body_text).toContain('Jamie Parent <jamie@example.org>');
    expect(mails[0]!.body_text).toContain('Where do I find my certificates?');
  });

  it('refuses a post without the CSRF token, and lists every problem of a bad message', async () => {
    const f = await anonymousForm(t, '/contact');
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/contact',
      headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(message).toString(),
    });
    expect(noToken.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/contact',
      headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: f.csrf, to: '7', name: '', email: 'nope', message: 'hi', website: '' }).toString(),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Please fix these 4 problems');
  });

  it('thanks a robot that filled the honeypot and mails nothing', async () => {
    const before = (await t.deps.db.selectFrom('outbox').select('id').execute()).length;
    const r = await sendContactMessage(t.deps, '10.0.0.9', { ...message, website: 'https://spam.example' });
    expect(r.sent).toBe(false);
    expect((await t.deps.db.selectFrom('outbox').select('id').execute()).length).toBe(before);
    expect(await t.deps.db.selectFrom('contact_rate').selectAll().where('ip_key', '=', addressKey('10.0.0.9')).execute()).toEqual([]);
  });

  it('allows a few messages per address and day, counted in the database, even when racing', async () => {
    const ip = '192.0.2.44';
    const results = await Promise.allSettled(Array.from({ length: CONTACT_DAILY_LIMIT + 3 }, () => sendContactMessage(t.deps, ip, message)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(CONTACT_DAILY_LIMIT);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect((r.reason as AppError).code).toBe('RATE_LIMITED');
    await expect(sendContactMessage(t.deps, '192.0.2.45', message)).resolves.toMatchObject({ sent: true });
    t.clock.advance(24 * 3600 * 1000);
    await expect(sendContactMessage(t.deps, ip, message)).resolves.toMatchObject({ sent: true });
    const rows = await t.deps.db.selectFrom('contact_rate').selectAll().execute();
    expect(rows.every((r) => r.day === '2026-09-16')).toBe(true);
    expect(rows.some((r) => r.ip_key.includes('192'))).toBe(false);
  });
});

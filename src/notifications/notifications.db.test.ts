import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, postForm, type TestActor } from '../testing/actors.js';
import { certify, giveApplication, giveCompletions, giveRole } from '../compliance/compliance.testkit.js';
import { anonymousForm } from '../site/site.testkit.js';
import { NOTIFICATION_KINDS, WEEKLY_REMINDER } from '../platform/notify/catalog.js';
import { notify } from '../platform/notify/notify.js';
import { sendWeeklyReminders } from '../compliance/index.js';
import { setWeekly } from './notifications.service.js';
import { reminderTick } from '../compliance/compliance.testkit.js';

const admin = { id: null, name: 'Test' };

describe.each(testDialects())('notify (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t?.close());
  const mails = (to: string, kind?: string) => {
    let q = t.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', to);
    if (kind) q = q.where('kind', '=', kind);
    return q.orderBy('created_at').orderBy('id').execute();
  };
  const send = (p: TestActor, kind: string, once?: string) =>
    notify(t.deps.db, t.deps.mailer, { personId: p.id, kind, subject: `About ${kind}`, text: 'Body text.', ...(once ? { once } : {}) }, t.deps);

  it('sends every kind once per call; optional kinds carry an unsubscribe link, transactional ones none', async () => {
    const p = await makeActor(t.deps);
    for (const k of NOTIFICATION_KINDS) expect(await send(p, k.code), k.code).toMatchObject({ sent: true });
    const got = await mails(p.email);
    expect(got.map((m) => m.kind).sort()).toEqual(NOTIFICATION_KINDS.map((k) => k.code).sort());
    for (const m of got) {
      const optional = NOTIFICATION_KINDS.find((k) => k.code === m.kind)!.optional;
      expect(m.body_text.includes(`/unsubscribe/`), m.kind).toBe(optional);
      if (optional) expect(m.body_text).toContain(`?kind=${encodeURIComponent(m.kind)}`);
    }
    await expect(send(p, 'no-such-kind')).rejects.toThrow('Unknown notification kind');
  });

  it("respects the person's choice for optional kinds, never for transactional ones", async () => {
    const p = await makeActor(t.deps);
    const other = await makeActor(t.deps);
    const api = await t.app.inject({ method: 'PUT', url: '/api/v1/me/notifications', headers: p.bearer, payload: { enabled: { 'teams-published': false } } });
    expect(api.statusCode).toBe(200);
    expect(api.json().kinds.find((k: { code: string }) => k.code === 'teams-published').enabled).toBe(false);
    const refused = await t.app.inject({ method: 'PUT', url: '/api/v1/me/notifications', headers: p.bearer, payload: { enabled: { 'password-reset': false, nope: false } } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.errors).toHaveLength(2);
    // Even a stored "off" for a transactional kind does not stop it.
    await t.deps.db.insertInto('notification_preferences').values({ person_id: p.id, kind: 'practice-moved', enabled: 0, updated_at: 'x' }).execute();
    expect(await send(p, 'teams-published')).toEqual({ sent: false, reason: 'opted-out' });
    expect(await send(p, 'practice-moved')).toMatchObject({ sent: true });
    expect(await send(other, 'teams-published')).toMatchObject({ sent: true });
    expect((await mails(p.email)).map((m) => m.kind)).toEqual(['practice-moved']);
  });

  it('sends a mail with a once key only once, even when called at the same time', async () => {
    const p = await makeActor(t.deps);
    const results = await Promise.all([1, 2, 3].map(() => send(p, 'badge-ready', '2026-fall')));
    expect(results.filter((r) => r.sent)).toHaveLength(1);
    expect(await send(p, 'badge-ready', '2026-fall')).toEqual({ sent: false, reason: 'already-sent' });
    expect(await send(p, 'badge-ready', '2027-spring')).toMatchObject({ sent: true });
    expect(await mails(p.email, 'badge-ready')).toHaveLength(2);
  });

  it('sends nothing inside a transaction that rolls back', async () => {
    const p = await makeActor(t.deps);
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await notify(trx, t.deps.mailer, { personId: p.id, kind: 'badge-ready', subject: 's', text: 't', once: 'x' }, t.deps);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await mails(p.email)).toEqual([]);
    expect(await send(p, 'badge-ready', 'x')).toMatchObject({ sent: true });
  });

  it('mails the kept account of a merged person, and nobody without an address', async () => {
    const kept = await makeActor(t.deps);
    const merged = await makeActor(t.deps);
    await t.deps.db.updateTable('people').set({ merged_into: kept.id, email: null }).where('id', '=', merged.id).execute();
    expect(await send(merged, 'application-received')).toMatchObject({ sent: true });
    expect(await mails(kept.email, 'application-received')).toHaveLength(1);
    const noMail = await makeActor(t.deps);
    await t.deps.db.updateTable('people').set({ email: null }).where('id', '=', noMail.id).execute();
    expect(await send(noMail, 'application-received')).toEqual({ sent: false, reason: 'no-email' });
  });

  it('unsubscribes with the mailed link without login: GET asks, POST switches the kind off', async () => {
    const p = await makeActor(t.deps);
    await send(p, 'mentoring-assessment');
    const [mail] = await mails(p.email, 'mentoring-assessment');
    const link = new URL(/https?:\/\/\S+\/unsubscribe\/\S+/.exec(mail!.body_text)![0]);
    const path = link.pathname + link.search;
    const form = await anonymousForm(t, path);
    expect(form.body).toContain('Stop these mails');
    expect(form.body).toContain('Your mentor wrote a new assessment');
    expect(form.body).not.toContain(p.email);
    const post = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(form.csrf)}`,
    });
    expect(post.statusCode).toBe(303);
    expect(await send(p, 'mentoring-assessment')).toEqual({ sent: false, reason: 'opted-out' });
    expect((await t.app.inject({ method: 'GET', url: path })).body).toContain('These mails are off');

    const token = link.pathname.split('/').pop()!;
    const forged = `${token.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await t.app.inject({ method: 'GET', url: `/unsubscribe/${forged}?kind=mentoring-assessment` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/unsubscribe/${token}?kind=password-reset` })).statusCode).toBe(422);
    // One-click (RFC 8058) from a mail client: no cookie, no CSRF token.
    const oneClick = await t.app.inject({
      method: 'POST',
      url: `/api/v1/unsubscribe/${token}?kind=teams-published`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(await send(p, 'teams-published')).toEqual({ sent: false, reason: 'opted-out' });
  });

  it('saves choices from the preferences page', async () => {
    const p = await makeActor(t.deps);
    const s = await browserSession(t.app, p.email, p.password);
    const page = await t.app.inject({ method: 'GET', url: '/profile/notifications', headers: { cookie: s.cookie } });
    expect(page.body).toContain('value="missing-items-weekly" checked');
    const optional = NOTIFICATION_KINDS.filter((k) => k.optional && k.code !== WEEKLY_REMINDER).map((k) => `on=${encodeURIComponent(k.code)}`);
    const r = await t.app.inject({
      method: 'POST',
      url: '/profile/notifications',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: [`_csrf=${encodeURIComponent(s.csrf)}`, ...optional].join('&'),
    });
    expect(r.statusCode).toBe(303);
    expect(await send(p, WEEKLY_REMINDER, 'w')).toEqual({ sent: false, reason: 'opted-out' });
    expect(await send(p, 'teams-published')).toMatchObject({ sent: true });
  });
});

describe.each(testDialects())('weekly reminder (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t?.close());
  const reminders = () => t.deps.db.selectFrom('outbox').selectAll().where('kind', '=', WEEKLY_REMINDER).execute();

  it('mails each volunteer with missing items once a week, only when switched on, respecting their choice', async () => {
    const missing = await makeActor(t.deps);
    await giveRole(t.deps.db, missing.id, 'head-coach', '2026-fall', '12U');
    await giveApplication(t.deps.db, missing.id, '2026-fall', [{ role: 'head-coach', division: '12U' }]);
    await giveCompletions(t.deps.db, missing.id, ['safe-haven']);
    const certified = await makeActor(t.deps);
    await certify(t.deps.db, certified.id, 'head-coach', '2026-fall', '8U');
    const optedOut = await makeActor(t.deps);
    await giveRole(t.deps.db, optedOut.id, 'field-helper', '2026-fall', '6U');
    await t.deps.db.insertInto('notification_preferences').values({ person_id: optedOut.id, kind: WEEKLY_REMINDER, enabled: 0, updated_at: 'x' }).execute();
    const lastSeason = await makeActor(t.deps);
    await giveRole(t.deps.db, lastSeason.id, 'head-coach', '2025-fall', '8U');
    await makeActor(t.deps, ['registrar']);

    expect(await sendWeeklyReminders(t.deps)).toMatchObject({ enabled: false, sent: 0 });
    expect(await reminders()).toEqual([]);

    const coachAdmin = await makeActor(t.deps, ['coach-administrator']);
    const s = await browserSession(t.app, coachAdmin.email, coachAdmin.password);
    expect((await postForm(t.app, '/admin/notifications', s, { weekly: 'on' })).statusCode).toBe(303);
    expect((await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'notifications.weekly-reminder').execute()).length).toBe(1);

    const run = await sendWeeklyReminders(t.deps);
    expect(run).toMatchObject({ enabled: true, week: '2026-W38', seasonId: '2026-fall', withMissing: 2, sent: 1, optedOut: 1, alreadySent: 0 });
    const [mail] = await reminders();
    expect(mail!.to_address).toBe(missing.email);
    expect(mail!.body_text).toContain('head coach (12U)');
    expect(mail!.body_text).toContain('/unsubscribe/');

    // A rerun, and two instances at once, send nothing more this week.
    const again = await Promise.all([
      sendWeeklyReminders(t.deps),
      sendWeeklyReminders(t.deps),
      t.app.inject({ method: 'POST', url: '/api/v1/notifications/weekly/run', headers: coachAdmin.bearer }),
    ]);
    expect(again[0].sent + again[1].sent + again[2].json().sent).toBe(0);
    expect(await reminders()).toHaveLength(1);

    t.clock.advance(6 * 24 * 3600 * 1000); // Monday 21 September: a new week
    expect(await sendWeeklyReminders(t.deps)).toMatchObject({ week: '2026-W39', sent: 1 });
    expect(await reminders()).toHaveLength(2);

    await setWeekly(t.deps, admin, false);
    t.clock.advance(7 * 24 * 3600 * 1000);
    expect(await sendWeeklyReminders(t.deps)).toMatchObject({ enabled: false, sent: 0 });
  });

  it('the periodic run waits for the day to start in the region', async () => {
    const other = await openTestApp(dialect, { now: '2026-10-05T08:00:00.000Z' }); // 01:00 in Los Angeles
    try {
      const p = await makeActor(other.deps);
      await giveRole(other.deps.db, p.id, 'assistant-coach', '2026-fall', '10U');
      await setWeekly(other.deps, admin, true);
      await reminderTick(other.deps);
      expect(await other.deps.db.selectFrom('outbox').select('id').where('kind', '=', WEEKLY_REMINDER).execute()).toHaveLength(0);
      other.clock.advance(9 * 3600 * 1000); // 10:00 in Los Angeles
      await reminderTick(other.deps);
      expect(await other.deps.db.selectFrom('outbox').select('to_address').where('kind', '=', WEEKLY_REMINDER).execute()).toEqual([{ to_address: p.email }]);
    } finally {
      await other.close();
    }
  });
});

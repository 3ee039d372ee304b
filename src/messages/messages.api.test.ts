import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, postForm, type TestActor } from '../testing/actors.js';
import type { Role } from '../platform/roles.js';
import { seedTeam } from './messages.testkit.js';

const FALL = '2026-fall';

describe.each(testDialects())('messages API and pages (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestActor;
  let head: TestActor;
  let teamId: string;
  let otherTeam: string;
  beforeAll(async () => {
    t = await openTestApp(dialect);
    admin = await makeActor(t.deps, ['region-administrator']);
    head = await makeActor(t.deps, ['head-coach'], { seasonId: FALL, division: '10U' });
    const other = await makeActor(t.deps, ['head-coach'], { seasonId: FALL, division: '10U' });
    teamId = await seedTeam(t.deps.db, { seasonId: FALL, division: '10U', name: 'Mine', head: head.id });
    otherTeam = await seedTeam(t.deps.db, { seasonId: FALL, division: '10U', name: 'Theirs', head: other.id });
  });
  afterAll(async () => t?.close());

  const send = (who: TestActor, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/messages', headers: who.bearer, payload });
  const good = { audience: { kind: 'coaches', division: '10U' }, subject: 'Hello', markdown: 'Body' };

  it('every board role sends (201 with the id and distinct addresses); the send is audited', async () => {
    for (const role of ['region-administrator', 'coach-administrator', 'registrar', 'safety-director'] as Role[]) {
      const who = await makeActor(t.deps, [role]);
      const r = await send(who, good);
      expect(r.statusCode, `${role}: ${r.body}`).toBe(201);
      expect(r.json()).toEqual({ id: expect.any(String), recipients: 2 });
      const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('entity', '=', 'message').where('entity_id', '=', r.json().id).executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ action: 'message.send', actor_id: who.id });
    }
  });

  it('refuses coaches and volunteers (403), except a head coach writing to their own team', async () => {
    for (const role of ['assistant-coach', 'field-helper', 'youth-volunteer', 'mentor', 'instructor'] as Role[]) {
      const who = await makeActor(t.deps, [role], { seasonId: FALL, division: '10U' });
      expect((await send(who, good)).statusCode, role).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/messages', headers: who.bearer })).statusCode, role).toBe(403);
    }
    expect((await send(head, good)).statusCode).toBe(403);
    expect((await send(head, { ...good, audience: { kind: 'team', teamId: otherTeam, who: 'families' } })).statusCode).toBe(403);
    expect((await send(head, { ...good, audience: { kind: 'team', teamId, who: 'staff' }, required: true })).statusCode).toBe(403);
    const own = await send(head, { ...good, audience: { kind: 'team', teamId, who: 'staff' } });
    expect(own.statusCode, own.body).toBe(201);
    // The head coach reads their own message's record, not the board's.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/messages/${own.json().id}`, headers: head.bearer })).statusCode).toBe(200);
    const boards = await send(admin, good);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/messages/${boards.json().id}`, headers: head.bearer })).statusCode).toBe(404);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/messages', headers: head.bearer })).json();
    expect(list.items.map((m: { id: string }) => m.id)).toEqual([own.json().id]);
  });

  it('answers 422 naming the field for each bad input', async () => {
    const cases: [object, string][] = [
      [{ ...good, audience: { kind: 'everyone' } }, 'audience.kind'],
      [{ ...good, audience: {} }, 'kind'],
      [{ ...good, audience: { kind: 'coaches', division: '99U' } }, 'audience.division'],
      [{ ...good, audience: { kind: 'missing', element: 4 } }, 'audience.element'],
      [{ ...good, audience: { kind: 'missing', element: 2, training: 'juggling' } }, 'audience.training'],
      [{ ...good, audience: { kind: 'team', who: 'staff' } }, 'audience.teamId'],
      [{ ...good, audience: { kind: 'team', teamId, who: 'parents' } }, 'audience.who'],
      [{ ...good, audience: { kind: 'team', teamId: 'no-such-team', who: 'staff' } }, 'audience.teamId'],
      [{ ...good, audience: { kind: 'role', role: 'captain' } }, 'audience.role'],
      [{ ...good, subject: '  ' }, 'subject'],
      [{ ...good, subject: 'x'.repeat(201) }, 'subject'],
      [{ ...good, markdown: '' }, 'markdown'],
      [{ audience: good.audience, subject: 'Hi' }, 'markdown'],
      [{ ...good, audience: { kind: 'missing', element: '2' } }, 'audience.element'],
    ];
    for (const [payload, field] of cases) {
      const r = await send(admin, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(422);
      expect(r.json().error.message, JSON.stringify(payload)).toContain(field);
    }
    const page = await t.app.inject({ method: 'GET', url: '/api/v1/messages?pageSize=0', headers: admin.bearer });
    expect(page.statusCode).toBe(422);
    expect(page.json().error.message).toContain('pageSize');
  });

  it('GET /api/v1/messages/{id}: the record with audience, recipients and states; 404 for an unknown id', async () => {
    t.clock.advance(60_000);
    const r = await send(admin, { ...good, audience: { kind: 'team', teamId, who: 'staff' } });
    const rec = (await t.app.inject({ method: 'GET', url: `/api/v1/messages/${r.json().id}`, headers: admin.bearer })).json();
    expect(rec).toMatchObject({
      subject: 'Hello',
      markdown: 'Body',
      audience: { kind: 'team', teamId, who: 'staff' },
      audienceLabel: 'Coaches of Mine (10U)',
      required: false,
      recipients: 1,
      counts: { queued: 1, sent: 0, failed: 0 },
      deliveries: [{ personId: head.id, email: head.email, state: 'queued', attempts: 0, lastAnswer: null }],
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/messages/nope', headers: admin.bearer })).statusCode).toBe(404);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/messages?pageSize=2', headers: admin.bearer })).json();
    expect(list.items).toHaveLength(2);
    expect(list.total).toBeGreaterThan(2);
    expect(list.items[0].id).toBe(r.json().id);
  });

  it('the page: preview shows the count and list, a test goes to the writer only, send records the message', async () => {
    const s = await browserSession(t.app, admin.email, admin.password);
    const form = { kind: 'team', teamId, who: 'staff', subject: 'Field closed', markdown: 'Richmond is **closed**.' };
    const preview = await postForm(t.app, '/messages/new', s, { ...form, action: 'preview' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('1 address');
    expect(preview.body).toContain(head.email);
    expect(preview.body).toContain('<strong>closed</strong>');
    const test = await postForm(t.app, '/messages/new', s, { ...form, action: 'test' });
    expect(test.body).toContain(`A test went to ${admin.email}`);
    const tests = await t.deps.db.selectFrom('outbox').selectAll().where('subject', '=', '[Test] Field closed').execute();
    expect(tests.map((m) => m.to_address)).toEqual([admin.email]);
    const sent = await postForm(t.app, '/messages/new', s, { ...form, action: 'send' });
    expect(sent.statusCode).toBe(303);
    const page = await t.app.inject({ method: 'GET', url: sent.headers.location as string, headers: { cookie: s.cookie } });
    expect(page.body).toContain('Field closed');
    expect(page.body).toContain('queued');
    const bad = await postForm(t.app, '/messages/new', s, { ...form, subject: '', action: 'send' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('subject: write a subject.');
  });
});

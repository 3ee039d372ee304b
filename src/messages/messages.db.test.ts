import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { makeActor, type TestActor } from '../testing/actors.js';
import { AGE_LEVEL, certify, giveApplication, giveCompletions, giveRole, SAFETY } from '../compliance/compliance.testkit.js';
import { seedPlayers } from '../teams/teams.testkit.js';
import { Mailer, MAX_ATTEMPTS, retryDelayMs } from '../platform/mail.js';
import { header, seedPerson, seedTeam, startSmtp } from './messages.testkit.js';

const FALL = '2026-fall';
const SPRING = '2027-spring';

describe.each(testDialects())('messages to groups (%s)', (dialect) => {
  let t: TestApp;
  let board: TestActor;
  const people: Record<string, TestActor> = {};
  const ids: Record<string, string> = {};
  const person = async (key: string, email?: string) => {
    people[key] = await makeActor(t.deps, [], email ? { email } : {});
    return people[key]!.id;
  };

  beforeAll(async () => {
    t = await openTestApp(dialect);
    board = await makeActor(t.deps, ['coach-administrator'], { email: 'board.writer@example.org' });
    // Teams: two 10U, one 12U this season; one 10U next season (not this season's coaches).
    ids.teamA = await seedTeam(t.deps.db, { seasonId: FALL, division: '10U', name: 'A', head: await person('headA'), assistants: [await person('asstA')] });
    ids.teamB = await seedTeam(t.deps.db, { seasonId: FALL, division: '10U', name: 'B', head: await person('headB'), assistants: [people.asstA!.id] });
    ids.teamC = await seedTeam(t.deps.db, { seasonId: FALL, division: '12U', name: 'C', head: await person('headC') });
    ids.teamNext = await seedTeam(t.deps.db, { seasonId: SPRING, division: '10U', name: 'Next', head: await person('headNext') });
    // Families of team A: one guardian of two players, two guardians at one address (case differs), one without email.
    const g1 = await seedPerson(t.deps.db, 'guardian.one@example.org', 'Gina', 'One');
    const g2 = await seedPerson(t.deps.db, 'Shared.Home@example.org', 'Sam', 'Shared');
    const g3 = await seedPerson(t.deps.db, 'shared.home@example.org', 'Sue', 'Shared');
    const g4 = await seedPerson(t.deps.db, null, 'Nomail', 'Guardian');
    const kids = await seedPlayers(t.deps.db, FALL, [{ guardianId: g1 }, { guardianId: g1 }, { guardianId: g2 }, { guardianId: g4 }]);
    await t.deps.db.insertInto('player_guardians').values({ player_id: kids[2]!, person_id: g3, is_primary: 0 }).execute();
    const otherKid = await seedPlayers(t.deps.db, FALL, [{}]);
    await seedTeam(t.deps.db, { seasonId: FALL, division: '10U', name: 'D', players: otherKid });
    const teamA = (await t.deps.db.selectFrom('teams').select('id').where('id', '=', ids.teamA).executeTakeFirstOrThrow()).id;
    await t.deps.db
      .insertInto('team_players')
      .values(kids.map((k) => ({ team_id: teamA, player_id: k, season_id: FALL, jersey: null })))
      .execute();
    Object.assign(ids, { g1, g2, g3, g4 });
    // Compliance: certified; no application (element 1); application but no safety trainings (element 2); missing only safe-haven.
    await certify(t.deps.db, await person('certified'), 'head-coach', FALL, '10U');
    await giveRole(t.deps.db, await person('noApp'), 'field-helper', FALL, '10U');
    const noTrain = await person('noTrain');
    await giveRole(t.deps.db, noTrain, 'field-helper', FALL, '10U');
    await giveApplication(t.deps.db, noTrain, FALL, [{ role: 'field-helper', division: '10U' }]);
    // A 12U head coach with everything but the concussion course (field helpers do not need that one).
    const noConcussion = await person('noConcussion');
    await giveRole(t.deps.db, noConcussion, 'head-coach', FALL, '12U');
    await giveApplication(t.deps.db, noConcussion, FALL, [{ role: 'head-coach', division: '12U' }]);
    await giveCompletions(t.deps.db, noConcussion, [...SAFETY.filter((s) => s !== 'concussion'), AGE_LEVEL['12U']!]);
    // Roles: standing registrar, this season's mentor, next season's mentor.
    await giveRole(t.deps.db, await person('registrar'), 'registrar', '', '');
    await giveRole(t.deps.db, await person('mentorNow'), 'mentor', FALL, '');
    await giveRole(t.deps.db, await person('mentorNext'), 'mentor', SPRING, '');
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: object, who: TestActor = board) => t.app.inject({ method: 'POST', url, headers: who.bearer, payload });
  const preview = async (audience: object) => {
    const r = await post('/api/v1/messages/preview', { audience, subject: 'Hello', markdown: 'Body' });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { recipients: number; list: { personId: string; email: string }[]; skipped: { personId: string; reason: string }[] };
  };
  const emailsOf = (...keys: string[]) => keys.map((k) => people[k]!.email).sort();
  const listed = (p: { list: { email: string }[] }) => p.list.map((x) => x.email).sort();

  it("a division's coaches: head and assistant coaches of its teams this season, each address once", async () => {
    const tenU = await preview({ kind: 'coaches', division: '10U' });
    expect(listed(tenU)).toEqual(emailsOf('headA', 'asstA', 'headB'));
    expect(tenU.recipients).toBe(3);
    const all = await preview({ kind: 'coaches' });
    expect(listed(all)).toEqual(emailsOf('headA', 'asstA', 'headB', 'headC'));
  });

  it("a team's staff and a team's families (guardians of its players, one mail per address)", async () => {
    expect(listed(await preview({ kind: 'team', teamId: ids.teamA, who: 'staff' }))).toEqual(emailsOf('headA', 'asstA'));
    const families = await preview({ kind: 'team', teamId: ids.teamA, who: 'families' });
    expect(families.recipients).toBe(2);
    expect(families.list.map((x) => x.email.toLowerCase()).sort()).toEqual(['guardian.one@example.org', 'shared.home@example.org']);
    expect(families.skipped.map((s) => [s.personId, s.reason]).sort()).toEqual(
      [
        [ids.g3, 'same-address'],
        [ids.g4, 'no-email'],
      ].sort(),
    );
  });

  it("refuses a team's families before the team is published (a message would announce it); its staff may be written to", async () => {
    const hidden = await seedTeam(t.deps.db, { seasonId: FALL, division: '10U', name: 'Unpublished', head: people.headA!.id, published: false });
    const r = await post('/api/v1/messages/preview', { audience: { kind: 'team', teamId: hidden, who: 'families' }, subject: 'Hello', markdown: 'Body' });
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().error.message).toMatch(/not published yet/);
    expect(listed(await preview({ kind: 'team', teamId: hidden, who: 'staff' }))).toEqual(emailsOf('headA'));
  });

  it('everyone missing an element, or one training', async () => {
    const e1 = await preview({ kind: 'missing', element: 1 });
    expect(e1.list.map((x) => x.personId)).toContain(people.noApp!.id);
    expect(e1.list.map((x) => x.personId)).not.toContain(people.noTrain!.id);
    expect(e1.list.map((x) => x.personId)).not.toContain(people.certified!.id);
    const e2 = (await preview({ kind: 'missing', element: 2 })).list.map((x) => x.personId);
    expect(e2).toEqual(expect.arrayContaining([people.noTrain!.id, people.noConcussion!.id]));
    expect(e2).not.toContain(people.certified!.id);
    const concussion = (await preview({ kind: 'missing', element: 2, training: 'concussion' })).list.map((x) => x.personId);
    expect(concussion).toContain(people.noConcussion!.id);
    expect(concussion).not.toContain(people.noTrain!.id);
    const safeHaven = (await preview({ kind: 'missing', element: 2, training: 'safe-haven' })).list.map((x) => x.personId);
    expect(safeHaven).toContain(people.noTrain!.id);
    expect(safeHaven).not.toContain(people.noConcussion!.id);
    const e3 = (await preview({ kind: 'missing', element: 3 })).list.map((x) => x.personId);
    expect(e3).toContain(people.noTrain!.id);
    expect(e3).not.toContain(people.noConcussion!.id);
  });

  it('everyone with a role this season (standing grants too, not next season)', async () => {
    expect(listed(await preview({ kind: 'role', role: 'mentor' }))).toEqual(emailsOf('mentorNow'));
    expect(listed(await preview({ kind: 'role', role: 'registrar' }))).toEqual(emailsOf('registrar'));
  });

  it('respects opt-outs of board messages, except for required notices', async () => {
    const off = await t.app.inject({ method: 'PUT', url: '/api/v1/me/notifications', headers: people.headC!.bearer, payload: { enabled: { 'board-message': false } } });
    expect(off.statusCode, off.body).toBe(200);
    const optional = await post('/api/v1/messages', { audience: { kind: 'team', teamId: ids.teamC, who: 'staff' }, subject: 'Optional', markdown: 'Hi' });
    expect(optional.json()).toMatchObject({ recipients: 0 });
    const rec = (await t.app.inject({ method: 'GET', url: `/api/v1/messages/${optional.json().id}`, headers: board.bearer })).json();
    expect(rec.skipped).toEqual([expect.objectContaining({ personId: people.headC!.id, reason: 'opted-out' })]);
    const required = await post('/api/v1/messages', {
      audience: { kind: 'team', teamId: ids.teamC, who: 'staff' },
      subject: 'Richmond closed',
      markdown: 'Closed',
      required: true,
    });
    expect(required.statusCode).toBe(201);
    expect(required.json().recipients).toBe(1);
    const mail = await t.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', people.headC!.email).where('subject', '=', 'Richmond closed').executeTakeFirstOrThrow();
    expect(mail.kind).toBe('required-notice');
    expect(mail.unsubscribe_url).toBeNull();
    expect(mail.body_text).not.toContain('/unsubscribe/');
  });

  it('delivers over SMTP with Reply-To the sender; a refused address is retried with back-off, then recorded failed with the answer', async () => {
    const bounce = await person('bounce', 'bounce.me@example.org');
    const teamE = await seedTeam(t.deps.db, { seasonId: FALL, division: '12U', name: 'E', head: people.headB!.id, assistants: [bounce] });
    const smtp = await startSmtp((a) => a === 'bounce.me@example.org');
    const mailer = new Mailer(t.deps.clock, 'Touchline <portal@example.org>', smtp.url);
    try {
      const sent = await post('/api/v1/messages', { audience: { kind: 'team', teamId: teamE, who: 'staff' }, subject: 'Practice moved', markdown: '**Richmond** is closed.' });
      expect(sent.statusCode, sent.body).toBe(201);
      expect(sent.json().recipients).toBe(2);
      const id = sent.json().id as string;
      const record = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/messages/${id}`, headers: board.bearer })).json();
      const of = async (personId: string) => (await record()).deliveries.find((d: { personId: string }) => d.personId === personId);
      expect((await record()).counts).toEqual({ queued: 2, sent: 0, failed: 0 });

      // Earlier tests' mails are in the outbox too: deliver everything due.
      while ((await mailer.deliverPending(t.deps.db, 50)) > 0);
      expect(await of(people.headB!.id)).toMatchObject({ state: 'sent', attempts: 1, lastAnswer: null });
      expect(await of(bounce)).toMatchObject({ state: 'queued', attempts: 1, lastAnswer: expect.stringContaining('550') });
      const got = smtp.received.filter((m) => m.to.includes(people.headB!.email));
      expect(got).toHaveLength(1);
      expect(header(got[0]!.raw, 'Reply-To')).toContain('board.writer@example.org');
      expect(header(got[0]!.raw, 'Subject')).toBe('Practice moved');
      expect(header(got[0]!.raw, 'List-Unsubscribe')).toContain('/api/v1/unsubscribe/');
      expect(header(got[0]!.raw, 'Content-Type')).toContain('multipart/alternative');
      expect(got[0]!.raw).toContain('<strong>Richmond</strong>');

      // Not due yet: nothing is tried before the back-off has passed.
      await mailer.deliverPending(t.deps.db);
      expect(smtp.refused).toHaveLength(1);
      for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
        t.clock.advance(retryDelayMs(attempt)! - 1000);
        await mailer.deliverPending(t.deps.db);
        expect(smtp.refused, `attempt ${attempt + 1} waits`).toHaveLength(attempt);
        t.clock.advance(1000);
        await mailer.deliverPending(t.deps.db);
        expect(smtp.refused).toHaveLength(attempt + 1);
      }
      const failed = await of(bounce);
      expect(failed).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null });
      expect(failed.lastAnswer).toMatch(/^550 .*User unknown/);
      t.clock.advance(24 * 3600_000);
      await mailer.deliverPending(t.deps.db);
      expect(smtp.refused).toHaveLength(MAX_ATTEMPTS);
      expect((await record()).counts).toEqual({ queued: 0, sent: 1, failed: 1 });
      expect(smtp.received.filter((m) => m.to.includes(people.headB!.email) && m.raw.includes('Practice moved'))).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });
});

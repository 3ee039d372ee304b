import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { browserSession, postForm } from '../testing/actors.js';
import { getStoredConfig, saveRegionConfig } from '../region/index.js';
import { seedFamilies, type Families } from './families.testkit.js';

interface ChildJson {
  playerId: string;
  firstName: string;
  lastName: string;
  division: string;
  team: null | {
    id: string;
    name: string;
    coaches: { name: string }[];
    practices: { weekday: number; day: string; start: string; end: string; field: { id: string; name: string; address: string }; next: string | null }[];
    games: { id: string; date: string; time: string; field: { id: string; name: string }; opponent: { id: string; name: string }; home: boolean }[];
  };
}

describe.each(testDialects())('families on %s', (dialect) => {
  let t: TestApp;
  let f: Families;
  beforeAll(async () => {
    t = await openTestApp(dialect);
    f = await seedFamilies(t);
  });
  afterAll(async () => t?.close());

  const children = async (who: { bearer: { authorization: string } }) => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/me/children', headers: who.bearer });
    expect(r.statusCode).toBe(200);
    return r.json() as ChildJson[];
  };
  const pageOf = async (who: { email: string; password: string }) => {
    const s = await browserSession(t.app, who.email, who.password);
    return (await t.app.inject({ method: 'GET', url: '/family', headers: { cookie: s.cookie } })).body;
  };

  it('answers a guardian with each of their children this season, and only theirs', async () => {
    const ana = await children(f.ana);
    expect(ana.map((c) => [c.firstName, c.division, c.team?.name])).toEqual([
      ['Leo', '12U', 'Others'],
      ['Mia', '10U', 'Comets'],
    ]);
    const mia = ana.find((c) => c.playerId === f.kids.mia)!;
    expect(mia.team!.coaches).toEqual([{ name: 'Hana Head' }, { name: 'Andy Assist' }]);
    expect((await children(f.ben)).map((c) => c.playerId)).toEqual([f.kids.mia]);
    expect((await children(f.cleo)).map((c) => c.playerId)).toEqual([f.kids.zoe]);
    expect(await children(f.nobody)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/children' })).statusCode).toBe(401);
  });

  it('a guardian made from a registration signs up with the address in another case: a link to set the password, then her child (team null: on no team)', async () => {
    const typed = f.dee.email.toUpperCase();
    const s = await browserSession(t.app);
    const signup = await postForm(t.app, '/signup', s, { firstName: 'Dee', lastName: 'Legacy', email: typed, password: 'a password of her own' });
    expect(signup.statusCode).toBe(200);
    expect(signup.body).toContain(`We sent a link to ${f.dee.email.toLowerCase()} to set your password`);
    const mail = await t.deps.db
      .selectFrom('outbox')
      .select(['to_address', 'body_text'])
      .where('kind', '=', 'password-reset')
      .where('to_address', '=', f.dee.email.toLowerCase())
      .executeTakeFirstOrThrow();
    const token = /\/reset\/([\w-]+)/.exec(mail.body_text)![1]!;
    const link = await browserSession(t.app);
    expect((await postForm(t.app, `/reset/${token}`, link, { password: 'her chosen password' })).statusCode).toBe(303);
    const dee = await browserSession(t.app, typed, 'her chosen password');
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/me/children', headers: { cookie: dee.cookie } });
    expect(r.json()).toEqual([{ playerId: f.kids.ivy, firstName: 'Ivy', lastName: 'Legacy', division: '10U', team: null }]);
    const people = await t.deps.db.selectFrom('people').select('id').where('first_name', '=', 'Dee').execute();
    expect(people.map((p) => p.id)).toEqual([f.dee.id]);
  });

  it('gives the practices (days, times, fields, next date) and the upcoming games with opponent and field', async () => {
    const mia = (await children(f.ana)).find((c) => c.playerId === f.kids.mia)!;
    expect(mia.team!.practices).toEqual([{ weekday: 1, day: 'Monday', start: '17:00', end: '18:00', field: expect.objectContaining({ id: 'richmond' }), next: '2026-09-21' }]);
    expect(mia.team!.games.map((g) => [g.date, g.time, g.field.id, g.opponent.name, g.home])).toEqual([
      ['2026-09-19', '09:00', 'richmond', 'Rockets', true],
      ['2026-09-26', '10:30', 'brett', 'Rockets', false],
    ]);
    const leo = (await children(f.ana)).find((c) => c.playerId === f.kids.leo)!;
    expect(leo.team).toMatchObject({ name: 'Others', practices: [], games: [] });
  });

  it('never answers an address nor another child', async () => {
    const text = JSON.stringify(await children(f.ana));
    for (const c of Object.values(f.coaches)) expect(text).not.toContain(c.email);
    expect(text).not.toMatch(/@/);
    expect(text).not.toContain('Zoe');
    const page = await pageOf(f.ana);
    for (const c of Object.values(f.coaches)) expect(page).not.toContain(c.email);
    expect(page).not.toContain('Zoe');
    expect(page).toContain('Hana Head');
  });

  it('says clearly on the page when no child is found, and lists the teammates’ first names only when the region allows it', async () => {
    const none = await pageOf(f.nobody);
    expect(none).toContain(`No child found for ${f.nobody.email}`);
    const stored = await getStoredConfig(t.deps.db);
    expect(stored.config.families?.showTeammatesFirstNames).toBe(false);
    const refused = await saveRegionConfig(t.deps.db, t.deps.clock, { id: null, name: 'test' }, { ...stored.config, families: { showTeammatesFirstNames: 'yes' } }, null).catch(
      (e) => e,
    );
    expect(refused.code).toBe('VALIDATION');
    await saveRegionConfig(t.deps.db, t.deps.clock, { id: null, name: 'test' }, { ...stored.config, families: { showTeammatesFirstNames: true } }, null);
    try {
      const page = await pageOf(f.ana);
      expect(page).toContain('Teammates');
      expect(page).toContain('Mia, Zoe');
      expect(page).not.toContain('Family</'); // Zoe's last name stays hidden
      expect(JSON.stringify(await children(f.ana))).not.toContain('Zoe');
    } finally {
      await saveRegionConfig(t.deps.db, t.deps.clock, { id: null, name: 'test' }, stored.config, null);
    }
  });

  it("gives the parent the team's calendar feed with its practices", async () => {
    const page = await pageOf(f.ana);
    const url = /webcal:\/\/[^"]+?(\/practice\/feeds\/[^"]+\.ics)/.exec(page)?.[1];
    expect(url).toBeTruthy();
    const feed = await t.app.inject({ method: 'GET', url: url! });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('SUMMARY:Comets practice');
    expect(feed.body).toContain('RRULE:FREQ=WEEKLY');
  });

  it("lets a guardian write to their child's coaches without seeing an address; others may not", async () => {
    const s = await browserSession(t.app, f.ben.email, f.ben.password);
    const post = (playerId: string, message: string) =>
      t.app.inject({
        method: 'POST',
        url: `/family/children/${playerId}/contact`,
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: s.csrf, message }).toString(),
      });
    const short = await post(f.kids.mia, 'Hi');
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('at least a sentence');
    expect((await post(f.kids.zoe, 'Can Zoe come early on Monday, please?')).statusCode).toBe(403);
    const sent = await post(f.kids.mia, 'Mia will miss practice on Monday, sorry.');
    expect(sent.statusCode).toBe(303);
    const mails = await t.deps.db.selectFrom('outbox').select(['to_address', 'reply_to', 'body_text']).where('kind', '=', 'family-to-coaches').orderBy('to_address').execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([f.coaches.head.email, f.coaches.assistant.email].sort());
    expect(mails.every((m) => m.reply_to === f.ben.email && m.body_text.includes('Mia will miss practice'))).toBe(true);
  });

  it("shows the notices sent to the team's families, not those to its staff nor other teams'", async () => {
    const send = (teamId: string, who: string, subject: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/messages',
        headers: f.coaches.head.bearer,
        payload: { audience: { kind: 'team', teamId, who }, subject, markdown: `**${subject}** today.` },
      });
    expect((await send(f.teams.comets, 'families', 'Bring water')).statusCode).toBe(201);
    expect((await send(f.teams.comets, 'staff', 'Coaches meeting')).statusCode).toBe(201);
    const page = await pageOf(f.ana);
    expect(page).toContain('Bring water');
    expect(page).toContain('<strong>Bring water</strong> today.');
    expect(page).not.toContain('Coaches meeting');
    expect(page.split('Bring water').length - 1).toBe(2); // once as the title, once in the body: only on Mia's card, not Leo's
    expect(await pageOf(f.nobody)).not.toContain('Bring water');
  });

  it('mails every guardian of the team, once, when a practice moves (a refused move mails nobody)', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/v1/practice/bookings/${f.practice.bookingId}/move`,
      headers: f.admin.bearer,
      payload: { slotId: f.practice.moveToSlotId },
    });
    expect(r.statusCode).toBe(200);
    const mails = await t.deps.db.selectFrom('outbox').select(['to_address', 'subject', 'body_text']).where('kind', '=', 'family-practice-moved').execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([f.ana.email, f.ben.email, f.cleo.email].sort());
    expect(mails[0]!.subject).toBe('Comets: practice moved to Thursdays 17:00-18:00 at Brett');
    expect(mails[0]!.body_text).toContain('instead of Mondays 17:00-18:00 at Richmond');
    for (const m of mails) for (const c of Object.values(f.coaches)) expect(m.body_text).not.toContain(c.email);
    const mia = (await children(f.ana)).find((c) => c.playerId === f.kids.mia)!;
    expect(mia.team!.practices.map((p) => [p.day, p.field.id])).toEqual([['Thursday', 'brett']]);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/practice/bookings/${f.practice.bookingId}/move`,
      headers: f.admin.bearer,
      payload: { slotId: f.practice.moveToSlotId },
    });
    expect(again.statusCode).toBe(409);
    expect(await t.deps.db.selectFrom('outbox').select('id').where('kind', '=', 'family-practice-moved').execute()).toHaveLength(3);
  });
});

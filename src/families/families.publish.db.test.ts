import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor, type TestActor } from '../testing/actors.js';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { SEASON, seedPlayers, tenUGirls } from '../teams/teams.testkit.js';

describe.each(testDialects())('the "teams published" mail to families on %s', (dialect) => {
  let t: TestApp;
  let admin: TestActor;
  let coaches: TestActor[];
  let mom: TestActor;
  let dad: TestActor;
  let sisters: string[];
  beforeAll(async () => {
    t = await openTestApp(dialect);
    admin = await makeActor(t.deps, ['coach-administrator']);
    coaches = [];
    for (const last of ['Adams', 'Baker']) {
      const c = await makeActor(t.deps, ['head-coach'], { seasonId: SEASON, division: '10U' });
      await t.deps.db.updateTable('people').set({ last_name: last }).where('id', '=', c.id).execute();
      coaches.push(c);
    }
    mom = await makeActor(t.deps);
    dad = await makeActor(t.deps);
    await seedPlayers(t.deps.db, SEASON, tenUGirls(14));
    sisters = await seedPlayers(t.deps.db, SEASON, [
      { first: 'Ann', last: 'Sister', rating: 5, guardianId: mom.id },
      { first: 'Bea', last: 'Sister', rating: 5, guardianId: mom.id },
    ]);
    for (const id of sisters) await t.deps.db.insertInto('player_guardians').values({ player_id: id, person_id: dad.id, is_primary: 0 }).execute();
  });
  afterAll(async () => t?.close());

  it("tells each guardian their children's team when the teams are published, once per team, without a coach's address", async () => {
    const post = (url: string, body: object) => t.app.inject({ method: 'POST', url, headers: admin.bearer, payload: body });
    const preview = await post('/api/v1/formations', { season: SEASON, division: '10U', program: 'girls', seed: 3 });
    expect(preview.statusCode).toBe(201);
    const published = await post(`/api/v1/formations/${preview.json().id}/publish`, {});
    expect(published.statusCode).toBe(200);
    const teams = published.json().teams as { id: string; name: string; playerIds: string[] }[];
    const mails = await t.deps.db.selectFrom('outbox').select(['to_address', 'subject', 'body_text']).where('kind', '=', 'family-team-published').execute();
    // Every guardian of the 16 players: 14 made by the seed, and the sisters' two parents.
    expect(new Set(mails.map((m) => m.to_address)).size).toBe(16);
    const sistersTeams = new Set(teams.filter((x) => x.playerIds.some((p) => sisters.includes(p))).map((x) => x.name));
    for (const parent of [mom, dad]) {
      const own = mails.filter((m) => m.to_address === parent.email);
      expect(own).toHaveLength(sistersTeams.size);
      expect(own.every((m) => [...sistersTeams].some((name) => m.body_text.includes(`on ${name}.`)))).toBe(true);
      expect(own.map((m) => m.body_text).join('\n')).toMatch(/Ann|Bea/);
    }
    for (const m of mails) {
      for (const c of coaches) expect(m.body_text).not.toContain(c.email);
      expect(m.body_text).toContain('http://localhost:3000/family');
    }
    const coachMails = await t.deps.db.selectFrom('outbox').select('to_address').where('kind', '=', 'teams-published').execute();
    expect(coachMails.map((m) => m.to_address).sort()).toEqual(coaches.map((c) => c.email).sort());
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { makeActor, type TestActor } from '../testing/actors.js';
import { seedTeam } from './messages.testkit.js';
import { familyNoticesOf } from './index.js';

const FALL = '2026-fall';

describe.each(testDialects())("the notices a team's families were sent (%s)", (dialect) => {
  let t: TestApp;
  let board: TestActor;
  const teams: Record<string, string> = {};

  beforeAll(async () => {
    t = await openTestApp(dialect);
    board = await makeActor(t.deps, ['coach-administrator']);
    for (const name of ['Comets', 'Rockets', 'Quiet']) teams[name] = await seedTeam(t.deps.db, { seasonId: FALL, division: '10U', name, head: (await makeActor(t.deps)).id });
    // Sent one minute apart, through the API as the board writes them.
    const send = async (teamId: string, who: string, subject: string) => {
      t.clock.advance(60_000);
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/messages',
        headers: board.bearer,
        payload: { audience: { who, teamId, kind: 'team' }, subject, markdown: `About ${subject}.` },
      });
      expect(r.statusCode, r.body).toBe(201);
    };
    await send(teams.Comets!, 'families', 'Comets 1');
    await send(teams.Comets!, 'staff', 'Comets coaches');
    await send(teams.Rockets!, 'families', 'Rockets 1');
    await send(teams.Comets!, 'families', 'Comets 2');
    await send(teams.Comets!, 'families', 'Comets 3');
    const all = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: board.bearer,
      payload: { audience: { kind: 'coaches' }, subject: 'All coaches', markdown: 'Hi.' },
    });
    expect(all.statusCode, all.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it("answers only the messages to these teams' families, newest first, with who sent them and when", async () => {
    const notices = await familyNoticesOf(t.deps.db, [teams.Comets!]);
    expect(notices.map((n) => n.subject)).toEqual(['Comets 3', 'Comets 2', 'Comets 1']);
    const me = await t.deps.db.selectFrom('people').select(['first_name', 'last_name']).where('id', '=', board.id).executeTakeFirstOrThrow();
    expect(notices[0]).toMatchObject({ teamId: teams.Comets, markdown: 'About Comets 3.', senderName: `${me.first_name} ${me.last_name}` });
    expect(notices[0]!.sentAt > notices[1]!.sentAt).toBe(true);
  });

  it("keeps each team's notices to that team, and a team nobody wrote to has none", async () => {
    const notices = await familyNoticesOf(t.deps.db, [teams.Rockets!, teams.Comets!, teams.Quiet!]);
    expect(notices.map((n) => [n.teamId === teams.Rockets ? 'Rockets' : n.teamId === teams.Comets ? 'Comets' : 'other', n.subject])).toEqual([
      ['Rockets', 'Rockets 1'],
      ['Comets', 'Comets 3'],
      ['Comets', 'Comets 2'],
      ['Comets', 'Comets 1'],
    ]);
    expect(await familyNoticesOf(t.deps.db, [])).toEqual([]);
  });

  it('answers at most perTeam notices a team, the newest', async () => {
    const notices = await familyNoticesOf(t.deps.db, [teams.Comets!, teams.Rockets!], 2);
    expect(notices.map((n) => n.subject)).toEqual(['Comets 3', 'Comets 2', 'Rockets 1']);
  });
});

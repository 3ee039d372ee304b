import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../platform/audit.js';
import { makeActor } from '../testing/actors.js';
import { testDialects, type TestApp } from '../testing/harness.js';
import { multipartBody } from '../training/training.testkit.js';
import { openTeamsApp, SEASON } from '../teams/teams.testkit.js';
import { importPlayers } from './import.service.js';
import { addPlayer, movePlayer, playerLines } from './players.service.js';
import { getRegionConfig } from '../region/index.js';
import { refusal } from '../testing/refusals.js';

const sample = readFileSync(new URL('./fixtures/players-export.tsv', import.meta.url));

const count = async (t: TestApp, table: 'players' | 'season_players' | 'ratings' | 'people' | 'player_guardians') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(testDialects())('players on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTeamsApp(dialect);
  });
  afterAll(async () => t.close());

  it('imports the messy sample export: every player, parent and rating, placed by birth date', async () => {
    const people = await count(t, 'people');
    const r = await importPlayers(t.deps, CLI_ACTOR, SEASON, sample, 'players-export.tsv');
    expect({ rows: r.rows, added: r.added, updated: r.updated, unchanged: r.unchanged, guardians: r.guardiansCreated, ratings: r.ratingsImported }).toEqual({
      rows: 40,
      added: 40,
      updated: 0,
      unchanged: 0,
      guardians: 40,
      ratings: 32,
    });
    expect(await count(t, 'people')).toBe(people + 40);
    // Born 2015 and 2016: 12 and 11 on 31 December 2027, the cut-off of MY2026, so 12U; the
    // export's "10U" (last year's placement) is reported, not followed.
    expect(r.notes).toHaveLength(40);
    expect(r.notes[0]).toBe('line 2: the export says "10U Girls"; by date of birth and gender Chloe Chen plays in 12U Girls.');
    const config = await getRegionConfig(t.deps.db);
    const girls = await playerLines(t.deps, config, SEASON, { division: '12U', program: 'girls' });
    const boys = await playerLines(t.deps, config, SEASON, { division: '12U', program: 'boys' });
    expect(girls.length + boys.length).toBe(40);
    const leo = boys.find((p) => p.externalId === '31800037')!;
    expect({ name: `${leo.firstName} ${leo.lastName}`, born: leo.birthDate, rating: leo.rating, parent: leo.guardians.map((g) => [g.firstName, g.lastName, g.email]) }).toEqual({
      name: 'Leo Rodríguez',
      born: '2016-01-02',
      rating: { seasonId: 'imported', rating: 1, ratedAt: '2026-09-15T17:00:00.000Z' },
      parent: [['Mark', 'Rodríguez', 'leo.1@example.org']],
    });
    expect(girls.find((p) => p.externalId === '31800185')!.rating).toBeNull();
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'players.import').execute();
    expect(audit).toEqual([{ action: 'players.import', entity_id: SEASON }]);
  });

  it('imports the same file again without adding anything twice', async () => {
    const before = await Promise.all((['players', 'season_players', 'ratings', 'people', 'player_guardians'] as const).map((x) => count(t, x)));
    const r = await importPlayers(t.deps, CLI_ACTOR, SEASON, sample, 'again.tsv');
    expect({ added: r.added, updated: r.updated, unchanged: r.unchanged, guardians: r.guardiansCreated, ratings: r.ratingsImported }).toEqual({
      added: 0,
      updated: 0,
      unchanged: 40,
      guardians: 0,
      ratings: 0,
    });
    expect(await Promise.all((['players', 'season_players', 'ratings', 'people', 'player_guardians'] as const).map((x) => count(t, x)))).toEqual(before);
  });

  it('updates a changed line and refuses a file with bad lines whole, listing every line', async () => {
    const text = sample.toString('utf8');
    const changed = text.replace('31800000\tChloe\tChen', '31800000\tChloé\tChen').replace('\t2\tYouth S', '\t4\tYouth S');
    const r = await importPlayers(t.deps, CLI_ACTOR, SEASON, Buffer.from(changed), 'changed.tsv');
    expect({ added: r.added, updated: r.updated, unchanged: r.unchanged }).toEqual({ added: 0, updated: 1, unchanged: 39 });
    const before = await Promise.all((['players', 'season_players', 'ratings', 'people'] as const).map((x) => count(t, x)));
    const lines = text.split('\r\n');
    lines[3] = lines[3]!.replace('12/22/2016', '13/45/2016');
    lines[5] = lines[5]!.replace('\tMale\t', '\tUnknown\t');
    lines[8] = lines[8]!.replace('\tRecreational\t5\t', '\tRecreational\t7\t');
    lines.push('99999999\tNew\tKid\t01/01/2017\tFemale\t10U Girls\tAna\tKid\tnew.kid@example.org\t1\tNone\t3\tYouth S');
    lines[1] = lines[1]!.replace('11/25/2016', '11/25/2001');
    const e = await refusal(importPlayers(t.deps, CLI_ACTOR, SEASON, Buffer.from(lines.join('\r\n')), 'bad.tsv'));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('nothing was imported');
    const errors = (e.details as { errors: string[] }).errors;
    expect(errors.map((x) => Number(/^line (\d+)/.exec(x)![1]))).toEqual([2, 4, 6, 9]);
    expect(errors[0]).toContain('born 2001-11-25: no division');
    expect(errors[2]).toContain('Gender "Unknown"');
    expect(errors[3]).toContain('outside the region');
    expect(await Promise.all((['players', 'season_players', 'ratings', 'people'] as const).map((x) => count(t, x)))).toEqual(before);
  });

  it('places a player entered by hand by birth date and gender, and refuses an age without a division', async () => {
    const a = await addPlayer(t.deps, CLI_ACTOR, SEASON, {
      firstName: 'Ana',
      lastName: 'Hand',
      birthDate: '2017-03-10',
      gender: 'F',
      goalkeeper: true,
      parent: { firstName: 'Rosa', lastName: 'Hand', email: 'Rosa.Hand@Example.org', phone: '310-555-0101' },
    });
    expect(a).toMatchObject({ division: '10U', program: 'girls' });
    const b = await addPlayer(t.deps, CLI_ACTOR, SEASON, {
      firstName: 'Ben',
      lastName: 'Small',
      birthDate: '2021-05-01',
      gender: 'M',
      goalkeeper: false,
      parent: { firstName: 'Rosa', lastName: 'Hand', email: 'rosa.hand@example.org' },
    });
    expect(b).toMatchObject({ division: '6U', program: 'coed' });
    const rosa = await t.deps.db.selectFrom('people').select(['id', 'phone']).where('email', '=', 'rosa.hand@example.org').execute();
    expect(rosa).toHaveLength(1);
    expect(rosa[0]!.phone).toBe('310-555-0101');
    const e = await refusal(
      addPlayer(t.deps, CLI_ACTOR, SEASON, {
        firstName: 'Old',
        lastName: 'Timer',
        birthDate: '2000-01-01',
        gender: 'M',
        goalkeeper: false,
        parent: { firstName: 'X', lastName: 'Y', email: 'xy@example.org' },
      }),
    );
    expect(e.message).toContain('no division');
    const twin = await refusal(
      addPlayer(t.deps, CLI_ACTOR, SEASON, {
        firstName: 'Ana',
        lastName: 'Hand',
        birthDate: '2017-03-10',
        gender: 'F',
        goalkeeper: false,
        parent: { firstName: 'Rosa', lastName: 'Hand', email: 'rosa.hand@example.org' },
      }),
    );
    expect(twin.code).toBe('CONFLICT');
  });

  it('moves a player with a reason (audited), and a later import keeps the move', async () => {
    const config = await getRegionConfig(t.deps.db);
    const chloe = (await playerLines(t.deps, config, SEASON, { division: '12U', program: 'girls' })).find((p) => p.externalId === '31800000')!;
    const noReason = await refusal(movePlayer(t.deps, CLI_ACTOR, SEASON, chloe.id, { division: '10U', program: 'girls', reason: ' ' }));
    expect(noReason.message).toContain('reason');
    await movePlayer(t.deps, { id: null, name: 'Coach Admin' }, SEASON, chloe.id, {
      division: '10U',
      program: 'girls',
      reason: 'Plays with her age group at the parents’ request',
    });
    const audit = await t.deps.db.selectFrom('audit_log').select(['before_json', 'after_json', 'actor_name']).where('action', '=', 'player.move').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ division: '12U', program: 'girls' });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ division: '10U', program: 'girls', reason: 'Plays with her age group at the parents’ request' });
    const r = await importPlayers(t.deps, CLI_ACTOR, SEASON, sample, 'again.tsv');
    expect(r.notes.some((n) => n.startsWith('line 2: Chloe Chen stays in 10U girls'))).toBe(true);
    const moved = (await playerLines(t.deps, config, SEASON, { division: '10U', program: 'girls' })).find((p) => p.id === chloe.id);
    expect(moved?.movedReason).toContain('age group');
  });

  it('serves the list and the import through the API, for the board only', async () => {
    const registrar = await makeActor(t.deps, ['registrar']);
    const coach = await makeActor(t.deps, ['head-coach'], { seasonId: SEASON, division: '12U' });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/players?season=${SEASON}&division=12U&program=boys`, headers: registrar.bearer });
    expect(list.statusCode).toBe(200);
    const leo = list.json().find((p: { externalId: string }) => p.externalId === '31800037');
    expect(leo).toMatchObject({
      firstName: 'Leo',
      rating: 1,
      ratingSeason: 'imported',
      guardians: [{ name: 'Mark Rodríguez', email: 'leo.1@example.org', primary: true }],
      teamId: null,
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/players?division=12U&program=boys', headers: coach.bearer })).statusCode).toBe(403);
    const body = multipartBody({ season: SEASON }, { fileName: 'export.tsv', contentType: 'text/tab-separated-values', data: sample });
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/players/import', headers: { ...registrar.bearer, 'content-type': body.contentType }, payload: body.payload });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ rows: 40, added: 0 });
    const bad = multipartBody({ season: SEASON }, { fileName: 'bad.csv', contentType: 'text/csv', data: Buffer.from('PlayerID,Name\n1,Ann\n') });
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/players/import', headers: { ...registrar.bearer, 'content-type': bad.contentType }, payload: bad.payload });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.errors[0]).toMatch(/^line 1: /);
  });
});

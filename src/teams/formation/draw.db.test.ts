import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../platform/audit.js';
import { seededRandom } from '../../platform/clock.js';
import { makeActor, type TestActor } from '../../testing/actors.js';
import { testDialects, type TestApp } from '../../testing/harness.js';
import type { Dialect } from '../../platform/db/database.js';
import { importPlayers } from '../../players/players.testkit.js';
import { openTeamsApp, SEASON } from '../teams.testkit.js';
import { previewFormation, publishFormation } from './formation.service.js';
import type { StoredFormation } from './formation.store.js';

const ADMIN = { id: null, name: 'Coach Admin' };
const fixture = readFileSync(new URL('../../players/fixtures/players-export.tsv', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'touchline-draw-'));

/** The registration file with its player lines in another order (a seeded shuffle). */
function shuffled(text: string, seed: number): string {
  const [head, ...lines] = text.split(/\r?\n/).filter((l) => l !== '');
  const r = seededRandom(seed);
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  return [head, ...lines].join('\r\n');
}

/**
 * A region made from the registration file: five 12U head coaches (one a parent of the file, two of
 * the same name), then the import.
 */
async function region(dialect: Dialect, file: string, coachesReversed: boolean): Promise<{ t: TestApp; admin: TestActor }> {
  const t = await openTeamsApp(dialect);
  const coaches = [
    { email: 'chloe.0@example.org', first: 'Priya', last: 'Chen' },
    { email: 'ann.coach@example.org', first: 'Ann', last: 'Able' },
    { email: 'bob.coach@example.org', first: 'Bob', last: 'Able' },
    { email: 'zoe.coach@example.org', first: 'Zed', last: 'Adams' },
    { email: 'zed.coach@example.org', first: 'Zed', last: 'Adams' },
  ];
  for (const c of coachesReversed ? [...coaches].reverse() : coaches) {
    const a = await makeActor(t.deps, ['head-coach'], { seasonId: SEASON, division: '12U', email: c.email });
    await t.deps.db.updateTable('people').set({ first_name: c.first, last_name: c.last }).where('id', '=', a.id).execute();
  }
  await importPlayers(t.deps, CLI_ACTOR, SEASON, Buffer.from(file), 'players-export.tsv');
  const admin = await makeActor(t.deps, ['coach-administrator']);
  return { t, admin };
}

/** The teams of a formation by what people see: team name -> sorted player names. */
async function teamsByName(t: TestApp, f: StoredFormation): Promise<Record<string, string[]>> {
  const players = await t.deps.db.selectFrom('players').select(['id', 'first_name', 'last_name']).execute();
  const name = new Map(players.map((p) => [p.id, `${p.first_name} ${p.last_name}`]));
  return Object.fromEntries(
    f.record.teams.map((team) => [
      `${team.name} / ${team.coachName}`,
      f.assignments
        .filter((a) => a.teamId === team.key)
        .map((a) => name.get(a.playerId)!)
        .sort(),
    ]),
  );
}

const draws = new Map<Dialect, Record<string, string[]>>();

const verify = (args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/touchline.js', 'teams', 'verify', ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, DATABASE_URL: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe.each(testDialects())('the draw on %s', { timeout: 180_000 }, (dialect) => {
  let a: { t: TestApp; admin: TestActor };
  let b: { t: TestApp; admin: TestActor };
  let fa: StoredFormation;
  beforeAll(async () => {
    a = await region(dialect, fixture, false);
    b = await region(dialect, shuffled(fixture, 7), true);
  });
  afterAll(async () => {
    await a?.t.close();
    await b?.t.close();
  });

  it('gives the same teams from two fresh databases, whatever the order of the registration file and of the coaches', async () => {
    fa = await previewFormation(a.t.deps, ADMIN, { seasonId: SEASON, division: '12U', program: 'girls', seed: 2026 });
    const fb = await previewFormation(b.t.deps, ADMIN, { seasonId: SEASON, division: '12U', program: 'girls', seed: 2026 });
    const teams = await teamsByName(a.t, fa);
    expect(Object.values(teams).flat()).toHaveLength(19);
    expect(await teamsByName(b.t, fb)).toEqual(teams);
    expect(fb.record.digest).toBe(fa.record.digest);
    // The coach's child (Chloe Chen, whose parent Priya Chen is a head coach) is on her parent's team.
    const chen = Object.entries(teams).find(([k]) => k.endsWith('Priya Chen'))!;
    expect(chen[1]).toContain('Chloe Chen');
    expect(Object.keys(teams)).toEqual(['12U Girls 1 (Adams) / Zed Adams', '12U Girls 2 (Chen) / Priya Chen']);
    draws.set(dialect, teams);
    const other = await previewFormation(a.t.deps, ADMIN, { seasonId: SEASON, division: '12U', program: 'girls', seed: 2027 });
    expect(await teamsByName(a.t, other)).not.toEqual(teams);
    fa = await previewFormation(a.t.deps, ADMIN, { seasonId: SEASON, division: '12U', program: 'girls', seed: 2026 });
  });

  it('gives the same teams on SQLite and PostgreSQL', () => {
    if (draws.size < 2) return;
    expect(draws.get('postgres')).toEqual(draws.get('sqlite'));
  });

  it('keeps a draw record on publishing, whose files the verify command re-runs to exactly these teams', async () => {
    await publishFormation(a.t.deps, ADMIN, fa.id);
    const row = await a.t.deps.db.selectFrom('draw_records').selectAll().where('formation_id', '=', fa.id).executeTakeFirstOrThrow();
    expect({ seed: Number(row.seed), digest: row.digest, engine: Number(row.engine_version) > 0 }).toEqual({ seed: 2026, digest: fa.record.digest, engine: true });
    const get = (file: string, who = a.admin) => a.t.app.inject({ method: 'GET', url: `/teams/formations/${fa.id}/draw/${file}`, headers: who.bearer });
    const files: Record<string, string> = {};
    for (const file of ['P.csv', 'T.csv', 'A.csv']) {
      const res = await get(file);
      expect(res.statusCode, file).toBe(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${file}"`);
      files[file] = res.body;
      writeFileSync(join(dir, `${dialect}-${file}`), res.body);
    }
    expect(
      createHash('sha256')
        .update(files['P.csv']! + files['T.csv']!)
        .digest('hex'),
    ).toBe(fa.record.digest);
    expect(files['P.csv']!.split('\r\n')[0]).toBe('player_id,division,gender,birth_date,rating,coach_child_of,goalkeeper');
    expect(files['P.csv']).toContain('\r\n31800000,12U-girls,F,2016-11-25,2,2,\r\n');
    // The boys take the first two by name (Ann and Bob Able); of the two coaches named Zed Adams the
    // girls get the first by email (zed.coach), in any database and whichever was registered first.
    expect(files['T.csv']).toBe('division,team_id,coach_id\r\n12U-girls,1,zed.coach@example.org\r\n12U-girls,2,chloe.0@example.org\r\n');
    const api = await a.t.app.inject({ method: 'GET', url: `/api/v1/formations/${fa.id}/draw/A.csv`, headers: a.admin.bearer });
    expect(api.body).toBe(files['A.csv']);
    const coach = await makeActor(a.t.deps, ['head-coach'], { seasonId: SEASON, division: '12U' });
    expect((await get('P.csv', coach)).statusCode).toBe(403);
    expect((await get('X.csv')).statusCode).toBe(404);

    const args = ['--players', join(dir, `${dialect}-P.csv`), '--teams', join(dir, `${dialect}-T.csv`), '--seed', '2026', '--assign', join(dir, `${dialect}-A.csv`)];
    const ok = verify(args);
    expect(ok.err).toBe('');
    expect(ok.out).toMatch(/^Identical: seed 2026 gives exactly the teams of .*A\.csv \(19 players on 2 teams; engine version \d+\)/);
    expect(ok.code).toBe(0);
    const wrong = verify(args.map((x) => (x === '2026' ? '2027' : x)));
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/^Different: seed 2027 does not give the teams of .*A\.csv: \d+ player\(s\) differ/);
    expect(wrong.out).toMatch(/player \d+: the draw puts them on team \d, the assignment on team \d\./);
  });

  it('shows how the teams were drawn on a public page and API: seed, digest and figures, and no child’s name', async () => {
    const page = await a.t.app.inject({ method: 'GET', url: `/teams/draws/${SEASON}/12U/girls` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('How these teams were drawn');
    expect(page.body).toContain(fa.record.digest);
    expect(page.body).toContain('<code>2026</code>');
    expect(page.body).toContain('touchline teams verify --players P.csv --teams T.csv --seed 2026 --assign A.csv');
    const names = await a.t.deps.db.selectFrom('players').select(['first_name', 'last_name']).execute();
    for (const n of names) {
      expect(page.body).not.toContain(n.first_name);
      expect(page.body).not.toContain(`${n.last_name},`);
    }
    const api = await a.t.app.inject({ method: 'GET', url: `/api/v1/teams/draws/${SEASON}/12U/girls` });
    expect(api.statusCode).toBe(200);
    const d = api.json();
    expect({ seed: d.seed, digest: d.digest, players: d.figures.players, teams: d.figures.teams.length }).toEqual({ seed: 2026, digest: fa.record.digest, players: 19, teams: 2 });
    expect(d.figures.spread).toBeGreaterThanOrEqual(d.figures.lowerBound);
    for (const n of names) expect(api.body).not.toContain(n.first_name);
    const list = await a.t.app.inject({ method: 'GET', url: `/api/v1/teams/draws?season=${SEASON}` });
    expect(list.json().map((x: { division: string; program: string }) => `${x.division} ${x.program}`)).toEqual(['12U girls']);
    const index = await a.t.app.inject({ method: 'GET', url: `/teams/draws?season=${SEASON}` });
    expect(index.body).toContain(`href="/teams/draws/${SEASON}/12U/girls"`);
    const none = await a.t.app.inject({ method: 'GET', url: `/api/v1/teams/draws/${SEASON}/12U/boys` });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toContain('not published');
    const division = await a.t.app.inject({ method: 'GET', url: `/teams/divisions/12U/girls?season=${SEASON}`, headers: a.admin.bearer });
    expect(division.body).toContain(`href="/teams/draws/${SEASON}/12U/girls"`);
    expect(division.body).toContain(`/teams/formations/${fa.id}/draw/P.csv`);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'touchline-teams-'));
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/touchline.js', 'teams', 'form', ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, DATABASE_URL: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

function files(players: string[], teams: string[]) {
  writeFileSync(join(dir, 'P.csv'), ['player_id,division,gender,birth_date,rating,coach_child_of,goalkeeper', ...players].join('\n'));
  writeFileSync(join(dir, 'T.csv'), ['division,team_id,coach_id', ...teams].join('\n'));
  return ['--players', join(dir, 'P.csv'), '--teams', join(dir, 'T.csv'), '--out', join(dir, 'A.csv')];
}

describe('touchline teams form', { timeout: 120_000 }, () => {
  it('forms balanced teams from the two files, the same for the same seed', () => {
    const players = Array.from(
      { length: 20 },
      (_, i) => `p${i},10U,${i % 2 ? 'F' : 'M'},2017-0${1 + (i % 9)}-15,${i % 5 === 0 ? '' : 1 + (i % 5)},${i === 3 ? 't1' : ''},${i % 7 === 0 ? 'Y' : ''}`,
    );
    const args = files(players, ['10U,t1,c1', '10U,t2,c2']);
    const r = run([...args, '--seed', '42', '--report', join(dir, 'R.json')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Formed 2 teams from 20 players');
    const a = readFileSync(join(dir, 'A.csv'), 'utf8').trim().split(/\r?\n/);
    expect(a[0]).toBe('player_id,team_id');
    expect(a).toHaveLength(21);
    expect(a).toContain('p3,t1');
    const sizes = ['t1', 't2'].map((t) => a.filter((l) => l.endsWith(`,${t}`)).length);
    expect(sizes).toEqual([10, 10]);
    const report = JSON.parse(readFileSync(join(dir, 'R.json'), 'utf8'));
    expect(report.divisions[0].rating.spread).toBeGreaterThanOrEqual(report.divisions[0].rating.lowerBound);
    run([...args, '--seed', '42']);
    expect(readFileSync(join(dir, 'A.csv'), 'utf8').trim().split(/\r?\n/)).toEqual(a);
  });

  it('refuses bad files with line numbers and reasons, writing nothing', () => {
    const args = files(['p1,10U,X,2017-01-01,3,,', 'p2,10U,M,2017-02-30,9,,', 'p3,10U,F,2017-01-01,2,t9,'], ['10U,t1,c1']);
    const r = run([...args, '--seed', '1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nothing was formed');
    expect(r.err).toMatch(/line 2: .*gender/i);
    expect(r.err).toMatch(/line 3: /);
    expect(r.err).toMatch(/line 4: .*t9/);
  });

  it('refuses an impossible request with a clear reason', () => {
    const players = Array.from({ length: 4 }, (_, i) => `p${i},10U,M,2017-01-01,3,t1,`);
    const r = run([...files(players, ['10U,t1,c1', '10U,t2,c2']), '--seed', '1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot be formed');
    expect(run([...files(players, ['10U,t1,c1']), '--seed', 'abc']).code).toBe(2);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'touchline-teams-'));
const touchline = (command: string, args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/touchline.js', 'teams', command, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, DATABASE_URL: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const run = (args: string[]) => touchline('form', args);
const verify = (args: string[]) => touchline('verify', args);

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

  it('verifies a draw: exit 0 when the files and seed give exactly the assignment, 1 with the differences when not', () => {
    const players = Array.from(
      { length: 24 },
      (_, i) => `p${String(i).padStart(2, '0')},10U,${i % 3 ? 'M' : 'F'},2017-0${1 + (i % 9)}-15,${1 + (i % 5)},${i === 5 ? 't2' : ''},${i % 6 === 0 ? 'Y' : ''}`,
    );
    const args = files(players, ['10U,t1,c1', '10U,t2,c2', '10U,t3,c3']);
    expect(run([...args, '--seed', '9']).code).toBe(0);
    const a = readFileSync(join(dir, 'A.csv'), 'utf8');
    const inputs = args.slice(0, 4);
    const assign = ['--assign', join(dir, 'A.csv')];
    const ok = verify([...inputs, '--seed', '9', ...assign]);
    expect(ok).toEqual({
      code: 0,
      out: expect.stringMatching(/^Identical: seed 9 gives exactly the teams of .*A\.csv \(24 players on 3 teams; engine version \d+\)\.\n$/),
      err: '',
    });

    // The same rows in another order are the same draw: the offline command ignores row order.
    const shuffledArgs = files([...players].reverse(), ['10U,t3,c3', '10U,t1,c1', '10U,t2,c2']);
    expect(verify([...shuffledArgs.slice(0, 4), '--seed', '9', ...assign]).code).toBe(0);

    // Two players swapped between teams: named, with the team the draw gives each.
    const lines = a.trim().split(/\r?\n/);
    const [first, last] = [lines.findIndex((l) => l.endsWith(',t1')), lines.findIndex((l) => l.endsWith(',t3'))];
    const [p1, p3] = [lines[first]!.split(',')[0], lines[last]!.split(',')[0]];
    lines[first] = `${p1},t3`;
    lines[last] = `${p3},t1`;
    writeFileSync(join(dir, 'A2.csv'), lines.join('\n'));
    const bad = verify([...inputs, '--seed', '9', '--assign', join(dir, 'A2.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('2 player(s) differ');
    expect(bad.out).toContain(`player ${p1}: the draw puts them on team t1, the assignment on team t3.`);
    expect(bad.out).toContain(`player ${p3}: the draw puts them on team t3, the assignment on team t1.`);
    expect(verify([...inputs, '--seed', '10', ...assign]).code).toBe(1);

    writeFileSync(join(dir, 'A3.csv'), `player_id,team_id\n${lines.slice(1, -1).join('\n')}\nstranger,t1\n`);
    const partial = verify([...inputs, '--seed', '9', '--assign', join(dir, 'A3.csv')]);
    expect(partial.code).toBe(1);
    expect(partial.out).toMatch(/player p\d+: drawn onto a team, but missing from the assignment\./);
    expect(partial.out).toContain('player stranger: in the assignment, but not in the players file.');
  });

  it('refuses an assignment file it cannot read, with line numbers, verifying nothing', () => {
    const args = files(['p1,10U,M,2017-01-01,3,,', 'p2,10U,F,2017-01-01,2,,'], ['10U,t1,c1']);
    writeFileSync(join(dir, 'A4.csv'), 'player_id,team_id\np1,t1\np1,t1\n,t1\n');
    const r = verify([...args.slice(0, 4), '--seed', '1', '--assign', join(dir, 'A4.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('has 2 problem(s); nothing was verified');
    expect(r.err).toContain('line 3: player_id p1 is already on line 2.');
    expect(r.err).toContain('line 4: player_id is empty.');
    writeFileSync(join(dir, 'A5.csv'), 'player,team\np1,t1\n');
    expect(verify([...args.slice(0, 4), '--seed', '1', '--assign', join(dir, 'A5.csv')]).err).toMatch(/player_id/);
    expect(verify([...args.slice(0, 4), '--seed', '1', '--assign', join(dir, 'missing.csv')]).err).toContain('does not exist');
  });
});

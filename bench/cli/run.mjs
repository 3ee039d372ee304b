// The command line's own cost: `touchline teams form` on a 40-player file against a bare Node script
// making the same draw (bench/cli/bare.mjs: the engine and the CSV readers from dist/, nothing else),
// with `teams verify`, `region export` and Node alone beside them. Each repetition runs every command
// once, one after the other, so a busy machine slows them alike. The figures are medians of wall time
// (spawnSync, from start to exit) and of each process's own CPU time (bench/cli/cpu.mjs, preloaded
// into every command alike), which a loaded machine inflates far less. A repetition during which
// dist/ was rebuilt (someone edited a source) is run again. Plain Node, no dependencies.
// Run: node bench/cli/run.mjs [repetitions, default 15]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../../scripts/build.js';

const AIM = 2;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const reps = Number(process.argv[2] ?? 15);
if (!Number.isInteger(reps) || reps < 1) {
  console.error('usage: node bench/cli/run.mjs [repetitions, a whole number of at least 1]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'touchline-bench-cli-'));
const file = (name) => join(dir, name);

// 40 players of one division in four teams: ratings 1 to 5 and some new (unrated), girls and boys,
// two coaches' children, a few goalkeepers. The same every run.
const players = Array.from({ length: 40 }, (_, i) => {
  const child = i === 3 ? 't1' : i === 17 ? 't3' : '';
  return `p${i + 1},10U,${i % 3 ? 'M' : 'F'},2016-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')},${i % 6 === 0 ? '' : 1 + ((i * 7) % 5)},${child},${i % 9 === 0 ? 'Y' : ''}`;
});
writeFileSync(file('P.csv'), `player_id,division,gender,birth_date,rating,coach_child_of,goalkeeper\n${players.join('\n')}\n`);
writeFileSync(file('T.csv'), 'division,team_id,coach_id\n10U,t1,c1\n10U,t2,c2\n10U,t3,c3\n10U,t4,c4\n');

const env = { ...process.env, DATABASE_URL: '', TOUCHLINE_DB: file('bench.db') };
const bin = join(root, 'bin', 'touchline.js');
const draw = ['--players', file('P.csv'), '--teams', file('T.csv'), '--seed', '7'];
const commands = [
  { label: 'node alone (node -e "")', args: ['-e', ''] },
  { label: 'bare script (engine + CSV from dist/)', args: [join(root, 'bench', 'cli', 'bare.mjs'), file('P.csv'), file('T.csv'), '7', file('bare.csv')] },
  { label: 'touchline teams form', args: [bin, 'teams', 'form', ...draw, '--out', file('A.csv')] },
  { label: 'touchline teams verify', args: [bin, 'teams', 'verify', ...draw, '--assign', file('A.csv')] },
  { label: 'touchline region export (SQLite)', args: [bin, 'region', 'export', '--out', file('region.json')] },
];

const cpuHook = join(root, 'bench', 'cli', 'cpu.mjs');

/** Runs one command: its wall time and its own CPU time, in milliseconds. */
function run(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', cpuHook, ...args], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: Number(r.output[3]) / 1000 };
}

const stampFile = join(root, 'dist', '.stamp');
const stamp = () => (existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

try {
  // Untimed: build dist/ if a source changed, make the database, and warm the file cache once.
  await ensureBuilt();
  spawnSync(process.execPath, [bin, 'migrate'], { cwd: root, env, stdio: 'ignore' });
  for (const c of commands) run(c.args);
  const samples = commands.map(() => []);
  let rebuilt = 0;
  while (samples[0].length < reps) {
    // An edit of a source between repetitions is built here, not inside a timed command.
    await ensureBuilt();
    const before = stamp();
    const one = commands.map((c) => run(c.args));
    if (stamp() !== before) {
      if (++rebuilt > 3 * reps) throw new Error('dist/ was rebuilt during most repetitions: run the bench while nobody edits the sources.');
      continue;
    }
    one.forEach((m, k) => {
      samples[k].push(m);
    });
  }
  const wall = samples.map((xs) => median(xs.map((m) => m.wall)));
  const cpu = samples.map((xs) => median(xs.map((m) => m.cpu)));
  console.log(`bench/cli: ${reps} repetitions${rebuilt ? ` (${rebuilt} more run again: dist/ was rebuilt meanwhile)` : ''}, medians; Node ${process.version}`);
  console.log(`  ${'command'.padEnd(40)} ${'wall'.padStart(8)} ${'× bare'.padStart(7)} ${'CPU'.padStart(8)} ${'× bare'.padStart(7)}`);
  commands.forEach((c, k) => {
    const cells = [
      `${wall[k].toFixed(0)} ms`.padStart(8),
      (wall[k] / wall[1]).toFixed(2).padStart(7),
      `${cpu[k].toFixed(0)} ms`.padStart(8),
      (cpu[k] / cpu[1]).toFixed(2).padStart(7),
    ];
    console.log(`  ${c.label.padEnd(40)} ${cells.join(' ')}`);
  });
  const ratio = wall[2] / wall[1];
  const cpuRatio = cpu[2] / cpu[1];
  console.log(`aim: teams form under ${AIM} × the bare script's time`);
  console.log(`  wall time: ${ratio.toFixed(2)} × (${wall[2].toFixed(0)} ms against ${wall[1].toFixed(0)} ms): ${ratio < AIM ? 'met' : 'NOT met'}`);
  console.log(`  CPU time:  ${cpuRatio.toFixed(2)} × (${cpu[2].toFixed(0)} ms against ${cpu[1].toFixed(0)} ms): ${cpuRatio < AIM ? 'met' : 'NOT met'}`);
  process.exitCode = ratio < AIM && cpuRatio < AIM ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

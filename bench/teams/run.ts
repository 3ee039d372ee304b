/**
 * Team formation benchmark: forms a generated 5,000-player region with the engine and with three
 * baselines, and prints per division the rating spread against its lower bound, the standard
 * deviation of team mean ratings and the spreads of the balanced counts, then a summary with the
 * time for the whole region. Run: npx tsx bench/teams/run.ts [regionSeed] [drawSeed]
 */
import { performance } from 'node:perf_hooks';
import type { Assignment, FormationFigures, FormationOptions, RatingObjective, RegionPlayer, RegionTeam } from '../../src/teams/index.js';
import { DEFAULT_RATING_SCALE, divisionSeed, evaluateFormation, formRegion, greedyWeakest, randomDeal, snakeDraft } from '../../src/teams/index.js';
import { generateRegion } from './generate.js';

type Method = 'engine' | 'random' | 'snake' | 'greedy';
const BASELINES = { random: randomDeal, snake: snakeDraft, greedy: greedyWeakest } as const;

interface Division {
  name: string;
  players: RegionPlayer[];
  teams: RegionTeam[];
  options: FormationOptions;
}

interface Row {
  fig: FormationFigures;
  proven: boolean;
}

function divisionsOf(players: RegionPlayer[], teams: RegionTeam[], seed: number, objective: RatingObjective): Division[] {
  const names = [...new Set(players.map((p) => p.division))].sort();
  return names.map((name) => {
    const ps = players.filter((p) => p.division === name);
    const coed = ps.some((p) => p.gender === 'F') && ps.some((p) => p.gender === 'M');
    const options = { seed: divisionSeed(seed, name), objective, scale: DEFAULT_RATING_SCALE, coed };
    return { name, players: ps, teams: teams.filter((t) => t.division === name), options };
  });
}

/** Forms the region 6 times: the first run is cold (as in one CLI call), the others warm. */
function timeEngine(players: RegionPlayer[], teams: RegionTeam[], seed: number, objective: RatingObjective) {
  const times: number[] = [];
  const cpu: number[] = [];
  const once = () => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = formRegion(players, teams, { seed, objective, scale: DEFAULT_RATING_SCALE });
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
    return r;
  };
  const result = once();
  for (let run = 1; run < 6; run++) once();
  return { result, times, cpu };
}

function baselineRows(divs: Division[], method: keyof typeof BASELINES): { rows: Row[]; ms: number } {
  const t0 = performance.now();
  const deals: Assignment[][] = divs.map((d) => BASELINES[method](d.players, d.teams, d.options));
  const ms = performance.now() - t0;
  const rows = divs.map((d, i) => {
    const fig = evaluateFormation(d.players, d.teams, d.options, deals[i]!);
    return { fig, proven: fig.reachesBound };
  });
  return { rows, ms };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const maxYears = (f: FormationFigures) => Math.max(0, ...Object.values(f.counts.birthYears));
const countsWithinOne = (f: FormationFigures) => f.counts.girls <= 1 && f.counts.unrated <= 1 && f.counts.keepers <= 1 && maxYears(f) <= 1;
const fmt = (x: number, w: number, digits = 3) => x.toFixed(digits).padStart(w);
const pad = (x: string | number, w: number) => String(x).padStart(w);

function printDivisionTable(divs: Division[], byMethod: Record<Method, Row[]>): void {
  console.log(
    `${'division'.padEnd(10)} ${pad('n', 4)} ${pad('k', 3)} ${pad('bound', 7)} | ${pad('engine', 7)} ${pad('sd', 6)} girls unr keep yrs ok  | ` +
      `${pad('random', 7)} ${pad('sd', 6)} | ${pad('snake', 7)} ${pad('sd', 6)} | ${pad('greedy', 7)} ${pad('sd', 6)}`,
  );
  divs.forEach((d, i) => {
    const e = byMethod.engine[i]!;
    const f = e.fig;
    const ok = (f.reachesBound ? 'LB' : e.proven ? 'opt' : '--') + (f.countsEven ? '+' : '');
    const base = (['random', 'snake', 'greedy'] as const).map((m) => `${fmt(byMethod[m][i]!.fig.spread, 7)} ${fmt(byMethod[m][i]!.fig.meanStdDev, 6)}`);
    console.log(
      `${d.name.padEnd(10)} ${pad(d.players.length, 4)} ${pad(d.teams.length, 3)} ${fmt(f.lowerBound, 7)} | ${fmt(f.spread, 7)} ${fmt(f.meanStdDev, 6)} ` +
        `${pad(f.counts.girls, 5)} ${pad(f.counts.unrated, 3)} ${pad(f.counts.keepers, 4)} ${pad(maxYears(f), 3)} ${ok.padEnd(3)} | ${base.join(' | ')}`,
    );
  });
}

function summaryLine(method: Method, rows: Row[], ms: string): string {
  const figs = rows.map((r) => r.fig);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const max = (xs: number[]) => Math.max(...xs);
  return (
    `${method.padEnd(7)} ${pad(`${figs.filter((f) => f.reachesBound).length}/${figs.length}`, 6)} ${pad(`${rows.filter((r) => r.proven).length}/${rows.length}`, 6)} ` +
    `${fmt(mean(figs.map((f) => f.spread)), 8)} ${fmt(max(figs.map((f) => f.spread)), 7)} ${fmt(mean(figs.map((f) => f.meanStdDev)), 7)} ` +
    `${pad(`${figs.filter(countsWithinOne).length}/${figs.length}`, 9)} ${pad(`${figs.filter((f) => f.countsEven).length}/${figs.length}`, 6)} ` +
    `${pad(max(figs.map((f) => f.counts.girls)), 5)} ${pad(max(figs.map((f) => f.counts.unrated)), 4)} ${pad(max(figs.map((f) => f.counts.keepers)), 5)} ${pad(max(figs.map(maxYears)), 4)}   ${ms}`
  );
}

function runObjective(players: RegionPlayer[], teams: RegionTeam[], seed: number, objective: RatingObjective, table: boolean): void {
  const divs = divisionsOf(players, teams, seed, objective);
  const { result, times, cpu } = timeEngine(players, teams, seed, objective);
  const byMethod = { engine: result.divisions.map((d) => ({ fig: d as FormationFigures, proven: d.provenOptimal })) } as Record<Method, Row[]>;
  const ms: Record<string, string> = {
    engine:
      `wall ${times[0]!.toFixed(0)} ms cold, ${median(times.slice(1)).toFixed(0)} ms warm; ` +
      `cpu ${cpu[0]!.toFixed(0)} ms cold, ${median(cpu.slice(1)).toFixed(0)} ms warm (wall runs: ${times.map((t) => t.toFixed(0)).join(', ')})`,
  };
  for (const m of ['random', 'snake', 'greedy'] as const) {
    const b = baselineRows(divs, m);
    byMethod[m] = b.rows;
    ms[m] = `${b.ms.toFixed(0)} ms`;
  }
  console.log(`\n=== objective ${objective}: spread = max - min of team ${objective === 'mean' ? 'mean ratings' : 'rating sums'} ===`);
  if (table) printDivisionTable(divs, byMethod);
  console.log(`\nmethod  on LB  proven  mean spr  max spr  mean sd  counts<=1   even girls  unr  keep  yrs   time (whole region)`);
  for (const m of ['engine', 'random', 'snake', 'greedy'] as const) console.log(summaryLine(m, byMethod[m], ms[m]!));
}

const regionSeed = Number(process.argv[2] ?? 2025);
const drawSeed = Number(process.argv[3] ?? 7);
const region = generateRegion(regionSeed);
const unrated = region.players.filter((p) => p.rating === null).length;
const pinned = region.players.filter((p) => p.coachChildOf !== null).length;
console.log(
  `Touchline team formation bench: region seed ${regionSeed}, draw seed ${drawSeed}, ${region.divisions.length} divisions, ` +
    `${region.players.length} players, ${region.teams.length} teams, ${unrated} unrated, ${pinned} coach's children; scale 1-5`,
);
runObjective(region.players, region.teams, drawSeed, 'mean', true);
runObjective(region.players, region.teams, drawSeed, 'sum', process.argv.includes('--sum-table'));
console.log(
  '\nLB = on the lower bound, opt = proven optimal by exhaustive search, -- = neither; + = counts as even as coach children allow.\n' +
    'Counts (girls, unrated, keepers, birth years): max - min over teams. counts<=1: divisions with all counts within one;\n' +
    'even: divisions where every count is as even as the coach children on the teams allow. cpu = process CPU time (all threads).',
);

/**
 * Team formation on decimal rating steps: 250-player divisions whose ratings average several
 * evaluators onto steps of 0.5, 0.25 and 0.1 (and whole numbers, for comparison), several team
 * counts each. Prints per case the lower bound of the rating spread, the engine's spread and
 * standard deviation of team means with its time, and the same for a simple reference search
 * (random restarts with swap hill climbing on the standard deviation itself); then the
 * 5,000-player region of run.ts with its ratings averaged onto a 0.1 step.
 * Run: npx tsx bench/teams/run-decimal.ts [restarts] [drawSeed]
 */
import { performance } from 'node:perf_hooks';
import type { FormationFigures, FormationOptions, RegionPlayer, RegionTeam } from '../../src/teams/index.js';
import { divisionSeed, evaluateFormation, formRegion } from '../../src/teams/index.js';
import { averagedRegion, decimalDivision, scaleOf } from './decimal.js';
import { generateRegion } from './generate.js';
import { referenceSearch } from './reference.js';

const STEPS = [1, 0.5, 0.25, 0.1];
const TEAM_COUNTS = [8, 12, 17, 21, 25];
const PLAYERS = 250;

const restarts = Number(process.argv[2] ?? 20);
const drawSeed = Number(process.argv[3] ?? 7);

const fmt = (x: number, w: number, digits = 5) => x.toFixed(digits).padStart(w);
const pad = (x: string | number, w: number) => String(x).padStart(w);

const sizes = (teams: ReadonlyArray<{ size: number }>) => {
  const all = teams.map((t) => t.size);
  return `${Math.min(...all)}-${Math.max(...all)}`;
};

interface Totals {
  cases: number;
  engineOnBound: number;
  engineAtOrBelowRef: number;
  refOnBound: number;
  engineSd: number;
  refSd: number;
  engineMs: number;
  refMs: number;
}

function formOne(players: RegionPlayer[], teams: RegionTeam[], step: number, seed: number) {
  const t0 = performance.now();
  const result = formRegion(players, teams, { seed, scale: scaleOf(step) });
  return { division: result.divisions[0]!, ms: performance.now() - t0 };
}

function runCase(step: number, k: number, caseSeed: number, totals: Totals): void {
  const c = decimalDivision(caseSeed, PLAYERS, k, step);
  const options: FormationOptions = { seed: divisionSeed(drawSeed, c.name), scale: scaleOf(step), coed: true };
  const engine = formOne(c.players, c.teams, step, drawSeed);
  const t0 = performance.now();
  const refDeal = referenceSearch(c.players, c.teams, options.scale, options.seed, restarts);
  const refMs = performance.now() - t0;
  const ref: FormationFigures = evaluateFormation(c.players, c.teams, options, refDeal);
  const e = engine.division;
  const mark = e.reachesBound ? 'LB' : e.provenOptimal ? 'opt' : '--';
  const verdict = e.meanStdDev <= ref.meanStdDev + 1e-9 ? (e.meanStdDev < ref.meanStdDev - 1e-9 ? 'better' : 'same') : 'WORSE';
  console.log(
    `${pad(step, 5)} ${pad(k, 3)} ${pad(sizes(e.teams), 6)} ${fmt(e.lowerBound, 8)} | ` +
      `${fmt(e.spread, 8)} ${fmt(e.meanStdDev, 8)} ${mark.padEnd(3)} ${e.countsEven ? 'even' : '    '} ${pad(engine.ms.toFixed(0), 6)} | ` +
      `${fmt(ref.spread, 8)} ${fmt(ref.meanStdDev, 8)} ${(ref.reachesBound ? 'LB' : '--').padEnd(3)} ${pad(refMs.toFixed(0), 6)} | ${verdict}`,
  );
  totals.cases++;
  if (e.reachesBound) totals.engineOnBound++;
  if (ref.reachesBound) totals.refOnBound++;
  if (verdict !== 'WORSE') totals.engineAtOrBelowRef++;
  totals.engineSd += e.meanStdDev;
  totals.refSd += ref.meanStdDev;
  totals.engineMs += engine.ms;
  totals.refMs += refMs;
}

/** The region formed 3 times (the first cold), then each division held against the reference search. */
function regionRun(step: number): void {
  const region = averagedRegion(generateRegion(2025), 11, step);
  const scale = scaleOf(step);
  const times: number[] = [];
  let result = null as ReturnType<typeof formRegion> | null;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    result = formRegion(region.players, region.teams, { seed: drawSeed, scale });
    times.push(performance.now() - t0);
  }
  const ds = result!.divisions;
  let refOnBound = 0;
  let atOrBelow = 0;
  let refSd = 0;
  for (const d of ds) {
    const players = region.players.filter((p) => p.division === d.division);
    const teams = region.teams.filter((t) => t.division === d.division);
    const coed = players.some((p) => p.gender === 'F') && players.some((p) => p.gender === 'M');
    const options: FormationOptions = { seed: d.seed, scale, coed };
    const ref = evaluateFormation(players, teams, options, referenceSearch(players, teams, scale, d.seed, restarts));
    if (ref.reachesBound) refOnBound++;
    if (d.meanStdDev <= ref.meanStdDev + 1e-9) atOrBelow++;
    refSd += ref.meanStdDev;
  }
  const onBound = ds.filter((d) => d.reachesBound).length;
  const proven = ds.filter((d) => d.provenOptimal).length;
  const even = ds.filter((d) => d.countsEven).length;
  const sd = ds.reduce((a, d) => a + d.meanStdDev, 0) / ds.length;
  console.log(
    `step ${pad(step, 4)}: engine on LB ${onBound}/${ds.length}, proven ${proven}/${ds.length}, counts even ${even}/${ds.length}, mean sd ${sd.toFixed(5)}, ` +
      `wall ${times.map((t) => t.toFixed(0)).join(', ')} ms (first cold) | reference on LB ${refOnBound}/${ds.length}, mean sd ${(refSd / ds.length).toFixed(5)} | ` +
      `engine sd <= reference in ${atOrBelow}/${ds.length}`,
  );
}

console.log(
  `Touchline team formation on decimal steps: ${PLAYERS}-player co-ed divisions, ratings averaged from 1-4 evaluators onto the step; ` +
    `draw seed ${drawSeed}, reference: best of ${restarts} restarts of swap hill climbing on the sd of team means.\n`,
);
console.log(
  `${pad('step', 5)} ${pad('k', 3)} ${pad('sizes', 6)} ${pad('bound', 8)} | ${pad('engine', 8)} ${pad('sd', 8)} on  cnts ${pad('ms', 6)} | ${pad('refer.', 8)} ${pad('sd', 8)} on  ${pad('ms', 6)} | engine sd vs ref`,
);
const byStep = new Map<number, Totals>();
for (const step of STEPS) {
  const totals: Totals = { cases: 0, engineOnBound: 0, engineAtOrBelowRef: 0, refOnBound: 0, engineSd: 0, refSd: 0, engineMs: 0, refMs: 0 };
  TEAM_COUNTS.forEach((k, x) => {
    runCase(step, k, 1000 + 97 * x + Math.round(step * 1000), totals);
  });
  byStep.set(step, totals);
}
console.log(`\n${pad('step', 5)}  engine on LB  ref on LB  engine sd <= ref  mean sd engine  mean sd ref  engine ms  ref ms`);
for (const [step, t] of byStep) {
  console.log(
    `${pad(step, 5)}  ${pad(`${t.engineOnBound}/${t.cases}`, 12)}  ${pad(`${t.refOnBound}/${t.cases}`, 9)}  ${pad(`${t.engineAtOrBelowRef}/${t.cases}`, 15)}  ` +
      `${fmt(t.engineSd / t.cases, 14)}  ${fmt(t.refSd / t.cases, 11)}  ${pad(t.engineMs.toFixed(0), 9)}  ${pad(t.refMs.toFixed(0), 6)}`,
  );
}
console.log('\nThe 5,000-player region of run.ts (25 divisions) with each rating averaged onto the step:');
for (const step of STEPS) regionRun(step);
console.log(
  '\nbound = least rating spread (max - min of team means) any formation could have; on = LB when on it, opt when proven optimal;\n' +
    'cnts = even when girls, unrated, keepers and birth years are as even as coach children allow; sd = standard deviation of team means.',
);

/**
 * The work behind `touchline teams form` and `teams verify`: the two CSV files in, the engine, the
 * assignment (and report) out. teams.cli.ts loads this file only when one of them runs, so the other
 * commands never load the engine.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { UsageError } from '../platform/usage.js';
import { AppError } from '../platform/errors.js';
import { buildFormationReport, FORMATION_ENGINE_VERSION, formRegion, scaleProblems, type RatingScale, type RegionFormation } from './engine/formation.rules.js';
import { formatAssignmentsCsv, parsePlayersCsv, parseTeamsCsv } from './engine/formation.csv.js';
import { parseAssignmentsCsv } from './assignments.csv.js';
import { compareAssignments, differenceLines } from './verify.rules.js';

function readInput(file: string, what: string): string {
  if (!existsSync(file)) throw new UsageError(`${what} ${file} does not exist.`);
  return readFileSync(file, 'utf8');
}

function parseScale(text: string): RatingScale {
  const m = /^(-?[\d.]+):(-?[\d.]+):([\d.]+)$/.exec(text);
  if (!m) throw new UsageError(`--scale must be MIN:MAX:STEP, such as 1:5:1 (got "${text}").`);
  const scale = { min: Number(m[1]), max: Number(m[2]), step: Number(m[3]), higherIsStronger: true };
  const problems = scaleProblems(scale);
  if (problems.length) throw new UsageError(`--scale ${text} is not usable: ${problems[0]}`);
  return scale;
}

export interface FormOptions {
  players: string;
  teams: string;
  seed: string;
  out: string;
  objective: string;
  report?: string;
  scale: string;
}

type DrawOptions = Pick<FormOptions, 'players' | 'teams' | 'seed' | 'objective' | 'scale'>;

/** Reads the two input files and runs the engine on them, or explains what to fix. */
function drawOffline(o: DrawOptions): { result: RegionFormation; options: { seed: number; objective: 'mean' | 'sum'; scale: RatingScale }; nothing: string } {
  if (!/^\d+$/.test(o.seed)) throw new UsageError(`--seed must be a whole number (got "${o.seed}").`);
  if (o.objective !== 'mean' && o.objective !== 'sum') throw new UsageError(`--objective must be mean or sum (got "${o.objective}").`);
  const scale = parseScale(o.scale);
  const nothing = 'out' in o ? 'nothing was formed' : 'nothing was verified';
  const teams = parseTeamsCsv(readInput(o.teams, 'The teams file'));
  if (!teams.ok)
    throw new UsageError(
      `${o.teams} has ${teams.errors.length} problem(s); ${nothing}.`,
      teams.errors.map((e) => `line ${e.row}: ${e.message}`),
    );
  const players = parsePlayersCsv(readInput(o.players, 'The players file'), scale, teams.teams);
  if (!players.ok)
    throw new UsageError(
      `${o.players} has ${players.errors.length} problem(s); ${nothing}.`,
      players.errors.map((e) => `line ${e.row}: ${e.message}`),
    );
  const options = { seed: Number(o.seed), objective: o.objective as 'mean' | 'sum', scale };
  try {
    return { result: formRegion(players.players, teams.teams, options), options, nothing };
  } catch (e) {
    if (e instanceof AppError)
      throw new UsageError(
        `The teams cannot be formed: ${e.message}`,
        ((e.details as { problems?: { message: string }[] })?.problems ?? []).map((p) => p.message),
      );
    throw e;
  }
}

/** Offline team formation: the same engine as the portal, on two CSV files. */
export function formOffline(o: FormOptions): string {
  const { result, options } = drawOffline(o);
  writeFileSync(o.out, formatAssignmentsCsv(result.assignments));
  const report = buildFormationReport(result, options);
  if (o.report) writeFileSync(o.report, `${JSON.stringify(report, null, 2)}\n`);
  const s = report.summary;
  return `Formed ${s.teams} teams from ${s.players} players in ${s.divisions} division(s) (seed ${o.seed}); ${s.divisionsOnBound} of ${s.divisions} on the rating lower bound. Wrote ${o.out}${o.report ? ` and ${o.report}` : ''}.`;
}

export interface VerifyOptions extends DrawOptions {
  assign: string;
}

/** Re-runs a draw and compares it with a published assignment: true when they are the same teams. */
export function verifyOffline(o: VerifyOptions): { identical: boolean; lines: string[] } {
  const given = parseAssignmentsCsv(readInput(o.assign, 'The assignment file'));
  if (!given.ok)
    throw new UsageError(
      `${o.assign} has ${given.errors.length} problem(s); nothing was verified.`,
      given.errors.map((e) => `line ${e.row}: ${e.message}`),
    );
  const { result } = drawOffline(o);
  const c = compareAssignments(result.assignments, given.assignments);
  const n = result.assignments.length;
  const engine = `engine version ${FORMATION_ENGINE_VERSION}`;
  if (c.identical)
    return {
      identical: true,
      lines: [`Identical: seed ${o.seed} gives exactly the teams of ${o.assign} (${n} players on ${new Set(result.assignments.map((a) => a.teamId)).size} teams; ${engine}).`],
    };
  const differ = c.moved.length + c.missing.length + c.unknown.length;
  return {
    identical: false,
    lines: [
      `Different: seed ${o.seed} does not give the teams of ${o.assign}: ${differ} player(s) differ (${engine}; a draw made by another engine version may differ too).`,
      ...differenceLines(c).map((l) => `  - ${l}`),
    ],
  };
}

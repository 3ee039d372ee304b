import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../platform/usage.js';
import { AppError } from '../platform/errors.js';
import { buildFormationReport, formRegion, scaleProblems, type RatingScale } from './engine/formation.rules.js';
import { formatAssignmentsCsv, parsePlayersCsv, parseTeamsCsv } from './engine/formation.csv.js';

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

interface FormOptions {
  players: string;
  teams: string;
  seed: string;
  out: string;
  objective: string;
  report?: string;
  scale: string;
}

/** Offline team formation: the same engine as the portal, on two CSV files. */
function formOffline(o: FormOptions): string {
  if (!/^\d+$/.test(o.seed)) throw new UsageError(`--seed must be a whole number (got "${o.seed}").`);
  if (o.objective !== 'mean' && o.objective !== 'sum') throw new UsageError(`--objective must be mean or sum (got "${o.objective}").`);
  const scale = parseScale(o.scale);
  const teams = parseTeamsCsv(readInput(o.teams, 'The teams file'));
  if (!teams.ok)
    throw new UsageError(
      `${o.teams} has ${teams.errors.length} problem(s); nothing was formed.`,
      teams.errors.map((e) => `line ${e.row}: ${e.message}`),
    );
  const players = parsePlayersCsv(readInput(o.players, 'The players file'), scale, teams.teams);
  if (!players.ok)
    throw new UsageError(
      `${o.players} has ${players.errors.length} problem(s); nothing was formed.`,
      players.errors.map((e) => `line ${e.row}: ${e.message}`),
    );
  const options = { seed: Number(o.seed), objective: o.objective as 'mean' | 'sum', scale };
  let result: ReturnType<typeof formRegion>;
  try {
    result = formRegion(players.players, teams.teams, options);
  } catch (e) {
    if (e instanceof AppError)
      throw new UsageError(
        `The teams cannot be formed: ${e.message}`,
        ((e.details as { problems?: { message: string }[] })?.problems ?? []).map((p) => p.message),
      );
    throw e;
  }
  writeFileSync(o.out, formatAssignmentsCsv(result.assignments));
  const report = buildFormationReport(result, options);
  if (o.report) writeFileSync(o.report, `${JSON.stringify(report, null, 2)}\n`);
  const s = report.summary;
  return `Formed ${s.teams} teams from ${s.players} players in ${s.divisions} division(s) (seed ${o.seed}); ${s.divisionsOnBound} of ${s.divisions} on the rating lower bound. Wrote ${o.out}${o.report ? ` and ${o.report}` : ''}.`;
}

export function registerTeamCommands(program: Command): void {
  const teams = program.command('teams').description('Balanced team formation');
  teams
    .command('form')
    .description('Form balanced teams offline from CSV files (the same engine as the portal)')
    .requiredOption('--players <file>', 'P.csv: player_id,division,gender,birth_date,rating,coach_child_of,goalkeeper')
    .requiredOption('--teams <file>', 'T.csv: division,team_id,coach_id (one row per team to form)')
    .requiredOption('--seed <n>', 'the random seed (same files and seed give the same teams)')
    .requiredOption('--out <file>', 'A.csv to write: player_id,team_id')
    .option('--objective <mean|sum>', 'balance team mean ratings or team sums', 'mean')
    .option('--report <file>', 'write the figures of every team and division as JSON')
    .option('--scale <min:max:step>', 'the rating scale', '1:5:1')
    .action((o: FormOptions) => {
      console.log(formOffline(o));
    });
}

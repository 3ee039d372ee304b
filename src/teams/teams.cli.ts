/**
 * `touchline teams form` and `teams verify`: offline team formation on CSV files. This file only
 * declares the commands (the command line loads it for every command); the engine and the CSV readers
 * load inside the action (offline.cli.ts), so neither command loads the database or the web stack.
 */
import type { Command } from 'commander';
import type { FormOptions, VerifyOptions } from './offline.cli.js';

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
    .action(async (o: FormOptions) => {
      const { formOffline } = await import('./offline.cli.js');
      console.log(formOffline(o));
    });
  teams
    .command('verify')
    .description('Re-run a draw from its files and say whether it gives exactly the published teams (exit 0: identical, 1: different)')
    .requiredOption('--players <file>', "P.csv of the draw (the portal's download, or the file given to teams form)")
    .requiredOption('--teams <file>', 'T.csv of the draw')
    .requiredOption('--seed <n>', 'the seed of the draw')
    .requiredOption('--assign <file>', 'A.csv: player_id,team_id, the published assignment')
    .option('--objective <mean|sum>', 'balance team mean ratings or team sums', 'mean')
    .option('--scale <min:max:step>', 'the rating scale', '1:5:1')
    .action(async (o: VerifyOptions) => {
      const { verifyOffline } = await import('./offline.cli.js');
      const v = verifyOffline(o);
      console.log(v.lines.join('\n'));
      if (!v.identical) process.exitCode = 1;
    });
}

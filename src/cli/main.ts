import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { registerCommands } from './commands.js';
import { UsageError } from '../platform/usage.js';

/** Runs the touchline command; answers the exit code (0 success, 2 bad input, 1 failure). */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('touchline')
    .description('Touchline: the coach and volunteer portal of a youth soccer region.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError(false);
  registerCommands(program, () => loadConfig());
  try {
    await program.parseAsync(argv);
    // A command that ran but answers "no" (teams verify: other teams) sets exit code 1 itself.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    if (e instanceof UsageError || e instanceof AppError) {
      const details = e instanceof AppError ? ((e.details as { errors?: string[] } | undefined)?.errors?.slice(1) ?? []) : e.lines;
      console.error(`touchline: ${e.message}`);
      for (const line of details) console.error(`  - ${line}`);
      return 2;
    }
    if (e instanceof ConfigError) {
      console.error(`touchline: ${e.problems.join(' ')}`);
      return 2;
    }
    console.error(`touchline: failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

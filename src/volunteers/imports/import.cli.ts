/** `touchline import volunteers FILE`: the association's volunteer export, from the command line. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { OpenRuntime } from '../../platform/feature.js';
import { UsageError } from '../../platform/usage.js';

/**
 * Adds `import volunteers FILE [--season ID]` under the `import` command (created when no other
 * feature made it yet). Exit 0 when the file was imported, every line left out listed with its
 * reason; exit 2 when the file is missing or lacks the needed columns (named), nothing written.
 */
export function registerVolunteerImportCommands(program: Command, open: OpenRuntime): void {
  const group = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('Import data from other systems');
  group
    .command('volunteers <file>')
    .description(
      "Import the association's volunteer export (CSV or tab-separated, one row per role): creates or updates people and their applied roles for the season; importing the same file again changes nothing",
    )
    .option('--season <id>', 'the configured season for every line (otherwise read from Program Name or Application Date)')
    .action(async (file: string, o: { season?: string }) => {
      // The import service (and the database) load only when this command runs.
      const [{ importVolunteers, MAX_VOLUNTEER_FILE_BYTES, summaryText }, { CLI_ACTOR }] = await Promise.all([import('./import.service.js'), import('../../platform/audit.js')]);
      if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file} does not exist.`);
      if (statSync(file).size > MAX_VOLUNTEER_FILE_BYTES)
        throw new UsageError(`${file} is larger than ${MAX_VOLUNTEER_FILE_BYTES / (1024 * 1024)} MB: split it and import the parts.`);
      const bytes = readFileSync(file);
      const deps = await open();
      try {
        const summary = await importVolunteers(deps, CLI_ACTOR, bytes, { fileName: basename(file), season: o.season });
        process.stdout.write(summaryText(basename(file), summary));
      } finally {
        await deps.database.close();
      }
    });
}

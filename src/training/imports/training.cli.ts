/** `touchline import certifications FILE`: the legacy import from the command line. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { withRuntime, type OpenRuntime } from '../../platform/feature.js';
import type { RowError } from '../../platform/csv.js';
import { UsageError } from '../../platform/usage.js';
import type { ImportReport } from './import.service.js';

function problems(title: string, list: RowError[]): string[] {
  return list.length ? [`${title}:`, ...list.map((e) => `  line ${e.row}: ${e.message}`)] : [];
}

/** The report as printed: one summary line, then every line that did not land, by kind. */
export function formatReport(file: string, r: ImportReport, reportSummary: (r: ImportReport) => string): string {
  const lines = [
    `Imported ${file}: ${reportSummary(r)}`,
    ...problems('Unmatched (no person found)', r.unmatched),
    ...problems('Unknown training', r.unknownTraining),
    ...problems('Other problems', r.invalid),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Adds `import certifications FILE` under the `import` command (created when no other feature made
 * it yet). Exit 0 when the file was read, with every line that did not land listed; exit 2 when the
 * file is missing or cannot be read as the legacy export at all.
 */
export function registerTrainingCommands(program: Command, open: OpenRuntime): void {
  const group = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('Import data from other systems');
  group
    .command('certifications <file>')
    .description(
      "Import past completions from the older certification system's CSV export (AYSO ID, names, Email, DOB, Certification, Completed); importing the same file again adds nothing",
    )
    .action(async (file: string) => {
      // The import service (and the database) load only when this command runs.
      const [{ importLegacyCertifications, MAX_IMPORT_BYTES, reportSummary }, { CLI_ACTOR }] = await Promise.all([
        import('./import.service.js'),
        import('../../platform/audit.js'),
      ]);
      if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file} does not exist.`);
      if (statSync(file).size > MAX_IMPORT_BYTES) throw new UsageError(`${file} is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB: split it and import the parts.`);
      const bytes = readFileSync(file);
      const report = await withRuntime(open, (deps) => importLegacyCertifications(deps, CLI_ACTOR, bytes, basename(file)));
      process.stdout.write(formatReport(basename(file), report, reportSummary));
    });
}

/**
 * `touchline region export|import`: the region configuration as one JSON file. This file only declares
 * the commands (the command line loads it for every command); the configuration service loads inside
 * the action, once the database is open.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withRuntime, type OpenRuntime } from '../platform/feature.js';
import { UsageError } from '../platform/usage.js';

export function registerRegionCommands(program: Command, open: OpenRuntime): void {
  const region = program.command('region').description('Export or import the region configuration as one JSON file');
  region
    .command('export')
    .description('Write the configuration as JSON (to stdout, or --out FILE)')
    .option('--out <file>', 'file to write')
    .action(async (o: { out?: string }) =>
      withRuntime(open, async (deps) => {
        const { getStoredConfig } = await import('./region.service.js');
        const text = `${JSON.stringify((await getStoredConfig(deps.db)).config, null, 2)}\n`;
        if (o.out) writeFileSync(o.out, text);
        else process.stdout.write(text);
      }),
    );
  region
    .command('import <file>')
    .description('Replace the configuration with a JSON file; nothing changes if the file has any problem')
    .action(async (file: string) => {
      if (!existsSync(file)) throw new UsageError(`${file} does not exist.`);
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
      }
      await withRuntime(open, async (deps) => {
        const [{ saveRegionConfig }, { CLI_ACTOR }] = await Promise.all([import('./region.service.js'), import('../platform/audit.js')]);
        const s = await saveRegionConfig(deps.db, deps.clock, CLI_ACTOR, doc, null, 'region.import');
        console.log(`Imported: the configuration is now at version ${s.version}.`);
      });
    });
}

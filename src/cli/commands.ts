import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import SQLite from 'better-sqlite3';
import type { Config } from '../platform/config.js';
import { openRuntime } from '../runtime.js';
import { CLI_ACTOR } from '../platform/audit.js';
import type { Deps } from '../platform/feature.js';
import { accountDeps, createApiToken, makeAdministrator } from '../people/index.js';
import { findPersonRowByEmail } from '../people/index.js';
import { getStoredConfig, saveRegionConfig } from '../region/index.js';
import { UsageError } from '../platform/usage.js';
import { registerTeamCommands } from '../teams/index.js';
import { registerScreeningCommands } from '../volunteers/index.js';
import { registerTrainingCommands } from '../training/index.js';
import { registerReminderCommands } from '../compliance/index.js';

async function withRuntime<T>(config: () => Config, fn: (deps: Deps) => Promise<T>): Promise<T> {
  const deps = await openRuntime(config());
  try {
    return await fn(deps);
  } finally {
    await deps.database.close();
  }
}

function positiveInt(v: string, name: string): number {
  if (!/^\d+$/.test(v)) throw new UsageError(`${name} must be a whole number (got "${v}").`);
  return Number(v);
}

export function registerCommands(program: Command, config: () => Config): void {
  program
    .command('serve')
    .description('Start the portal (PORT, TOUCHLINE_DB or DATABASE_URL)')
    .action(async () => {
      const { serve } = await import('../main.js');
      await serve(config());
      await new Promise(() => undefined);
    });
  program
    .command('migrate')
    .description('Apply pending database migrations and the default region configuration')
    .action(async () => {
      await withRuntime(config, async () => console.log('The database is up to date.'));
    });
  const region = program.command('region').description('Export or import the region configuration as one JSON file');
  region
    .command('export')
    .description('Write the configuration as JSON (to stdout, or --out FILE)')
    .option('--out <file>', 'file to write')
    .action(async (o: { out?: string }) =>
      withRuntime(config, async (deps) => {
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
      await withRuntime(config, async (deps) => {
        const s = await saveRegionConfig(deps.db, deps.clock, CLI_ACTOR, doc, null, 'region.import');
        console.log(`Imported: the configuration is now at version ${s.version}.`);
      });
    });
  program
    .command('admin')
    .description('Manage administrators')
    .command('create')
    .description('Make an account a region administrator with this password (creates it if needed)')
    .requiredOption('--email <email>', 'email address')
    .requiredOption('--password <password>', 'password (at least 10 characters)')
    .option('--first-name <name>', 'first name for a new account', 'Region')
    .option('--last-name <name>', 'last name for a new account', 'Administrator')
    .action(async (o: { email: string; password: string; firstName: string; lastName: string }) =>
      withRuntime(config, async (deps) => {
        const p = await makeAdministrator(accountDeps(deps), { email: o.email, firstName: o.firstName, lastName: o.lastName }, o.password, CLI_ACTOR);
        console.log(`${p.email} is a region administrator.`);
      }),
    );
  program
    .command('token')
    .description('API tokens')
    .command('create')
    .description('Create an API token for an account and print it (only the token, on stdout)')
    .requiredOption('--email <email>', 'the account')
    .option('--name <name>', 'what the token is for', 'command line')
    .action(async (o: { email: string; name: string }) =>
      withRuntime(config, async (deps) => {
        const row = await findPersonRowByEmail(deps.db, o.email);
        if (!row) throw new UsageError(`No account uses ${o.email}.`);
        process.stdout.write(`${(await createApiToken(accountDeps(deps), row.id, o.name)).token}\n`);
      }),
    );
  registerDataCommands(program, config, positiveInt);
  registerTeamCommands(program);
  const open = () => openRuntime(config());
  registerScreeningCommands(program, open);
  registerTrainingCommands(program, open);
  registerReminderCommands(program, open);
}

function registerDataCommands(program: Command, config: () => Config, int: typeof positiveInt): void {
  program
    .command('backup <file>')
    .description('Write a consistent copy of the SQLite database while it runs (PostgreSQL: use pg_dump)')
    .action(async (file: string) => {
      const c = config();
      if (c.databaseUrl) throw new UsageError('This region runs on PostgreSQL: back it up with pg_dump (see README, Backups).');
      if (existsSync(file)) throw new UsageError(`${file} already exists: choose a new file name.`);
      if (!existsSync(c.sqliteFile)) throw new UsageError(`There is no database at ${c.sqliteFile} yet.`);
      const db = new SQLite(c.sqliteFile, { readonly: true });
      try {
        await db.backup(file);
      } finally {
        db.close();
      }
      console.log(`Backed up ${c.sqliteFile} to ${file}.`);
    });
  program
    .command('restore <file>')
    .description('Replace the SQLite database with a backup (stop the server first); PostgreSQL: use pg_restore')
    .action(async (file: string) => {
      const c = config();
      if (c.databaseUrl) throw new UsageError('This region runs on PostgreSQL: restore it with pg_restore or psql (see README, Backups).');
      if (!existsSync(file)) throw new UsageError(`${file} does not exist.`);
      let source: SQLite.Database;
      try {
        source = new SQLite(file, { readonly: true, fileMustExist: true });
        const ok = source.pragma('integrity_check', { simple: true });
        const tables = source.prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'").all();
        if (ok !== 'ok' || tables.length === 0) throw new Error('not a Touchline backup');
      } catch {
        throw new UsageError(`${file} is not a Touchline backup (not a sound SQLite database with Touchline's tables).`);
      }
      try {
        await source.backup(c.sqliteFile);
      } finally {
        source.close();
      }
      await openRuntime(c).then((d) => d.database.close());
      console.log(`Restored ${c.sqliteFile} from ${file}.`);
    });
  program
    .command('demo')
    .description('Fill an empty region with a realistic, deterministic demo (volunteers, roles, and more)')
    .option('--seed <n>', 'random seed', '1')
    .option('--password <password>', 'password of every demo account', 'touchline-demo')
    .action(async (o: { seed: string; password: string }) =>
      withRuntime(config, async (deps) => {
        const { fillDemo } = await import('../demo/demo.js');
        const summary = await fillDemo(deps, { seed: int(o.seed, '--seed'), password: o.password });
        console.log(summary);
      }),
    );
}

import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../platform/config.js';
import { withRuntime, type Deps, type OpenRuntime } from '../platform/feature.js';
import { UsageError } from '../platform/usage.js';
import { registerRegionCommands } from '../region/region.cli.js';
import { registerTeamCommands } from '../teams/teams.cli.js';
import { registerScreeningCommands } from '../volunteers/screening.cli.js';
import { registerTrainingCommands } from '../training/imports/training.cli.js';
import { registerVolunteerImportCommands } from '../volunteers/imports/import.cli.js';
import { registerReminderCommands } from '../compliance/reminders/reminders.cli.js';

// Every command is declared here or in a feature's *.cli.ts, and loads what it needs inside its
// action: a command that needs no database (teams form, teams verify) loads neither the database nor
// the web stack, and the others load the runtime, not the portal's routes (README, Layout).

/** Opens the configured database (migrated, with the region defaults); loads the runtime on first use. */
function opener(config: () => Config): OpenRuntime {
  return async () => {
    const { openRuntime } = await import('../runtime.js');
    return openRuntime(config());
  };
}

function withConfig<T>(config: () => Config, fn: (deps: Deps) => Promise<T>): Promise<T> {
  return withRuntime(opener(config), fn);
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
      await withConfig(config, async () => console.log('The database is up to date.'));
    });
  registerRegionCommands(program, opener(config));
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
      withConfig(config, async (deps) => {
        const [{ accountDeps, makeAdministrator }, { CLI_ACTOR }] = await Promise.all([import('../people/index.js'), import('../platform/audit.js')]);
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
      withConfig(config, async (deps) => {
        const { accountDeps, createApiToken, findPersonRowByEmail } = await import('../people/index.js');
        const row = await findPersonRowByEmail(deps.db, o.email);
        if (!row) throw new UsageError(`No account uses ${o.email}.`);
        process.stdout.write(`${(await createApiToken(accountDeps(deps), row.id, o.name)).token}\n`);
      }),
    );
  registerDataCommands(program, config, positiveInt);
  const open = opener(config);
  registerTeamCommands(program);
  registerScreeningCommands(program, open);
  registerTrainingCommands(program, open);
  registerVolunteerImportCommands(program, open);
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
      const { default: SQLite } = await import('better-sqlite3');
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
    .description('Replace the SQLite database with a backup (refused while a portal has it open); PostgreSQL: use pg_restore')
    .action(async (file: string) => {
      const c = config();
      if (c.databaseUrl) throw new UsageError('This region runs on PostgreSQL: restore it with pg_restore or psql (see README, Backups).');
      if (!existsSync(file)) throw new UsageError(`${file} does not exist.`);
      const [{ default: SQLite }, { sqliteFileInUse }] = await Promise.all([import('better-sqlite3'), import('../platform/db/in-use.js')]);
      if (sqliteFileInUse(c.sqliteFile)) {
        throw new UsageError(`${c.sqliteFile} is open in a running portal (or another touchline command): stop the portal first, then run the restore again. Nothing was changed.`);
      }
      let source: InstanceType<typeof SQLite>;
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
      await opener(() => c)().then((d) => d.database.close());
      console.log(`Restored ${c.sqliteFile} from ${file}.`);
    });
  program
    .command('demo')
    .description('Fill an empty region with a realistic, deterministic demo (volunteers, roles, and more)')
    .option('--seed <n>', 'random seed', '1')
    .option('--password <password>', 'password of every demo account', 'touchline-demo')
    .action(async (o: { seed: string; password: string }) =>
      withConfig(config, async (deps) => {
        const { fillDemo } = await import('../demo/demo.js');
        const summary = await fillDemo(deps, { seed: int(o.seed, '--seed'), password: o.password });
        console.log(summary);
      }),
    );
}

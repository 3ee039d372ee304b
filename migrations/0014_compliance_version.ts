import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Compliance's data version: the database itself notes, in the writer's own transaction, whenever
// something a compliance answer depends on changes (applications, completions, role grants, a
// person's name, email or merge), whichever code path or tool wrote. compliance_version counts the
// changes; compliance_changes says, per person, the count at their latest change. The dashboard
// keeps its worked-out rows and, when the count moved, works out again only the people changed
// since. Writers take the counter row in turn until they commit, so counts follow commit order: a
// reader that sees count N sees every change up to N. The region configuration has its own version.
// SQLite counts each row (its triggers are row triggers; its writers run one at a time anyway).

/** The tables and the column naming the person whose compliance a row feeds. */
const TABLES = [
  ['applications', 'person_id'],
  ['completions', 'person_id'],
  ['role_grants', 'person_id'],
] as const;
const PEOPLE_COLUMNS = 'first_name, last_name, email, merged_into';

function sqliteBody(people: string[]) {
  const note = (who: string) =>
    `insert into compliance_changes (person_id, version) select ${who}, n from compliance_version where id = 1 on conflict (person_id) do update set version = excluded.version;`;
  return sql.raw(`begin update compliance_version set n = n + 1 where id = 1; ${people.map(note).join(' ')} end`);
}

/** Creates the triggers (exported for a later migration that rebuilds one of these tables on SQLite). */
export async function complianceTriggers(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return postgresTriggers(db);
  for (const [t, column] of TABLES) {
    await sql`create trigger ${sql.raw(`compliance_changed_${t}_insert`)} after insert on ${sql.table(t)} ${sqliteBody([`new.${column}`])}`.execute(db);
    await sql`create trigger ${sql.raw(`compliance_changed_${t}_update`)} after update on ${sql.table(t)} ${sqliteBody([`old.${column}`, `new.${column}`])}`.execute(db);
    await sql`create trigger ${sql.raw(`compliance_changed_${t}_delete`)} after delete on ${sql.table(t)} ${sqliteBody([`old.${column}`])}`.execute(db);
  }
  await sql`create trigger compliance_changed_people_update after update of ${sql.raw(PEOPLE_COLUMNS)} on people ${sqliteBody(['new.id'])}`.execute(db);
  await sql`create trigger compliance_changed_people_delete after delete on people ${sqliteBody(['old.id'])}`.execute(db);
}

/**
 * PostgreSQL: one count per statement, whatever the rows (an import of many completions is one
 * change), the people from the statement's transition tables; a person's own row by row trigger
 * (transition tables cannot go with a column list), only when a column compliance shows changed.
 */
async function postgresTriggers(db: Kysely<any>): Promise<void> {
  const note = (from: string) => `
    insert into compliance_changes (person_id, version) select distinct person_id, v from (${from}) changed
      on conflict (person_id) do update set version = excluded.version;`;
  await sql`
    create or replace function compliance_changed_rows() returns trigger language plpgsql as $$
    declare
      v integer;
    begin
      if tg_op = 'INSERT' then
        perform 1 from changed_new limit 1;
      else
        perform 1 from changed_old limit 1;
      end if;
      if not found then
        return null;
      end if;
      update compliance_version set n = n + 1 where id = 1 returning n into v;
      if tg_op = 'INSERT' then ${sql.raw(note('select person_id from changed_new'))}
      elsif tg_op = 'DELETE' then ${sql.raw(note('select person_id from changed_old'))}
      else ${sql.raw(note('select person_id from changed_old union select person_id from changed_new'))}
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function compliance_changed_person() returns trigger language plpgsql as $$
    declare
      v integer;
    begin
      update compliance_version set n = n + 1 where id = 1 returning n into v;
      insert into compliance_changes (person_id, version) values (case when tg_op = 'DELETE' then old.id else new.id end, v)
        on conflict (person_id) do update set version = excluded.version;
      return null;
    end $$`.execute(db);
  for (const [t] of TABLES) {
    const name = (event: string) => sql.raw(`compliance_changed_${t}_${event}`);
    const run = sql.raw('for each statement execute function compliance_changed_rows()');
    await sql`create trigger ${name('insert')} after insert on ${sql.table(t)} referencing new table as changed_new ${run}`.execute(db);
    await sql`create trigger ${name('update')} after update on ${sql.table(t)} referencing old table as changed_old new table as changed_new ${run}`.execute(db);
    await sql`create trigger ${name('delete')} after delete on ${sql.table(t)} referencing old table as changed_old ${run}`.execute(db);
  }
  const changedColumn = PEOPLE_COLUMNS.split(', ')
    .map((c) => `old.${c} is distinct from new.${c}`)
    .join(' or ');
  await sql`create trigger compliance_changed_people_update after update of ${sql.raw(PEOPLE_COLUMNS)} on people for each row when (${sql.raw(changedColumn)}) execute function compliance_changed_person()`.execute(
    db,
  );
  await sql`create trigger compliance_changed_people_delete after delete on people for each row execute function compliance_changed_person()`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('compliance_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('compliance_version').values({ id: 1, n: 0 }).execute();
  await db.schema
    .createTable('compliance_changes')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('compliance_changes_version').on('compliance_changes').column('version').execute();
  // Bringing the rows of a few changed people up to date reads their grants by person.
  await db.schema.createIndex('role_grants_person').ifNotExists().on('role_grants').column('person_id').execute();
  await complianceTriggers(db);
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}

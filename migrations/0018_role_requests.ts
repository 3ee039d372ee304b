import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The roles an application asks for, each waiting for the board's decision (issue 17, point 5):
// requested, then granted or declined (who, when, an optional reason). Until now applying granted
// every role at once, so the roles of existing applications are recorded as granted, decided when
// the application was submitted, by nobody (the old automatic grant). Compliance's data version
// (0014) moves with these rows too, since an applicant's requested roles say what they still need.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('role_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('division', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('reason', 'text')
    .addUniqueConstraint('role_requests_one_per_role', ['application_id', 'role', 'division'])
    .execute();
  await db.schema.createIndex('role_requests_status_season').on('role_requests').columns(['status', 'season_id']).execute();
  await db.schema.createIndex('role_requests_person').on('role_requests').column('person_id').execute();
  await backfill(db);
  await versionTriggers(db);
}

async function backfill(db: Kysely<any>): Promise<void> {
  const apps = await db.selectFrom('applications').select(['id', 'person_id', 'season_id', 'roles_json', 'submitted_at']).orderBy('id').execute();
  let n = 0;
  const rows = apps.flatMap((a) => rolesOf(a.roles_json).map((r) => ({ a, r })));
  const seen = new Set<string>();
  const values = [];
  for (const { a, r } of rows) {
    const key = `${a.id}\u0000${r.role}\u0000${r.division}`;
    if (seen.has(key)) continue;
    seen.add(key);
    n += 1;
    values.push({
      id: `m0018-${String(n).padStart(8, '0')}-${a.id}`.slice(0, 120),
      application_id: a.id,
      person_id: a.person_id,
      season_id: a.season_id,
      role: r.role,
      division: r.division,
      status: 'granted',
      requested_at: a.submitted_at,
      decided_at: a.submitted_at,
      decided_by: null,
      reason: null,
    });
  }
  for (let i = 0; i < values.length; i += 200)
    await db
      .insertInto('role_requests')
      .values(values.slice(i, i + 200))
      .execute();
}

function rolesOf(json: string): { role: string; division: string }[] {
  try {
    const list: unknown = JSON.parse(json);
    if (!Array.isArray(list)) return [];
    return list
      .filter((x): x is { role: unknown; division: unknown } => typeof x === 'object' && x !== null)
      .map((x) => ({ role: String(x.role ?? ''), division: String(x.division ?? '') }))
      .filter((x) => x.role !== '');
  } catch {
    return [];
  }
}

/** The same data-version triggers as 0014's tables, on role_requests. */
async function versionTriggers(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create trigger compliance_changed_role_requests_insert after insert on role_requests referencing new table as changed_new for each statement execute function compliance_changed_rows()`.execute(
      db,
    );
    await sql`create trigger compliance_changed_role_requests_update after update on role_requests referencing old table as changed_old new table as changed_new for each statement execute function compliance_changed_rows()`.execute(
      db,
    );
    await sql`create trigger compliance_changed_role_requests_delete after delete on role_requests referencing old table as changed_old for each statement execute function compliance_changed_rows()`.execute(
      db,
    );
    return;
  }
  const note = (who: string) =>
    `insert into compliance_changes (person_id, version) select ${who}, n from compliance_version where id = 1 on conflict (person_id) do update set version = excluded.version;`;
  const body = (people: string[]) => sql.raw(`begin update compliance_version set n = n + 1 where id = 1; ${people.map(note).join(' ')} end`);
  await sql`create trigger compliance_changed_role_requests_insert after insert on role_requests ${body(['new.person_id'])}`.execute(db);
  await sql`create trigger compliance_changed_role_requests_update after update on role_requests ${body(['old.person_id', 'new.person_id'])}`.execute(db);
  await sql`create trigger compliance_changed_role_requests_delete after delete on role_requests ${body(['old.person_id'])}`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}

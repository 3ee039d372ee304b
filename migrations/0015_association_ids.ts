import { sql, type Kysely } from 'kysely';

// The association's id of a person (AYSO volunteer id) is unique where set: the people directory
// finds people by it and the registrar edits it (issue 18). Players already carry theirs, unique,
// as players.external_id (0003). Blank ids become NULL; an id left on a merged account's tombstone
// that a live account also holds is dropped from the tombstone (the merge kept the live one). Two
// live accounts holding the same id cannot be told apart here: the migration stops and names them,
// so the registrar merges or corrects them first.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update people set association_id = trim(association_id) where association_id is not null`.execute(db);
  await sql`update people set association_id = null where association_id = ''`.execute(db);
  await sql`
    update people set association_id = null
    where merged_into is not null and association_id in (select association_id from people where merged_into is null and association_id is not null)`.execute(db);
  const { rows } = await sql<{ association_id: string; ids: number }>`
    select association_id, count(*) as ids from people where association_id is not null group by association_id having count(*) > 1 order by association_id`.execute(db);
  if (rows.length) {
    const list = rows
      .slice(0, 20)
      .map((r) => r.association_id)
      .join(', ');
    throw new Error(
      `Migration 0015: ${rows.length} association id(s) are held by more than one account (${list}${rows.length > 20 ? ', …' : ''}). With the previous version, merge the duplicate accounts (page /admin/duplicates) or clear the wrong ids; then start again.`,
    );
  }
  await db.schema.createIndex('people_association_id').unique().on('people').column('association_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}

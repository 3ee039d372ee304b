import type { Kysely } from 'kysely';

// Emails are one account each without regard to case (issue 18: a parent's children are found by the
// address on the registration). The application stores every email trimmed and in lower case; this
// puts rows written otherwise (by hand, by another tool) in that form, with the same rule the
// application uses (JavaScript's trim and toLowerCase, so SQLite and PostgreSQL agree, accents
// included). A blank email becomes NULL. Two accounts whose addresses differ only in case or spaces
// cannot be told apart here: the migration stops before changing anything and names them, so the
// registrar merges them (or corrects one address) first.
const normalized = (e: string) => e.trim().toLowerCase();

export async function up(db: Kysely<any>): Promise<void> {
  const rows = (await db.selectFrom('people').select(['id', 'email']).where('email', 'is not', null).orderBy('id').execute()) as { id: string; email: string }[];
  const holders = new Map<string, string[]>();
  for (const r of rows) {
    const e = normalized(r.email);
    if (e) holders.set(e, [...(holders.get(e) ?? []), r.id]);
  }
  const shared = [...holders].filter(([, ids]) => ids.length > 1).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (shared.length) {
    const list = shared
      .slice(0, 20)
      .map(([e, ids]) => `${e}: accounts ${ids.join(' and ')}`)
      .join('; ');
    throw new Error(
      `Migration 0020: ${shared.length} email address(es) are used by more than one account when case and spaces are ignored (${list}${shared.length > 20 ? '; …' : ''}). With the previous version, merge the duplicate accounts (page /admin/duplicates) or change one of the addresses; then start again.`,
    );
  }
  for (const r of rows) {
    const e = normalized(r.email);
    if (e !== r.email)
      await db
        .updateTable('people')
        .set({ email: e || null })
        .where('id', '=', r.id)
        .execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}

import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { SiteTables } from './site.tables.js';
import { newId } from '../platform/clock.js';

/** Queries of the site tables: page revisions, resources and the contact form's daily counts. */

export interface Revision {
  id: string;
  slug: string;
  number: number;
  title: string;
  description: string;
  markdown: string;
  restoredFrom: number | null;
  createdAt: string;
  createdBy: string | null;
  createdByName: string;
}

type RevisionRow = Selectable<SiteTables['site_revisions']>;

const revision = (r: RevisionRow): Revision => ({
  id: r.id,
  slug: r.slug,
  number: Number(r.number),
  title: r.title,
  description: r.description,
  markdown: r.markdown,
  restoredFrom: r.restored_from === null ? null : Number(r.restored_from),
  createdAt: r.created_at,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
});

export async function latestRevision(db: Db, slug: string): Promise<Revision | undefined> {
  const r = await db.selectFrom('site_revisions').selectAll().where('slug', '=', slug).orderBy('number', 'desc').limit(1).executeTakeFirst();
  return r && revision(r);
}

export async function findRevision(db: Db, slug: string, number: number): Promise<Revision | undefined> {
  const r = await db.selectFrom('site_revisions').selectAll().where('slug', '=', slug).where('number', '=', number).executeTakeFirst();
  return r && revision(r);
}

/** Every revision of a page, newest first, without the text. */
export async function listRevisions(db: Db, slug: string): Promise<Omit<Revision, 'markdown'>[]> {
  const rows = await db
    .selectFrom('site_revisions')
    .select(['id', 'slug', 'number', 'title', 'description', 'restored_from', 'created_at', 'created_by', 'created_by_name'])
    .where('slug', '=', slug)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => revision({ ...r, markdown: '' }));
}

/** The date of each page's latest revision (for the sitemap). */
export async function lastChanges(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('site_revisions')
    .select(['slug', (eb) => eb.fn.max('created_at').as('at')])
    .groupBy('slug')
    .execute();
  return new Map(rows.map((r) => [r.slug, String(r.at)]));
}

export interface NewRevision {
  slug: string;
  number: number;
  title: string;
  description: string;
  markdown: string;
  restoredFrom: number | null;
  at: string;
  by: { id: string | null; name: string };
}

/** Inserts a revision; the unique (slug, number) refuses a second save of the same number. */
export async function insertRevision(db: Db, r: NewRevision): Promise<string> {
  const id = newId();
  await db
    .insertInto('site_revisions')
    .values({
      id,
      slug: r.slug,
      number: r.number,
      title: r.title,
      description: r.description,
      markdown: r.markdown,
      restored_from: r.restoredFrom,
      created_at: r.at,
      created_by: r.by.id,
      created_by_name: r.by.name,
    })
    .execute();
  return id;
}

export interface Resource {
  id: string;
  category: string;
  title: string;
  note: string;
  url: string | null;
  fileId: string | null;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  createdAt: string;
}

/** Resources still listed, oldest first within each category. */
export async function listResources(db: Db): Promise<Resource[]> {
  const rows = await db
    .selectFrom('site_resources')
    .leftJoin('files', 'files.id', 'site_resources.file_id')
    .select([
      'site_resources.id',
      'site_resources.category',
      'site_resources.title',
      'site_resources.note',
      'site_resources.url',
      'site_resources.file_id',
      'site_resources.created_at',
      'files.file_name',
      'files.content_type',
      'files.size',
    ])
    .where('site_resources.removed_at', 'is', null)
    .orderBy('site_resources.created_at')
    .orderBy('site_resources.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    title: r.title,
    note: r.note,
    url: r.url,
    fileId: r.file_id,
    fileName: r.file_name,
    contentType: r.content_type,
    size: r.size === null ? null : Number(r.size),
    createdAt: r.created_at,
  }));
}

export async function findResource(db: Db, id: string) {
  return db.selectFrom('site_resources').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The resource listing a file, when it is still listed (only such files are served). */
export async function listedFile(db: Db, fileId: string): Promise<boolean> {
  const r = await db.selectFrom('site_resources').select('id').where('file_id', '=', fileId).where('removed_at', 'is', null).executeTakeFirst();
  return !!r;
}

export async function insertResource(
  db: Db,
  r: { category: string; title: string; note: string; url: string | null; fileId: string | null; at: string; by: string | null },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('site_resources')
    .values({ id, category: r.category, title: r.title, note: r.note, url: r.url, file_id: r.fileId, created_at: r.at, created_by: r.by, removed_at: null })
    .execute();
  return id;
}

export async function markRemoved(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('site_resources').set({ removed_at: at }).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Counts one contact message for an address and day, atomically: answers false (and counts
 * nothing) when the day's limit is reached, even with requests racing on several instances.
 */
export async function takeContactSlot(db: Db, ipKey: string, day: string, limit: number): Promise<boolean> {
  await db
    .insertInto('contact_rate')
    .values({ ip_key: ipKey, day, count: 0 })
    .onConflict((oc) => oc.columns(['ip_key', 'day']).doNothing())
    .execute();
  const r = await db
    .updateTable('contact_rate')
    .set((eb) => ({ count: eb('count', '+', 1) }))
    .where('ip_key', '=', ipKey)
    .where('day', '=', day)
    .where('count', '<', limit)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Forgets the counts of earlier days (they are only needed for the current day). */
export async function forgetOldContactCounts(db: Db, today: string): Promise<void> {
  await db.deleteFrom('contact_rate').where('day', '<', today).execute();
}

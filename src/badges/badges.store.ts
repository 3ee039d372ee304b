import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { PlatformTables } from '../platform/db/schema.js';
import { fromJson } from '../platform/db/database.js';
import type { RoleInDivision } from '../compliance/index.js';
import type { PhotoStatus } from './badges.rules.js';
import type { BadgeTables } from './badges.tables.js';

/**
 * Queries of the badges tables (migration 0007): photos, issued badges and their last sheet print
 * (the print runs themselves: print/runs.store.ts), and the names of the people badges are for.
 */

export interface PhotoRow {
  id: string;
  personId: string;
  fileId: string;
  status: PhotoStatus;
  reason: string | null;
  uploadedAt: string;
  decidedAt: string | null;
}

type PhotoRecord = { id: string; person_id: string; file_id: string; status: string; reason: string | null; uploaded_at: string; decided_at: string | null };
const photoOf = (r: PhotoRecord): PhotoRow => ({
  id: r.id,
  personId: r.person_id,
  fileId: r.file_id,
  status: r.status as PhotoStatus,
  reason: r.reason,
  uploadedAt: r.uploaded_at,
  decidedAt: r.decided_at,
});
const PHOTO_COLUMNS = ['id', 'person_id', 'file_id', 'status', 'reason', 'uploaded_at', 'decided_at'] as const;

export async function insertPhoto(db: Db, p: { id: string; personId: string; fileId: string; uploadedAt: string }): Promise<void> {
  await db
    .insertInto('badge_photos')
    .values({ id: p.id, person_id: p.personId, file_id: p.fileId, status: 'pending', reason: null, uploaded_at: p.uploadedAt, decided_at: null, decided_by: null })
    .execute();
}

export async function findPhoto(db: Db, id: string): Promise<PhotoRow | undefined> {
  const r = await db.selectFrom('badge_photos').select(PHOTO_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r && photoOf(r);
}

/** The latest upload of each person (of the given people, or everyone): their badge photo. */
export async function latestPhotos(db: Db, personIds?: readonly string[]): Promise<Map<string, PhotoRow>> {
  if (personIds && !personIds.length) return new Map();
  let q = db.selectFrom('badge_photos').select(PHOTO_COLUMNS).orderBy('uploaded_at').orderBy('id');
  if (personIds) q = q.where('person_id', 'in', [...personIds]);
  const out = new Map<string, PhotoRow>();
  for (const r of await q.execute()) out.set(r.person_id, photoOf(r));
  return out;
}

export async function photoStatuses(db: Db, ids: readonly string[]): Promise<Map<string, PhotoStatus>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('badge_photos')
    .select(['id', 'status'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.status as PhotoStatus]));
}

export interface QueuedPhoto extends PhotoRow {
  firstName: string;
  lastName: string;
}

/** Photos waiting for a decision, oldest first, with the person's name; only each person's latest. */
export async function pendingPhotos(db: Db): Promise<QueuedPhoto[]> {
  const rows = await db
    .selectFrom('badge_photos as p')
    .innerJoin('people', 'people.id', 'p.person_id')
    .select(['p.id', 'p.person_id', 'p.file_id', 'p.status', 'p.reason', 'p.uploaded_at', 'p.decided_at', 'people.first_name', 'people.last_name'])
    .where('p.status', '=', 'pending')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('badge_photos as n').select('n.id').whereRef('n.person_id', '=', 'p.person_id').whereRef('n.uploaded_at', '>', 'p.uploaded_at'))))
    .orderBy('p.uploaded_at')
    .execute();
  return rows.map((r) => ({ ...photoOf(r), firstName: r.first_name, lastName: r.last_name }));
}

export async function decidePhotoRow(db: Db, id: string, d: { status: PhotoStatus; reason: string | null; at: string; by: string | null }): Promise<void> {
  await db.updateTable('badge_photos').set({ status: d.status, reason: d.reason, decided_at: d.at, decided_by: d.by }).where('id', '=', id).execute();
}

/** Deletes a person's other photos (rows and files) that no badge was issued with. */
export async function deleteUnusedPhotos(db: Db, personId: string, keepId: string): Promise<number> {
  const rows = await db
    .selectFrom('badge_photos')
    .select(['id', 'file_id'])
    .where('person_id', '=', personId)
    .where('id', '!=', keepId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('badges').select('badges.id').whereRef('badges.photo_id', '=', 'badge_photos.id'))))
    .execute();
  if (!rows.length) return 0;
  await db
    .deleteFrom('badge_photos')
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  await db
    .deleteFrom('files')
    .where(
      'id',
      'in',
      rows.map((r) => r.file_id),
    )
    .execute();
  return rows.length;
}

export interface BadgeRow {
  id: string;
  personId: string;
  seasonId: string;
  token: string;
  photoId: string;
  name: string;
  roles: RoleInDivision[];
  issuedAt: string;
  replacedAt: string | null;
  invalidSince: string | null;
}

type BadgeRecord = Selectable<BadgeTables['badges']>;
const badgeOf = (r: BadgeRecord): BadgeRow => ({
  id: r.id,
  personId: r.person_id,
  seasonId: r.season_id,
  token: r.token,
  photoId: r.photo_id,
  name: r.name,
  roles: fromJson<RoleInDivision[]>(r.roles_json, []),
  issuedAt: r.issued_at,
  replacedAt: r.replaced_at,
  invalidSince: r.invalid_since,
});

export async function insertBadge(db: Db, b: Omit<BadgeRow, 'replacedAt' | 'invalidSince'>): Promise<void> {
  await db
    .insertInto('badges')
    .values({
      id: b.id,
      person_id: b.personId,
      season_id: b.seasonId,
      token: b.token,
      photo_id: b.photoId,
      name: b.name,
      roles_json: JSON.stringify(b.roles),
      issued_at: b.issuedAt,
      replaced_at: null,
      invalid_since: null,
    })
    .execute();
}

/** Marks a person's current badges of a season replaced (their QR codes stop being valid). */
export async function replaceBadges(db: Db, personId: string, seasonId: string, at: string): Promise<void> {
  await db.updateTable('badges').set({ replaced_at: at }).where('person_id', '=', personId).where('season_id', '=', seasonId).where('replaced_at', 'is', null).execute();
}

export async function badgeByToken(db: Db, token: string): Promise<BadgeRow | undefined> {
  const r = await db.selectFrom('badges').selectAll().where('token', '=', token).executeTakeFirst();
  return r && badgeOf(r);
}

export interface CurrentBadge extends BadgeRow {
  /** The last time a board sheet (or a reprint) printed it; null when only downloaded or never printed. */
  printedAt: string | null;
}

/** The badges not replaced in a season (of one person, or everyone), newest per person, with their last sheet print. */
export async function currentBadges(db: Db, seasonId: string, personId?: string): Promise<Map<string, CurrentBadge>> {
  let q = db.selectFrom('badges').selectAll().where('season_id', '=', seasonId).where('replaced_at', 'is', null).orderBy('issued_at').orderBy('id');
  if (personId !== undefined) q = q.where('person_id', '=', personId);
  const rows = await q.execute();
  const printed = await lastSheetPrints(
    db,
    rows.map((r) => r.id),
  );
  const out = new Map<string, CurrentBadge>();
  for (const r of rows) out.set(r.person_id, { ...badgeOf(r), printedAt: printed.get(r.id) ?? null });
  return out;
}

async function lastSheetPrints(db: Db, badgeIds: readonly string[]): Promise<Map<string, string>> {
  if (!badgeIds.length) return new Map();
  const rows = await db
    .selectFrom('badge_print_items as i')
    .innerJoin('badge_print_runs as r', 'r.id', 'i.run_id')
    .select(['i.badge_id', (eb) => eb.fn.max('r.printed_at').as('at')])
    .where('r.kind', 'in', ['sheet', 'reprint'])
    .where('i.badge_id', 'in', [...badgeIds])
    .groupBy('i.badge_id')
    .execute();
  return new Map(rows.map((r) => [r.badge_id, String(r.at)]));
}

/** Records when a badge was first found not valid (only if not recorded yet), or clears it once valid again. */
export async function setInvalidSince(db: Db, badgeIds: readonly string[], at: string | null): Promise<void> {
  if (!badgeIds.length) return;
  const q = db.updateTable('badges').where('id', 'in', [...badgeIds]);
  if (at === null) await q.set({ invalid_since: null }).where('invalid_since', 'is not', null).execute();
  else await q.set({ invalid_since: at }).where('invalid_since', 'is', null).execute();
}

export type BadgePerson = Pick<Selectable<PlatformTables['people']>, 'id' | 'first_name' | 'last_name' | 'email'>;

/** A person's name and email, with the account they were merged into (if any); undefined for an unknown id. */
export async function findPersonForBadge(db: Db, personId: string): Promise<(BadgePerson & Pick<Selectable<PlatformTables['people']>, 'merged_into'>) | undefined> {
  return db.selectFrom('people').select(['id', 'first_name', 'last_name', 'email', 'merged_into']).where('id', '=', personId).executeTakeFirst();
}

/** Names and emails of the given people whose accounts are in use (merged accounts left out). */
export async function activePeopleByIds(db: Db, ids: string[]): Promise<BadgePerson[]> {
  return db.selectFrom('people').select(['id', 'first_name', 'last_name', 'email']).where('id', 'in', ids).where('merged_into', 'is', null).execute();
}

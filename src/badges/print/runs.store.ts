import type { Db } from '../../platform/db/database.js';
import { fromJson } from '../../platform/db/database.js';
import type { RoleInDivision } from '../../compliance/index.js';

/** Print runs: what was printed when, by whom, and which badges in which order. */

export type RunKind = 'sheet' | 'reprint' | 'download';

export interface PrintRun {
  id: string;
  seasonId: string;
  kind: RunKind;
  reprintOf: string | null;
  badgeCount: number;
  printedAt: string;
  printedByName: string;
}

type RunRecord = { id: string; season_id: string; kind: string; reprint_of: string | null; badge_count: number; printed_at: string; printed_by_name: string };
const runOf = (r: RunRecord): PrintRun => ({
  id: r.id,
  seasonId: r.season_id,
  kind: r.kind as RunKind,
  reprintOf: r.reprint_of,
  badgeCount: Number(r.badge_count),
  printedAt: r.printed_at,
  printedByName: r.printed_by_name,
});
const RUN_COLUMNS = ['id', 'season_id', 'kind', 'reprint_of', 'badge_count', 'printed_at', 'printed_by_name'] as const;

export interface NewRun {
  id: string;
  seasonId: string;
  kind: RunKind;
  reprintOf: string | null;
  printedAt: string;
  printedBy: { id: string | null; name: string };
  badgeIds: readonly string[];
}

export async function insertRun(db: Db, r: NewRun): Promise<void> {
  await db
    .insertInto('badge_print_runs')
    .values({
      id: r.id,
      season_id: r.seasonId,
      kind: r.kind,
      reprint_of: r.reprintOf,
      badge_count: r.badgeIds.length,
      printed_at: r.printedAt,
      printed_by: r.printedBy.id,
      printed_by_name: r.printedBy.name,
    })
    .execute();
  const items = r.badgeIds.map((badgeId, position) => ({ run_id: r.id, badge_id: badgeId, position }));
  for (let i = 0; i < items.length; i += 500)
    await db
      .insertInto('badge_print_items')
      .values(items.slice(i, i + 500))
      .execute();
}

export async function findRun(db: Db, id: string): Promise<PrintRun | undefined> {
  const r = await db.selectFrom('badge_print_runs').select(RUN_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r && runOf(r);
}

/** The runs of a season, newest first. */
export async function listRuns(db: Db, seasonId: string, limit = 50): Promise<PrintRun[]> {
  const rows = await db
    .selectFrom('badge_print_runs')
    .select(RUN_COLUMNS)
    .where('season_id', '=', seasonId)
    .orderBy('printed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(runOf);
}

export interface RunBadge {
  badgeId: string;
  personId: string;
  token: string;
  photoId: string;
  fileId: string;
  name: string;
  roles: RoleInDivision[];
  replacedAt: string | null;
}

/** The badges of a run in sheet order, with the file of their photo. */
export async function runBadges(db: Db, runId: string): Promise<RunBadge[]> {
  const rows = await db
    .selectFrom('badge_print_items as i')
    .innerJoin('badges as b', 'b.id', 'i.badge_id')
    .innerJoin('badge_photos as p', 'p.id', 'b.photo_id')
    .select(['b.id', 'b.person_id', 'b.token', 'b.photo_id', 'p.file_id', 'b.name', 'b.roles_json', 'b.replaced_at'])
    .where('i.run_id', '=', runId)
    .orderBy('i.position')
    .execute();
  return rows.map((r) => ({
    badgeId: r.id,
    personId: r.person_id,
    token: r.token,
    photoId: r.photo_id,
    fileId: r.file_id,
    name: r.name,
    roles: fromJson<RoleInDivision[]>(r.roles_json, []),
    replacedAt: r.replaced_at,
  }));
}

/**
 * The photo bytes of many files in one query, as the database driver hands them back (a Buffer
 * from both drivers, which may be a slice of Node's shared pool: see pdfBytes in platform/pdf.ts).
 */
export async function fileBytes(db: Db, ids: readonly string[]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('files')
      .select(['id', 'data'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.data);
  }
  return out;
}

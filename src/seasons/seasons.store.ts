import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import { fromJson, toJson } from '../platform/db/database.js';
import type { Role } from '../platform/roles.js';
import type { HeldRole, StartSummary } from './seasons.rules.js';
import type { SeasonsTables } from './seasons.tables.js';

export type OfferRow = Selectable<SeasonsTables['role_offers']>;

export interface SeasonStart {
  seasonId: string;
  fromSeasonId: string;
  startedAt: string;
  startedBy: string | null;
  startedByName: string;
  summary: StartSummary;
}

/** Every role of `roles` held in a season, with the holder's name (merged accounts left out). */
export async function rolesOfSeason(db: Db, seasonId: string, roles: readonly Role[]): Promise<HeldRole[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select(['g.person_id', 'g.role', 'g.division', 'p.first_name', 'p.last_name'])
    .where('g.season_id', '=', seasonId)
    .where('g.role', 'in', [...roles])
    .where('p.merged_into', 'is', null)
    .execute();
  return rows.map((r) => ({ personId: r.person_id, name: `${r.first_name} ${r.last_name}`, role: r.role as Role, division: r.division }));
}

/** The roles already offered for a season (whatever the answer). */
export async function offeredFor(db: Db, seasonId: string): Promise<{ personId: string; role: string; division: string }[]> {
  const rows = await db.selectFrom('role_offers').select(['person_id', 'role', 'division']).where('season_id', '=', seasonId).execute();
  return rows.map((r) => ({ personId: r.person_id, role: r.role, division: r.division }));
}

export async function findStart(db: Db, seasonId: string): Promise<SeasonStart | undefined> {
  const r = await db.selectFrom('season_starts').selectAll().where('season_id', '=', seasonId).executeTakeFirst();
  if (!r) return undefined;
  return {
    seasonId: r.season_id,
    fromSeasonId: r.from_season_id,
    startedAt: r.started_at,
    startedBy: r.started_by,
    startedByName: r.started_by_name,
    summary: fromJson<StartSummary>(r.summary_json, { offers: [], windows: [] }),
  };
}

export async function insertStart(db: Db, s: SeasonStart): Promise<void> {
  await db
    .insertInto('season_starts')
    .values({
      season_id: s.seasonId,
      from_season_id: s.fromSeasonId,
      started_at: s.startedAt,
      started_by: s.startedBy,
      started_by_name: s.startedByName,
      summary_json: toJson(s.summary),
    })
    .execute();
}

export async function insertOffers(db: Db, rows: readonly OfferRow[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('role_offers')
      .values([...rows])
      .execute();
}

/** A person's offers still waiting for an answer, oldest first. */
export async function pendingOffers(db: Db, personId: string): Promise<OfferRow[]> {
  return db.selectFrom('role_offers').selectAll().where('person_id', '=', personId).where('state', '=', 'pending').orderBy('offered_at').orderBy('id').execute();
}

/** Every offer of a person (any state), newest first. */
export async function offersOf(db: Db, personId: string): Promise<OfferRow[]> {
  return db.selectFrom('role_offers').selectAll().where('person_id', '=', personId).orderBy('offered_at', 'desc').orderBy('id').execute();
}

export async function findOffer(db: Db, id: string): Promise<OfferRow | undefined> {
  return db.selectFrom('role_offers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Answers a pending offer; false when it was answered already (by another click). */
export async function answerOffer(db: Db, id: string, state: 'accepted' | 'declined', at: string): Promise<boolean> {
  const r = await db.updateTable('role_offers').set({ state, decided_at: at }).where('id', '=', id).where('state', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

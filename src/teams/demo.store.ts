/** The demo's rows of people, role grants, players, guardians, registrations and ratings, written in bulk. */
import type { Insertable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export interface DemoRows {
  people: Insertable<DB['people']>[];
  grants: Insertable<DB['role_grants']>[];
  players: Insertable<DB['players']>[];
  guardians: Insertable<DB['player_guardians']>[];
  season: Insertable<DB['season_players']>[];
  ratings: Insertable<DB['ratings']>[];
}

/** Inserts every row, 200 at a time, table by table (pass the transaction that holds them all). */
export async function insertDemoRows(db: Db, rows: DemoRows): Promise<void> {
  const chunks = async <T>(list: T[], put: (slice: T[]) => Promise<unknown>) => {
    for (let i = 0; i < list.length; i += 200) await put(list.slice(i, i + 200));
  };
  await chunks(rows.people, (s) => db.insertInto('people').values(s).execute());
  await chunks(rows.grants, (s) => db.insertInto('role_grants').values(s).execute());
  await chunks(rows.players, (s) => db.insertInto('players').values(s).execute());
  await chunks(rows.guardians, (s) => db.insertInto('player_guardians').values(s).execute());
  await chunks(rows.season, (s) => db.insertInto('season_players').values(s).execute());
  await chunks(rows.ratings, (s) => db.insertInto('ratings').values(s).execute());
}

/** The last names of these people, by id. */
export async function lastNamesOf(db: Db, personIds: readonly string[]): Promise<{ id: string; last_name: string }[]> {
  return db
    .selectFrom('people')
    .select(['id', 'last_name'])
    .where('id', 'in', personIds.length ? personIds : [''])
    .execute();
}

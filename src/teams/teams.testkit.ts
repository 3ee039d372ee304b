/**
 * Test support for players and teams: the app with every feature, and players, guardians and
 * ratings made directly in the database.
 */
import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import type { Dialect } from '../platform/db/database.js';
import { openTestApp, TEST_NOW, type TestApp } from '../testing/harness.js';

export const SEASON = '2026-fall';

export function openTeamsApp(dialect: Dialect = 'sqlite', now = TEST_NOW): Promise<TestApp> {
  return openTestApp(dialect, { now });
}

export interface SeedPlayer {
  first?: string;
  last?: string;
  birthDate?: string;
  gender?: 'M' | 'F';
  division?: string;
  program?: string;
  rating?: number | null;
  /** Person id of the guardian (a coach's child when the guardian is a head coach). */
  guardianId?: string;
  goalkeeper?: boolean;
}

let seq = 0;

/** Players registered in a season straight in the database (rating given in an earlier season, '2026-spring'). */
export async function seedPlayers(db: Db, seasonId: string, list: SeedPlayer[]): Promise<string[]> {
  const ids: string[] = [];
  for (const p of list) {
    seq++;
    const id = newId();
    ids.push(id);
    await db
      .insertInto('players')
      .values({
        id,
        external_id: `X${seq}`,
        first_name: p.first ?? `Kid${seq}`,
        last_name: p.last ?? 'Player',
        birth_date: p.birthDate ?? '2017-05-05',
        gender: p.gender ?? 'F',
        created_at: TEST_NOW,
        updated_at: TEST_NOW,
      })
      .execute();
    await db
      .insertInto('season_players')
      .values({
        id: newId(),
        season_id: seasonId,
        player_id: id,
        division: p.division ?? '10U',
        program: p.program ?? 'girls',
        goalkeeper: p.goalkeeper ? 1 : 0,
        moved_reason: null,
        created_at: TEST_NOW,
      })
      .execute();
    if (p.rating !== null && p.rating !== undefined)
      await db
        .insertInto('ratings')
        .values({ id: newId(), season_id: '2026-spring', player_id: id, rating: p.rating, rated_by: null, rated_at: '2026-06-01T00:00:00.000Z', override_reason: null })
        .execute();
    let guardian = p.guardianId;
    if (!guardian) {
      guardian = newId();
      await db
        .insertInto('people')
        .values({
          id: guardian,
          email: `parent${seq}.${guardian.slice(0, 5).toLowerCase()}@example.org`,
          first_name: 'Parent',
          last_name: `Of${seq}`,
          birth_date: null,
          phone: `310-555-${String(1000 + seq).slice(-4)}`,
          password_hash: null,
          created_at: TEST_NOW,
          updated_at: TEST_NOW,
          merged_into: null,
          association_id: null,
        })
        .execute();
    }
    await db.insertInto('player_guardians').values({ player_id: id, person_id: guardian, is_primary: 1 }).execute();
  }
  return ids;
}

/** n players of 10U girls with ratings cycling over 1..5 (every fourth one new, unrated). */
export const tenUGirls = (n: number): SeedPlayer[] =>
  Array.from({ length: n }, (_, i) => ({
    first: `Girl${i + 1}`,
    last: `Ten${String.fromCharCode(65 + (i % 26))}`,
    birthDate: i % 2 ? '2017-03-10' : '2018-07-20',
    rating: i % 4 === 3 ? null : (i % 5) + 1,
    goalkeeper: i % 7 === 0,
  }));

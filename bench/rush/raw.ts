import { sql, type Kysely } from 'kysely';
import { performance } from 'node:perf_hooks';
import { newId } from '../../src/platform/clock.js';
import { openTarget, type DbTarget } from './setup.js';
import { limiter } from './limit.js';

/**
 * The database's own rate of one-row write transactions through Kysely, on a scratch table:
 * sequentially, then with `inFlight` at once (SQLite serializes them on its one connection;
 * PostgreSQL spreads them over the pool). The yardstick the rush is compared with.
 */
export async function rawWriteRate(
  target: DbTarget,
  inFlight: number,
  count = target.kind === 'sqlite' ? 5000 : 2000,
): Promise<{ sequential: number; concurrent: number; inFlight: number }> {
  const database = openTarget(target);
  const db = database.db as unknown as Kysely<any>;
  try {
    await sql`create table rush_scratch (id text primary key, n integer not null, at text not null)`.execute(db);
    const insert = (n: number) => db.transaction().execute((trx) => trx.insertInto('rush_scratch').values({ id: newId(), n, at: new Date().toISOString() }).execute());
    for (let i = 0; i < 200; i++) await insert(-i); // warm-up
    let t0 = performance.now();
    for (let i = 0; i < count; i++) await insert(i);
    const sequential = (count / (performance.now() - t0)) * 1000;
    const run = limiter(inFlight);
    t0 = performance.now();
    await Promise.all(Array.from({ length: count }, (_, i) => run(() => insert(count + i))));
    const concurrent = (count / (performance.now() - t0)) * 1000;
    await sql`drop table rush_scratch`.execute(db);
    return { sequential, concurrent, inFlight };
  } finally {
    await database.close();
  }
}

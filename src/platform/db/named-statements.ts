import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { DatabaseUnavailableError } from './faults.js';

/** How many statements one connection keeps prepared; past it, new texts run unprepared. */
const PER_CONNECTION = 300;

/**
 * Kysely sends every PostgreSQL query as an unnamed statement, which the server parses and plans
 * again each time; for the joins on the request path the planning costs the server several times
 * the execution. This pool gives each distinct SQL text a name (from its hash), so each connection
 * prepares it once and then only binds and runs it. Bounded per connection (texts that vary, such
 * as IN lists of many lengths, stop being named once a connection holds PER_CONNECTION). A named
 * statement whose result shape a migration changed under a live connection (error 0A000, "cached
 * plan must not change result type") runs unnamed from then on; outside a transaction the failed
 * call is run again at once, inside one the transaction has failed and the error goes to its caller.
 */
export function namedStatementPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const prepared = new WeakMap<object, { names: Set<string>; inTransaction: boolean }>();
  const stale = new Set<string>();
  const nameOf = (text: string) => {
    let n = names.get(text);
    if (!n) names.set(text, (n = `tl_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
    return n;
  };
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let held = prepared.get(client);
    if (!held) {
      prepared.set(client, (held = { names: new Set(), inTransaction: false }));
      // A connection the server drops while it is checked out (a restart, a failover,
      // pg_terminate_backend) emits 'error' on its client; the pool listens only while a client is
      // idle, and an unheard 'error' ends the process. The query that was running fails with the
      // cause (answered 503 DATABASE_UNAVAILABLE), the client is no longer queryable, and the pool
      // drops it when Kysely releases it.
      client.on('error', ignoreLostConnection);
    }
    const state = held;
    return {
      query: ((text: string | object, values?: readonly unknown[]) => {
        if (typeof text !== 'string') return client.query(text as never);
        // Kysely opens and ends its transactions with these texts.
        if (/^(begin|start transaction)\b/i.test(text)) state.inTransaction = true;
        else if (/^(commit|rollback)\b/i.test(text)) state.inTransaction = false;
        const name = nameOf(text);
        const unnamed = () => client.query(text, values as unknown[]) as Promise<PostgresQueryResult<unknown>>;
        if (stale.has(name) || (!state.names.has(name) && state.names.size >= PER_CONNECTION)) return unnamed();
        state.names.add(name);
        return client.query({ name, text, values: values as unknown[] }).catch((e: unknown) => {
          if ((e as { code?: string }).code !== '0A000') throw e;
          stale.add(name);
          if (state.inTransaction) throw e;
          return unnamed();
        }) as Promise<PostgresQueryResult<unknown>>;
      }) as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy),
    };
  };
  return {
    connect: async () => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (e) {
        throw new DatabaseUnavailableError(e);
      }
      return wrap(client);
    },
    end: () => pool.end(),
  };
}

/** The failure reaches the query that was running (or the next one); the event itself needs nothing more. */
function ignoreLostConnection(): void {}

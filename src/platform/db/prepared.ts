import { createQueryId, type Compilable, type InferResult, type RootOperationNode } from 'kysely';
import type { Db } from './database.js';

/** What an argument is while the query is built: a text no caller could pass as a value. */
const MARK = '\u0000tl-arg:';

interface Compiled {
  sql: string;
  query: RootOperationNode;
  /** Per parameter: the name of the argument it takes, or the constant the query was built with. */
  slots: (string | { value: unknown })[];
}

/**
 * A query built and compiled once per open database, then run with new values. For the small
 * queries every request runs (who is asking, the booking's reads and writes), Kysely's building
 * and compiling costs more than the database's work; and one unchanging text lets PostgreSQL reuse
 * the statement it prepared (named-statements.ts). `build` gets `arg(name)` for each value that
 * changes; it must not branch on them (they are placeholders while it runs), and each must stand
 * for one value, not a list.
 */
/** The placeholder of a prepared query's argument, typed as its value. */
export type Arg<A> = <K extends keyof A & string>(name: K) => A[K];

export function prepared<A extends Record<string, unknown>, Q extends Compilable<unknown>>(build: (db: Db, arg: Arg<A>) => Q): (db: Db, args: A) => Promise<InferResult<Q>> {
  const compiled = new WeakMap<object, Compiled>();
  const compile = (db: Db): Compiled => {
    const q = build(db, ((name: string) => `${MARK}${name}`) as never).compile();
    return { sql: q.sql, query: q.query, slots: q.parameters.map((v) => (typeof v === 'string' && v.startsWith(MARK) ? v.slice(MARK.length) : { value: v })) };
  };
  return async (db, args) => {
    // The adapter is one per open database, shared with its transactions.
    const key = db.getExecutor().adapter;
    let c = compiled.get(key);
    if (!c) compiled.set(key, (c = compile(db)));
    const parameters = c.slots.map((s) => {
      if (typeof s !== 'string') return s.value;
      if (args[s] === undefined) throw new Error(`prepared query: no value for "${s}"`);
      return args[s];
    });
    const result = await db.executeQuery({ sql: c.sql, query: c.query, parameters, queryId: createQueryId() });
    return result.rows as InferResult<Q>;
  };
}

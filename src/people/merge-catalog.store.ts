import { sql } from 'kysely';
import type { Db, Dialect } from '../platform/db/database.js';
import type { Catalog } from './merge-catalog.rules.js';

/**
 * The database's own catalog (sqlite_master and pragmas on SQLite, information_schema and
 * pg_catalog on PostgreSQL): which columns exist, which refer to people by foreign key, and the
 * unique indexes. The merge test checks PERSON_COLUMNS (merge.store.ts) against it with
 * coverageProblems (merge-catalog.rules.ts).
 */

/** Every column and unique index of the database, from its own catalog. */
export async function readCatalog(db: Db, dialect: Dialect): Promise<Catalog> {
  return dialect === 'postgres' ? readPostgresCatalog(db) : readSqliteCatalog(db);
}

interface SqliteColumn {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

async function readSqliteCatalog(db: Db): Promise<Catalog> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  const out: Catalog = { columns: [], unique: [] };
  for (const { name: table } of tables.rows) {
    const cols = await sql<SqliteColumn>`select name, type, "notnull", dflt_value, pk from pragma_table_info(${table})`.execute(db);
    const fks = await sql<{ table: string; from: string; to: string | null }>`select "table", "from", "to" from pragma_foreign_key_list(${table})`.execute(db);
    for (const c of cols.rows) {
      const fk = fks.rows.find((f) => f.from === c.name);
      const references = fk ? { table: fk.table, column: fk.to ?? 'id' } : null;
      const required = (Number(c.notnull) === 1 || Number(c.pk) > 0) && c.dflt_value === null;
      out.columns.push({ table, column: c.name, type: c.type.toLowerCase(), required, references, referencesPeople: references?.table === 'people' });
    }
    const indexes = await sql<{ name: string; unique: number }>`select name, "unique" from pragma_index_list(${table})`.execute(db);
    for (const ix of indexes.rows.filter((i) => Number(i.unique) === 1)) {
      const info = await sql<{ name: string }>`select name from pragma_index_info(${ix.name}) order by seqno`.execute(db);
      out.unique.push({ table, columns: info.rows.map((r) => r.name) });
    }
  }
  return out;
}

async function readPostgresCatalog(db: Db): Promise<Catalog> {
  const cols = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = current_schema()`.execute(db);
  const fks = await sql<{ table: string; column: string; ref_table: string; ref_column: string }>`
    select cl.relname as table, a.attname as column, rt.relname as ref_table, ra.attname as ref_column
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_class rt on rt.oid = c.confrelid
    join lateral unnest(c.conkey, c.confkey) as k(col, ref) on true
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.col
    join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = k.ref
    where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const uniq = await sql<{ table: string; columns: string[] }>`
    select t.relname as table, array_agg(a.attname::text order by a.attnum) as columns
    from pg_index x
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_attribute a on a.attrelid = t.oid and a.attnum = any(x.indkey)
    where x.indisunique and n.nspname = current_schema()
    group by t.relname, x.indexrelid`.execute(db);
  const fk = new Map(fks.rows.map((f) => [`${f.table}.${f.column}`, { table: f.ref_table, column: f.ref_column }]));
  return {
    columns: cols.rows.map((c) => {
      const references = fk.get(`${c.table_name}.${c.column_name}`) ?? null;
      const required = c.is_nullable === 'NO' && c.column_default === null;
      return { table: c.table_name, column: c.column_name, type: c.data_type.toLowerCase(), required, references, referencesPeople: references?.table === 'people' };
    }),
    unique: uniq.rows.map((u) => ({ table: u.table, columns: u.columns })),
  };
}

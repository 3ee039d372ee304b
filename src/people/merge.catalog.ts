import { sql } from 'kysely';
import type { Db, Dialect } from '../platform/db/database.js';
import { looksLikePersonColumn } from './merge.rules.js';
import type { PersonColumn } from './merge.store.js';

/**
 * The database's own catalog (sqlite_master and pragmas on SQLite, information_schema and
 * pg_catalog on PostgreSQL): which columns exist, which refer to people by foreign key, and the
 * unique indexes. The merge test checks PERSON_COLUMNS (merge.store.ts) against it.
 */

export interface CatalogColumn {
  table: string;
  column: string;
  /** The declared type, lower case (text, integer, blob, bytea...). */
  type: string;
  /** A value is required: NOT NULL or part of the primary key, and no default. */
  required: boolean;
  /** The table and column a foreign key points to, if any. */
  references: { table: string; column: string } | null;
  /** Has a foreign key to people. */
  referencesPeople: boolean;
}

export interface UniqueIndex {
  table: string;
  columns: string[];
}

export interface Catalog {
  columns: CatalogColumn[];
  unique: UniqueIndex[];
}

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

/** A column refers to a person when its name says so or it has a foreign key to people. */
export const isPersonColumn = (c: CatalogColumn) => !(c.table === 'people' && c.column === 'id') && (c.referencesPeople || looksLikePersonColumn(c.column));

/**
 * What PERSON_COLUMNS gets wrong against the database: person columns it does not list, entries
 * naming no column, and unique constraints over a moved column it does not declare (a merge would
 * then stop on the constraint instead of keeping one row).
 */
export function coverageProblems(catalog: Catalog, listed: readonly PersonColumn[]): string[] {
  const problems: string[] = [];
  const known = new Map(listed.map((c) => [`${c.table}.${c.column}`, c]));
  const present = new Set(catalog.columns.map((c) => `${c.table}.${c.column}`));
  for (const c of catalog.columns.filter(isPersonColumn)) {
    if (!known.has(`${c.table}.${c.column}`)) problems.push(`${c.table}.${c.column} refers to a person but PERSON_COLUMNS (src/people/merge.store.ts) does not say what a merge does with it.`);
  }
  for (const k of known.keys()) if (!present.has(k)) problems.push(`PERSON_COLUMNS lists ${k}, which the database does not have.`);
  for (const u of catalog.unique) {
    for (const col of u.columns) {
      const entry = known.get(`${u.table}.${col}`);
      if (entry?.action !== 'move') continue;
      const others = u.columns.filter((x) => x !== col).sort();
      const declared = entry.unique ? [...entry.unique].sort().join() : null;
      if (others.join() !== declared) problems.push(`${u.table} has a unique constraint on (${u.columns.join(', ')}): declare unique: [${others.map((o) => `'${o}'`).join(', ')}] on ${u.table}.${col} in PERSON_COLUMNS.`);
    }
  }
  return problems;
}

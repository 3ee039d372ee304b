import { looksLikePersonColumn } from './merge.rules.js';
import type { PersonColumn } from './merge.store.js';

/**
 * What the database's own catalog says (read by readCatalog, merge-catalog.store.ts), and how
 * PERSON_COLUMNS (merge.store.ts) is checked against it.
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
    if (!known.has(`${c.table}.${c.column}`))
      problems.push(`${c.table}.${c.column} refers to a person but PERSON_COLUMNS (src/people/merge.store.ts) does not say what a merge does with it.`);
  }
  for (const k of known.keys()) if (!present.has(k)) problems.push(`PERSON_COLUMNS lists ${k}, which the database does not have.`);
  for (const u of catalog.unique) {
    for (const col of u.columns) {
      const entry = known.get(`${u.table}.${col}`);
      if (entry?.action !== 'move') continue;
      const others = u.columns.filter((x) => x !== col).sort();
      const declared = entry.unique ? [...entry.unique].sort().join() : null;
      if (others.join() !== declared)
        problems.push(
          `${u.table} has a unique constraint on (${u.columns.join(', ')}): declare unique: [${others.map((o) => `'${o}'`).join(', ')}] on ${u.table}.${col} in PERSON_COLUMNS.`,
        );
    }
  }
  return problems;
}

import { Readable } from 'node:stream';
import { writeCsv } from '../platform/csv.js';
import type { Catalog } from '../training/index.js';
import { CSV_HEADER, csvCells, type ComplianceRow } from './dashboard.rules.js';

/** Rows written per chunk of the export. */
const CHUNK = 500;

function* chunks(rows: readonly ComplianceRow[], catalog: Catalog): Generator<string> {
  const header = writeCsv(CSV_HEADER, []);
  yield `\uFEFF${header}`;
  for (let i = 0; i < rows.length; i += CHUNK)
    yield writeCsv(
      CSV_HEADER,
      rows.slice(i, i + CHUNK).map((r) => csvCells(r, catalog)),
    ).slice(header.length);
}

/**
 * The dashboard's CSV (byte-order mark, header, one line per row) as a stream written a few hundred
 * rows at a time: the first bytes leave at once and the whole text is never held in memory.
 */
export function dashboardCsv(rows: readonly ComplianceRow[], catalog: Catalog): Readable {
  return Readable.from(chunks(rows, catalog), { objectMode: false });
}

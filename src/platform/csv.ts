/**
 * Shared CSV helpers for every import and export: decoding the bytes regions actually upload, reading
 * a table with file line numbers, finding columns by name, reading dates, and writing files that
 * spreadsheet programs open safely. Pure: text or bytes in, values out.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** A problem with one line of a file; `row` is the line number in the file (header = 1). */
export interface RowError {
  row: number;
  message: string;
}

export type CsvDelimiter = ',' | '\t' | ';';
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** One data record and the file line it starts on. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  /** Records refused while reading (more filled cells than the header has); never in `records`. */
  problems: RowError[];
  delimiter: CsvDelimiter;
  encoding: CsvEncoding;
}

export type CsvReadResult = { ok: true; table: CsvTable } | { ok: false; errors: RowError[] };

/** Builds a row error. Row numbers are file lines with the header on line 1, as a spreadsheet shows them. */
export function rowError(row: number, message: string): RowError {
  return { row, message };
}

/**
 * Decodes uploaded bytes to text without a byte-order mark. UTF-8 is tried strictly first; bytes that
 * are not valid UTF-8 are read as Windows-1252 (the superset of Latin-1 that older systems and Excel
 * write), so "Rodríguez" survives either way. UTF-16 is recognised by its byte-order mark.
 */
export function decodeText(input: Uint8Array | string): { text: string; encoding: CsvEncoding } {
  if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  if (input[0] === 0xff && input[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(input), encoding: 'utf-16le' };
  if (input[0] === 0xfe && input[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(input), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(input), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(input), encoding: 'windows-1252' };
  }
}

/** Bytes 0x80..0x9F in Windows-1252 (the five unassigned ones stay C1 controls, as browsers do). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Node 20's TextDecoder reads 'windows-1252' as ISO-8859-1, so the 0x80..0x9F range is mapped here. */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/**
 * Picks the delimiter of a file from its first non-blank line: whichever of tab, comma and semicolon
 * occurs most often outside quotes (registration systems export TSV, European Excel uses semicolons).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const line = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const counts: Record<CsvDelimiter, number> = { '\t': 0, ',': 0, ';': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as CsvDelimiter] += 1;
  }
  const order: CsvDelimiter[] = ['\t', ',', ';'];
  return order.reduce((best, d) => (counts[d] > counts[best] ? d : best), ',' as CsvDelimiter);
}

const parseMessages: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quote (") opened on or before this line is never closed; remove the stray quote or close it',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted cell has text after its closing quote; put the whole cell in quotes and double inner quotes ("")',
};

/**
 * Reads a whole file (bytes or text) into a header and records: decoding, delimiter detection, CRLF,
 * quoting and blank lines handled. Blank and all-empty lines are skipped; each record keeps the file
 * line it starts on. A file that cannot be read at all answers `ok: false` with the line at fault.
 */
export function readCsvTable(input: Uint8Array | string): CsvReadResult {
  const { text, encoding } = decodeText(input);
  const normalized = text.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(normalized);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    const options = { delimiter, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true };
    parsed = parse(normalized, options) as unknown as typeof parsed;
  } catch (e) {
    const err = e as { code?: string; lines?: number; message: string };
    if (!err.code?.startsWith('CSV_')) throw e;
    const reason = parseMessages[err.code ?? ''] ?? `the file could not be read as CSV here (${err.message})`;
    return { ok: false, errors: [rowError(err.lines ?? 1, `Line ${err.lines ?? 1}: ${reason}.`)] };
  }
  const lines = parsed.map(({ record, info }) => ({ row: info.lines - newlinesIn(record), cells: record.map((c) => c.trim()) })).filter((r) => r.cells.some((c) => c !== ''));
  const [head, ...rest] = lines;
  if (!head) return { ok: false, errors: [rowError(1, 'The file is empty: it has no header line.')] };
  return { ok: true, table: { header: head.cells, ...splitOverfull(rest, head.cells.length), delimiter, encoding } };
}

function newlinesIn(cells: string[]): number {
  return cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
}

function splitOverfull(records: CsvRecord[], width: number): { records: CsvRecord[]; problems: RowError[] } {
  const ok: CsvRecord[] = [];
  const problems: RowError[] = [];
  for (const r of records) {
    const extra = r.cells.slice(width).filter((c) => c !== '').length;
    if (extra === 0) ok.push({ row: r.row, cells: r.cells.slice(0, width) });
    else problems.push(rowError(r.row, `This line has ${r.cells.length} cells but the header has ${width}; look for a stray delimiter or an unquoted cell.`));
  }
  return { records: ok, problems };
}

/**
 * Normalises a column header for matching: accents, case, apostrophes and punctuation are ignored,
 * and a trailing per-season question id such as ":(18939060)" is dropped.
 */
export function normalizeHeader(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[:\s]*\(\s*\d+\s*\)\s*$/, '')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * How a header relates to a wanted name: 'exact' when equal after normalising (spaces ignored, so
 * "Parent FirstName" is "Parent First Name"), 'prefix' when the header starts with the name at a word
 * boundary (exports append question text or ids), otherwise null.
 */
export function headerMatch(header: string, wanted: string): 'exact' | 'prefix' | null {
  const want = normalizeHeader(wanted).replace(/ /g, '');
  const words = normalizeHeader(header).split(' ');
  if (want === '') return null;
  if (words.join('') === want) return 'exact';
  let acc = '';
  for (const w of words) {
    acc += w;
    if (acc === want) return 'prefix';
    if (acc.length >= want.length) return null;
  }
  return null;
}

/** A column an importer wants: its label (shown to people, also matched) and other names it goes by. */
export interface ColumnRule {
  label: string;
  aliases?: readonly string[];
  required?: boolean;
}

export interface ColumnMatch<K extends string> {
  /** Column index of every column found. */
  index: Partial<Record<K, number>>;
  /** Required columns that were not found. */
  missing: K[];
}

/**
 * Finds each wanted column in a header: exact names first for every column, then prefixes, each header
 * used at most once. Rules are data, so one importer can accept every export it has met.
 */
export function matchColumns<K extends string>(header: readonly string[], rules: Record<K, ColumnRule>): ColumnMatch<K> {
  const keys = Object.keys(rules) as K[];
  const index: Partial<Record<K, number>> = {};
  const taken = new Set<number>();
  for (const kind of ['exact', 'prefix'] as const) {
    for (const key of keys) {
      if (index[key] !== undefined) continue;
      const names = [rules[key].label, ...(rules[key].aliases ?? [])];
      const found = names.map((n) => header.findIndex((h, i) => !taken.has(i) && headerMatch(h, n) === kind)).find((i) => i >= 0);
      if (found === undefined) continue;
      index[key] = found;
      taken.add(found);
    }
  }
  return { index, missing: keys.filter((k) => rules[k].required && index[k] === undefined) };
}

/** The one file-level error for missing columns, listing what the file does have so the fix is obvious. */
export function missingColumnsError(labels: readonly string[], header: readonly string[]): RowError {
  const found = header.filter((h) => h !== '').join(', ') || 'none';
  return rowError(1, `Missing required column${labels.length > 1 ? 's' : ''}: ${labels.join(', ')}. Columns found: ${found}.`);
}

/** The columns of a header (matchColumns), or the one file-level error naming the required columns it lacks. */
export function requireColumns<K extends string>(
  header: readonly string[],
  rules: Record<K, ColumnRule>,
): { ok: true; index: Partial<Record<K, number>> } | { ok: false; error: RowError } {
  const { index, missing } = matchColumns(header, rules);
  if (missing.length > 0)
    return {
      ok: false,
      error: missingColumnsError(
        missing.map((k) => rules[k].label),
        header,
      ),
    };
  return { ok: true, index };
}

/** The trimmed cell of a record at a matched column, or '' when the column is absent. */
export function cellAt(record: CsvRecord, column: number | undefined): string {
  return column === undefined ? '' : (record.cells[column] ?? '').trim();
}

export type DateResult = { ok: true; date: string } | { ok: false; message: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days in a month (1..12) of the Gregorian calendar. */
function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Reads M/D/YYYY, MM/DD/YYYY (US exports) or YYYY-MM-DD into 'YYYY-MM-DD', refusing impossible dates
 * such as 2/30/2020 with a message that says why, instead of rolling them into March.
 */
export function parseDate(text: string): DateResult {
  const t = text.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!us && !iso) return { ok: false, message: `"${t}" is not a date; write it as M/D/YYYY or YYYY-MM-DD.` };
  const [y, m, d] = us ? [us[3], us[1], us[2]].map(Number) : [iso![1], iso![2], iso![3]].map(Number);
  if (m < 1 || m > 12) return { ok: false, message: `"${t}" is not a real date: there is no month ${m}.` };
  const max = daysIn(y, m);
  if (d < 1 || d > max) return { ok: false, message: `"${t}" is not a real date: ${MONTHS[m - 1]} ${y} has ${max} days.` };
  return { ok: true, date: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** True for a real calendar date written exactly as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const r = parseDate(text);
  return r.ok && r.date === text;
}

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvWriteOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads accents correctly. Default false. */
  bom?: boolean;
  delimiter?: CsvDelimiter;
}

/**
 * Defuses spreadsheet formulas: text starting with = + - @ (or tab / carriage return) gets a leading
 * apostrophe, so a name like "=HYPERLINK(...)" typed by a stranger is shown, never executed.
 */
export function protectFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return protectFormula(cell);
}

/**
 * Writes a header and rows as CSV text with CRLF line ends and quoting where needed. Text cells are
 * formula-protected; numbers are written as numbers (a number cannot carry a formula).
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const body = stringify([header.map(cellText), ...rows.map((r) => r.map(cellText))], {
    delimiter: options.delimiter ?? ',',
    record_delimiter: 'windows',
    quote_record_delimiter: true,
  });
  return (options.bom ? '\uFEFF' : '') + body;
}

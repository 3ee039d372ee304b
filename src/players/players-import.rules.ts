/**
 * Reads a registration system's player export (CSV or TSV, UTF-8 or Latin-1) into typed player rows
 * and row errors. Pure: the service decides what to do with a file that has errors.
 */
import { cellAt, matchColumns, missingColumnsError, parseDate, readCsvTable, rowError, type ColumnRule, type CsvRecord, type RowError } from '../platform/csv.js';

export interface PlayerImportRow {
  /** Line of the file the player is on (header = 1). */
  rowNumber: number;
  /** The registration system's player id. */
  externalId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: 'M' | 'F';
  parent: { firstName: string; lastName: string; email: string; phone?: string };
  /** Last season's evaluation; null when blank or "No Answer" (a new player). */
  rating: number | null;
  /** The division the registration system put the player in; kept only to report disagreements. */
  divisionName?: string;
  /** Answer to a goalkeeper question, when the export has one and it was answered. */
  goalkeeper?: boolean;
}

export interface PlayerImportResult {
  rows: PlayerImportRow[];
  errors: RowError[];
}

export interface PlayerImportOptions {
  /** When given, a rating outside [min, max] is an error (the scale is a region setting). */
  ratingRange?: { min: number; max: number };
}

const COLUMNS = {
  externalId: { label: 'PlayerID', aliases: ['Player ID', 'Participant ID', 'Player Number'], required: true },
  firstName: { label: 'Player First Name', aliases: ['Participant First Name', 'Child First Name'] },
  lastName: { label: 'Player Last Name', aliases: ['Participant Last Name', 'Child Last Name'] },
  fullName: { label: 'Player Name', aliases: ['Player Full Name', 'Participant Name', 'Child Name'] },
  birthDate: { label: 'Date Of Birth', aliases: ['DOB', 'Birth Date', 'Birthdate', 'Player Date Of Birth', 'Player DOB', 'Player Birth Date'], required: true },
  gender: { label: 'Gender', aliases: ['Player Gender', 'Sex'], required: true },
  divisionName: { label: 'Division Name', aliases: ['Division', 'Program Name'] },
  parentFirstName: { label: 'Parent FirstName', aliases: ['Parent 1 First Name', 'Guardian First Name', 'Primary Contact First Name'], required: true },
  parentLastName: { label: 'Parent LastName', aliases: ['Parent 1 Last Name', 'Guardian Last Name', 'Primary Contact Last Name'], required: true },
  parentEmail: { label: 'Primary Contact Email', aliases: ['Parent Email', 'Parent 1 Email', 'Guardian Email', 'Email'], required: true },
  parentPhone: { label: 'Primary Contact Phone', aliases: ['Parent Phone', 'Parent 1 Phone', 'Guardian Phone', 'Cell Phone', 'Phone'] },
  rating: { label: 'Player Evaluation Rating', aliases: ['Evaluation Rating', 'Player Rating', 'Rating'] },
  goalkeeper: { label: 'Goalkeeper', aliases: ['Goalie', 'Plays Goalkeeper', 'Willing to Play Goalkeeper', 'Willing to Play Goalie', 'Goalkeeper Interest'] },
} satisfies Record<string, ColumnRule>;

type Column = keyof typeof COLUMNS;
type Index = Partial<Record<Column, number>>;

const GENDERS: Record<string, 'M' | 'F'> = { male: 'M', m: 'M', boy: 'M', boys: 'M', female: 'F', f: 'F', girl: 'F', girls: 'F' };
const UNANSWERED = new Set(['', 'no answer', 'n/a', 'na']);
const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0', 'none']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Parses a player export. Every row either becomes a PlayerImportRow or produces at least one error
 * naming its line; a duplicate PlayerID is reported on the later line. Missing columns are reported
 * once, on line 1, with the columns the file does have.
 */
export function parsePlayerExport(input: Uint8Array | string, options: PlayerImportOptions = {}): PlayerImportResult {
  const read = readCsvTable(input);
  if (!read.ok) return { rows: [], errors: read.errors };
  const { header, records, problems } = read.table;
  const { index, missing } = matchColumns(header, COLUMNS);
  const missingLabels = missing.map((k) => COLUMNS[k].label);
  const hasSplitName = index.firstName !== undefined && index.lastName !== undefined;
  if (!hasSplitName && index.fullName === undefined) missingLabels.push('Player First Name and Player Last Name (or Player Name)');
  if (missingLabels.length > 0) return { rows: [], errors: [missingColumnsError(missingLabels, header)] };

  const rows: PlayerImportRow[] = [];
  const errors: RowError[] = [...problems];
  const seen = new Map<string, number>();
  for (const record of records) {
    const out = readPlayer(record, index, options);
    const id = out.row?.externalId;
    if (id !== undefined && seen.has(id)) out.errors.push(`PlayerID ${id} is already on line ${seen.get(id)}; each player must appear once.`);
    if (id !== undefined && !seen.has(id)) seen.set(id, record.row);
    if (out.errors.length === 0 && out.row) rows.push(out.row);
    errors.push(...out.errors.map((m) => rowError(record.row, m)));
  }
  return { rows, errors: errors.sort((a, b) => a.row - b.row) };
}

/** One field's reading: its value, or why it cannot be read. */
export type FieldRead<T> = { value: T } | { error: string };

/** One record to a player, or the reasons it cannot be one. `row` is set whenever the id is readable. */
function readPlayer(record: CsvRecord, index: Index, options: PlayerImportOptions): { row?: PlayerImportRow; errors: string[] } {
  const cell = (c: Column) => cellAt(record, index[c]);
  const errors: string[] = [];
  function take<T>(r: FieldRead<T>, fallback: T): T {
    if ('value' in r) return r.value;
    errors.push(r.error);
    return fallback;
  }
  const externalId = cell('externalId');
  if (externalId === '') errors.push('PlayerID is missing.');
  const name = take(readName(cell('firstName'), cell('lastName'), cell('fullName'), index), { first: '', last: '' });
  const birthDate = take(readBirthDate(cell('birthDate')), '');
  const gender = take(readGender(cell('gender')), 'M');
  const email = take(readEmail(cell('parentEmail')), '');
  const rating = take(readRating(cell('rating'), options), null);
  const goalkeeper = take(readGoalkeeper(cell('goalkeeper')), undefined);
  if (externalId === '') return { errors };
  const [phone, divisionName] = [cell('parentPhone'), cell('divisionName')];
  const row: PlayerImportRow = {
    rowNumber: record.row,
    externalId,
    firstName: name.first,
    lastName: name.last,
    birthDate,
    gender,
    parent: { firstName: cell('parentFirstName'), lastName: cell('parentLastName'), email, ...(phone ? { phone } : {}) },
    rating,
    ...(divisionName ? { divisionName } : {}),
    ...(goalkeeper !== undefined ? { goalkeeper } : {}),
  };
  return { row, errors };
}

function readName(first: string, last: string, full: string, index: Index): FieldRead<{ first: string; last: string }> {
  if (index.firstName === undefined || index.lastName === undefined) return splitPlayerName(full);
  if (first === '' || last === '') return { error: `Player ${first === '' ? 'First' : 'Last'} Name is missing.` };
  return { value: { first, last } };
}

/**
 * Splits a single "Player Name" cell: "Last, First" when it has a comma, otherwise "First Last" with
 * the last word as the last name ("Mary Ann Smith" -> "Mary Ann" + "Smith"). One word is an error,
 * never a guess.
 */
export function splitPlayerName(full: string): FieldRead<{ first: string; last: string }> {
  if (full === '') return { error: 'Player Name is missing.' };
  const comma = full.indexOf(',');
  if (comma >= 0) {
    const [last, first] = [full.slice(0, comma).trim(), full.slice(comma + 1).trim()];
    return last && first ? { value: { first, last } } : { error: `Player Name "${full}" needs both parts: write "Last, First".` };
  }
  const space = full.search(/\s+\S+$/);
  if (space < 0) return { error: `Player Name "${full}" is one word; write "First Last" or "Last, First".` };
  return { value: { first: full.slice(0, space).trim(), last: full.slice(space).trim() } };
}

function readBirthDate(text: string): FieldRead<string> {
  if (text === '') return { error: 'Date Of Birth is missing.' };
  const d = parseDate(text);
  return d.ok ? { value: d.date } : { error: `Date Of Birth: ${d.message}` };
}

function readEmail(text: string): FieldRead<string> {
  if (EMAIL.test(text)) return { value: text };
  return { error: text === '' ? 'Primary Contact Email is missing.' : `Primary Contact Email "${text}" is not an email address.` };
}

function readGender(text: string): FieldRead<'M' | 'F'> {
  const g = GENDERS[text.toLowerCase()];
  if (g) return { value: g };
  return { error: text === '' ? 'Gender is missing.' : `Gender "${text}" is not recognised; use Male or Female (M/F, Boy/Girl).` };
}

function readRating(text: string, options: PlayerImportOptions): FieldRead<number | null> {
  if (UNANSWERED.has(text.toLowerCase())) return { value: null };
  if (!/^\d+(\.\d+)?$/.test(text)) return { error: `Player Evaluation Rating "${text}" is not a number; leave it blank for an unrated player.` };
  const value = Number(text);
  const range = options.ratingRange;
  if (range && (value < range.min || value > range.max)) {
    return { error: `Player Evaluation Rating ${text} is outside the region's scale ${range.min} to ${range.max}.` };
  }
  return { value };
}

function readGoalkeeper(text: string): FieldRead<boolean | undefined> {
  const t = text.toLowerCase();
  if (UNANSWERED.has(t)) return { value: undefined };
  if (YES.has(t)) return { value: true };
  if (NO.has(t)) return { value: false };
  return { error: `Goalkeeper answer "${text}" is not Yes or No.` };
}

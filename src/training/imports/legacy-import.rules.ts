/**
 * Reads the older certification system's export (Latin-1 CSV: AYSO ID, names, email, DOB,
 * Certification, Completed) into completions keyed by this product's training codes. Pure: matching
 * people and writing completions belong to the service.
 */
import { cellAt, isIsoDate, parseDate, requireColumns, readCsvTable, rowError, type CsvRecord, type RowError } from '../../platform/csv.js';

/**
 * Old system names -> catalog training codes. A legacy completion of a two-part course (10U, 12U)
 * stands for both parts. Keys are matched ignoring case, spaces and punctuation; a region extends
 * the table through `extraAliases` rather than by editing it.
 */
export const LEGACY_TRAINING_ALIASES: Readonly<Record<string, string>> = {
  'AYSOs Safe Haven': 'safe-haven',
  'Safe Haven': 'safe-haven',
  'AYSO Safe Haven': 'safe-haven',
  'Concussion Awareness': 'concussion',
  'CDC Concussion Awareness': 'concussion',
  'Sudden Cardiac Arrest': 'cardiac-arrest',
  'Sudden Cardiac Arrest Awareness': 'cardiac-arrest',
  SafeSport: 'safesport',
  '6U Coach': 'coach-6u',
  'U-6 Coach': 'coach-6u',
  '8U Coach': 'coach-8u',
  'U-8 Coach': 'coach-8u',
  '10U Coach': 'coach-10u',
  'U-10 Coach': 'coach-10u',
  '12U Coach': 'coach-12u',
  'U-12 Coach': 'coach-12u',
  'Intermediate (14U) Coach': 'coach-intermediate',
  'Intermediate Coach': 'coach-intermediate',
  'Advanced (19U) Coach': 'coach-advanced',
  'Advanced Coach': 'coach-advanced',
};

export interface LegacyCompletionRow {
  /** Line of the file (header = 1). */
  rowNumber: number;
  associationId: string;
  firstName: string;
  lastName: string;
  /** As written in the file ('' when blank); used with the id to find the person. */
  email: string;
  /** YYYY-MM-DD, or null when the file leaves it blank. */
  birthDate: string | null;
  /** Catalog training code, e.g. 'coach-10u'. */
  training: string;
  completedOn: string;
}

export interface LegacyImportOptions {
  /** The region's calendar date (YYYY-MM-DD); completions after it are errors. */
  today: string;
  /** More old-name -> code pairs, on top of LEGACY_TRAINING_ALIASES (and overriding it). */
  extraAliases?: Readonly<Record<string, string>>;
}

export interface LegacyImportResult {
  rows: LegacyCompletionRow[];
  errors: RowError[];
}

const COLUMNS = {
  associationId: { label: 'AYSO ID', aliases: ['AYSOID', 'Association ID', 'Volunteer ID'], required: true },
  firstName: { label: 'First Name', aliases: ['FirstName', 'Volunteer First Name'], required: true },
  lastName: { label: 'Last Name', aliases: ['LastName', 'Volunteer Last Name'], required: true },
  email: { label: 'Email', aliases: ['Email Address', 'E-mail'] },
  birthDate: { label: 'DOB', aliases: ['Date Of Birth', 'Birth Date', 'Birthdate'] },
  training: { label: 'Certification', aliases: ['Training', 'Course', 'Course Name', 'Certification Name'], required: true },
  completedOn: { label: 'Completed', aliases: ['Completed On', 'Completion Date', 'Date Completed'], required: true },
};

type Index = Partial<Record<keyof typeof COLUMNS, number>>;

/** A training name reduced to letters and digits, so "AYSO's Safe Haven" and "aysos safehaven" meet. */
export function normalizeTrainingName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The catalog code for an old system's training name, or null when it is not one this product tracks
 * (referee grades, fingerprinting...): unknown names are reported, never guessed.
 */
export function legacyTrainingCode(name: string, aliases: Readonly<Record<string, string>> = LEGACY_TRAINING_ALIASES): string | null {
  const wanted = normalizeTrainingName(name);
  if (wanted === '') return null;
  let code: string | null = null;
  for (const [alias, c] of Object.entries(aliases)) if (normalizeTrainingName(alias) === wanted) code = c;
  return code;
}

/**
 * Parses the legacy certification export. Each line becomes one completion or errors naming its line:
 * unknown trainings, impossible or future dates (relative to `today`), missing id. Missing columns are
 * reported once on line 1.
 */
export function parseLegacyCertifications(input: Uint8Array | string, options: LegacyImportOptions): LegacyImportResult {
  if (!isIsoDate(options.today)) throw new Error(`today must be a YYYY-MM-DD date, got "${options.today}"`);
  const read = readCsvTable(input);
  if (!read.ok) return { rows: [], errors: read.errors };
  const { header, records, problems } = read.table;
  const columns = requireColumns(header, COLUMNS);
  if (!columns.ok) return { rows: [], errors: [columns.error] };
  const { index } = columns;
  const aliases = { ...LEGACY_TRAINING_ALIASES, ...options.extraAliases };
  const rows: LegacyCompletionRow[] = [];
  const errors: RowError[] = [...problems];
  for (const record of records) {
    const out = readCompletion(record, index, aliases, options.today);
    if ('row' in out) rows.push(out.row);
    else errors.push(...out.errors.map((m) => rowError(record.row, m)));
  }
  return { rows, errors: errors.sort((a, b) => a.row - b.row) };
}

function readCompletion(record: CsvRecord, index: Index, aliases: Readonly<Record<string, string>>, today: string): { row: LegacyCompletionRow } | { errors: string[] } {
  const cell = (c: keyof typeof COLUMNS) => cellAt(record, index[c]);
  const errors: string[] = [];
  const associationId = cell('associationId');
  if (associationId === '') errors.push('AYSO ID is missing.');
  const name = cell('training');
  const training = legacyTrainingCode(name, aliases);
  if (name === '') errors.push('Certification is missing.');
  else if (!training) errors.push(`Certification "${name}" is not a training Touchline tracks; leave the line out, or ask for the name to be added to the legacy alias table.`);
  const birth = cell('birthDate') === '' ? null : parseDate(cell('birthDate'));
  if (birth && !birth.ok) errors.push(`DOB: ${birth.message}`);
  const completed = readCompletedOn(cell('completedOn'), today);
  if ('error' in completed) errors.push(completed.error);
  if (errors.length > 0 || !training || 'error' in completed) return { errors };
  const row: LegacyCompletionRow = {
    rowNumber: record.row,
    associationId,
    firstName: cell('firstName'),
    lastName: cell('lastName'),
    email: cell('email'),
    birthDate: birth?.ok ? birth.date : null,
    training,
    completedOn: completed.date,
  };
  return { row };
}

function readCompletedOn(text: string, today: string): { date: string } | { error: string } {
  if (text === '') return { error: 'Completed date is missing.' };
  const d = parseDate(text);
  if (!d.ok) return { error: `Completed: ${d.message}` };
  if (d.date > today) return { error: `Completed ${text} is after today (${today}); a completion cannot be in the future.` };
  return { date: d.date };
}

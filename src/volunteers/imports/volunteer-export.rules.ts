/**
 * Reads the association's volunteer export (one row per role) into role rows this product can use.
 * Pure: bytes or text in, rows and row problems out. Decoding (BOM, invalid UTF-8 read as Latin-1),
 * the delimiter (comma, tab, semicolon) and header matching (by name, and by prefix for headers with a
 * question id such as `Volunteer Role:(44102)`) come from the shared CSV helpers.
 */
import { cellAt, matchColumns, parseDate, readCsvTable, type ColumnRule, type CsvRecord, type RowError } from '../../platform/csv.js';
import type { Role } from '../../platform/roles.js';
import { allSeasons, type RegionConfig } from '../../region/index.js';

/** The columns the importer reads; the required ones must all be in the file or it is refused whole. */
export const VOLUNTEER_COLUMNS = {
  volunteerId: { label: 'AYSO Volunteer ID', aliases: ['Volunteer ID', 'AYSO ID', 'Association ID'], required: true },
  firstName: { label: 'Volunteer First Name', aliases: ['First Name'], required: true },
  lastName: { label: 'Volunteer Last Name', aliases: ['Last Name'], required: true },
  email: { label: 'Volunteer Email', aliases: ['Email', 'Email Address', 'E-mail'] },
  phone: { label: 'Volunteer Cellphone', aliases: ['Cellphone', 'Cell Phone', 'Volunteer Phone', 'Phone'] },
  birthDate: { label: 'Volunteer Date Of Birth', aliases: ['Date Of Birth', 'DOB', 'Birth Date', 'Birthdate'], required: true },
  role: { label: 'Volunteer Role', aliases: ['Role'], required: true },
  division: { label: 'Division Name', aliases: ['Division'], required: true },
  team: { label: 'Team Name', aliases: ['Team'] },
  program: { label: 'Program Name', aliases: ['Program'] },
  applicationDate: { label: 'Application Date', aliases: ['Registration Date'] },
} satisfies Record<string, ColumnRule>;

type Column = keyof typeof VOLUNTEER_COLUMNS;
type Index = Partial<Record<Column, number>>;

/**
 * The export's role names -> this product's roles (compared without case, spaces or punctuation).
 * A role not listed here (Team Parent, Referee, Board Member…) is reported with its line, never guessed.
 */
export const EXPORT_ROLE_NAMES: Readonly<Record<string, Role>> = {
  'Head Coach': 'head-coach',
  Coach: 'head-coach',
  'Assistant Coach': 'assistant-coach',
  'Asst Coach': 'assistant-coach',
  'Asst. Coach': 'assistant-coach',
  'Field Helper': 'field-helper',
  'Youth Volunteer': 'youth-volunteer',
};

/** One usable line of the export: a person and one role they applied for. */
export interface VolunteerRow {
  /** Line of the file (header = 1). */
  row: number;
  /** The association's volunteer id ('' when the line leaves it blank). */
  volunteerId: string;
  firstName: string;
  lastName: string;
  /** Lower-cased; '' when blank. */
  email: string;
  phone: string;
  birthDate: string;
  role: Role;
  /** The region's division code, e.g. '10U'. */
  division: string;
  /** 'boys' | 'girls' | 'coed', or null when the division cell names none. */
  program: string | null;
  team: string;
  seasonId: string;
  /** YYYY-MM-DD, or null when the file has no application date. */
  applicationDate: string | null;
}

export type VolunteerExport = { ok: true; rows: VolunteerRow[]; skipped: RowError[]; lines: number } | { ok: false; missingColumns: string[]; message: string };

export interface ExportOptions {
  /** A season id chosen by the person importing; otherwise each line's season comes from the file. */
  season?: string;
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** This product's role for an export role name, or null when the product has no such role. */
export function roleFromExport(name: string, names: Readonly<Record<string, Role>> = EXPORT_ROLE_NAMES): Role | null {
  const wanted = fold(name);
  if (!wanted) return null;
  return Object.entries(names).find(([n]) => fold(n) === wanted)?.[1] ?? null;
}

const PROGRAM_WORDS: Readonly<Record<string, string>> = { boys: 'boys', boy: 'boys', girls: 'girls', girl: 'girls', coed: 'coed', mixed: 'coed' };

/**
 * The region's division and the program of an export division such as `10U Boys`, `U10 Girls`,
 * `U-10` or `6U Coed`; an error message when the cell names no division of the region.
 */
export function parseDivision(text: string, config: Pick<RegionConfig, 'divisions'>): { division: string; program: string | null } | { error: string } {
  const codes = config.divisions.map((d) => d.code).join(', ');
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '') return { error: `Division Name is blank: write the division, e.g. "10U Boys" (the region's divisions: ${codes}).` };
  const m = /^(?:(\d{1,2})\s*U|U\s*-?\s*(\d{1,2}))(?:\s+(.+))?$/i.exec(t);
  const byName = config.divisions.find((d) => fold(d.name) === fold(t) || fold(d.code) === fold(t));
  if (byName) return { division: byName.code, program: null };
  if (!m) return { error: `Division "${t}" is not a division of the region: write it as age and program, e.g. "10U Boys" (the region's divisions: ${codes}).` };
  const code = `${Number(m[1] ?? m[2])}U`;
  const division = config.divisions.find((d) => d.code.toUpperCase() === code);
  if (!division) return { error: `Division "${t}": the region has no ${code} division (its divisions: ${codes}).` };
  const word = m[3] ? PROGRAM_WORDS[fold(m[3])] : null;
  if (m[3] && !word) return { error: `Division "${t}": "${m[3]}" is not a program; write Boys, Girls or Coed after the age.` };
  return { division: division.code, program: word ?? null };
}

/**
 * The configured season a line belongs to: the season whose name's words all appear in the program
 * name ("Fall 2026 Core" -> "Fall 2026"), else the season holding the application date, else the
 * first season starting after it (volunteers apply before the season opens).
 */
export function seasonOfLine(program: string, applicationDate: string | null, config: RegionConfig): string | null {
  const seasons = allSeasons(config);
  const wordsOf = (s: string) =>
    s
      .normalize('NFKD')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  const words = new Set(wordsOf(program));
  const named = words.size ? seasons.filter(({ season }) => wordsOf(season.name).every((w) => words.has(w))) : [];
  if (named.length === 1) return named[0]!.season.id;
  if (!applicationDate) return null;
  const holding = seasons.find(({ season }) => season.startDate <= applicationDate && applicationDate <= season.endDate);
  const next = seasons.find(({ season }) => season.startDate > applicationDate);
  return (holding ?? next)?.season.id ?? null;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

interface LineContext {
  config: RegionConfig;
  index: Index;
  season?: string;
}

/** One line: its role row, or why it cannot be used (every reason, so one fix round is enough). */
export function readVolunteerLine(record: CsvRecord, x: LineContext): { row: VolunteerRow } | { reason: string } {
  const cell = (c: Column) => cellAt(record, x.index[c]);
  const reasons: string[] = [];
  const roleName = cell('role');
  const role = roleFromExport(roleName);
  if (roleName === '') reasons.push('Volunteer Role is blank.');
  else if (!role) reasons.push(`Role "${roleName}" is not a role Touchline has (it has head coach, assistant coach, field helper and youth volunteer): the line is left out.`);
  const division = parseDivision(cell('division'), x.config);
  if ('error' in division) reasons.push(division.error);
  const [firstName, lastName] = [cell('firstName'), cell('lastName')];
  if (firstName === '' || lastName === '') reasons.push('The first or last name is blank.');
  const birth = cell('birthDate') === '' ? null : parseDate(cell('birthDate'));
  if (!birth) reasons.push('The date of birth is blank: an application needs it.');
  else if (!birth.ok) reasons.push(`Date of birth: ${birth.message}`);
  const applied = cell('applicationDate') === '' ? null : parseDate(cell('applicationDate'));
  if (applied && !applied.ok) reasons.push(`Application Date: ${applied.message}`);
  const email = cell('email').toLowerCase();
  if (email !== '' && !EMAIL.test(email)) reasons.push(`"${cell('email')}" is not an email address: correct it or leave the cell blank.`);
  const applicationDate = applied?.ok ? applied.date : null;
  const seasonId = x.season ?? seasonOfLine(cell('program'), applicationDate, x.config);
  if (!seasonId) reasons.push(`No configured season matches Program Name "${cell('program')}" or the application date: add the season to the region, or choose it (--season).`);
  if (reasons.length || !role || 'error' in division || !birth?.ok || !seasonId) return { reason: reasons.join(' ') };
  const row: VolunteerRow = {
    row: record.row,
    volunteerId: cell('volunteerId'),
    firstName,
    lastName,
    email,
    phone: cell('phone').slice(0, 40),
    birthDate: birth.date,
    role,
    division: division.division,
    program: division.program,
    team: cell('team'),
    seasonId,
    applicationDate,
  };
  return { row };
}

/** The key of a person within the file: the volunteer id, else the email, else name and birth date. */
export function personKeyOf(r: Pick<VolunteerRow, 'volunteerId' | 'email' | 'firstName' | 'lastName' | 'birthDate'>): string {
  if (r.volunteerId) return `id:${r.volunteerId}`;
  if (r.email) return `email:${r.email}`;
  return `name:${fold(r.firstName + r.lastName)}|${r.birthDate}`;
}

/** Repeated lines (same person, role, division and season) and lines that disagree on a person's date of birth. */
function checkRepeats(rows: VolunteerRow[]): { rows: VolunteerRow[]; skipped: RowError[] } {
  const seen = new Map<string, number>();
  const births = new Map<string, VolunteerRow>();
  const ok: VolunteerRow[] = [];
  const skipped: RowError[] = [];
  for (const r of rows) {
    const person = personKeyOf(r);
    const key = `${person}|${r.role}|${r.division}|${r.seasonId}`;
    const first = births.get(person);
    if (seen.has(key)) skipped.push({ row: r.row, message: `Repeats line ${seen.get(key)} (the same person, role, division and season).` });
    else if (first && first.birthDate !== r.birthDate)
      skipped.push({
        row: r.row,
        message: `Gives volunteer ${r.volunteerId || r.email} the date of birth ${r.birthDate}, but line ${first.row} gives ${first.birthDate}: correct one of them.`,
      });
    else {
      seen.set(key, r.row);
      births.set(person, first ?? r);
      ok.push(r);
    }
  }
  return { rows: ok, skipped };
}

/**
 * Parses the whole export. A file without the needed columns (or unreadable, or empty) is refused
 * whole, naming what is missing; otherwise usable lines become rows and the others are listed with
 * their line numbers and reasons.
 */
export function parseVolunteerExport(input: Uint8Array | string, config: RegionConfig, options: ExportOptions = {}): VolunteerExport {
  const read = readCsvTable(input);
  if (!read.ok) {
    const empty = read.errors[0]!.message.startsWith('The file is empty');
    const required = Object.values(VOLUNTEER_COLUMNS)
      .filter((c) => 'required' in c && c.required)
      .map((c) => c.label);
    return {
      ok: false,
      missingColumns: empty ? required : [],
      message: empty ? `The file is empty: it needs a header line with the columns ${required.join(', ')}.` : read.errors[0]!.message,
    };
  }
  const { header, records, problems } = read.table;
  const { index, missing } = matchColumns(header, VOLUNTEER_COLUMNS);
  const needed = missing.map((k) => VOLUNTEER_COLUMNS[k].label);
  if (!options.season && index.program === undefined && index.applicationDate === undefined) needed.push('Program Name or Application Date (or choose the season)');
  if (needed.length > 0) {
    const found = header.filter((h) => h !== '').join(', ') || 'none';
    return { ok: false, missingColumns: needed, message: `Missing column${needed.length > 1 ? 's' : ''}: ${needed.join('; ')}. Columns found: ${found}.` };
  }
  const rows: VolunteerRow[] = [];
  const skipped: RowError[] = [...problems];
  for (const record of records) {
    const out = readVolunteerLine(record, { config, index, season: options.season });
    if ('row' in out) rows.push(out.row);
    else skipped.push({ row: record.row, message: out.reason });
  }
  const checked = checkRepeats(rows);
  return { ok: true, rows: checked.rows, skipped: [...skipped, ...checked.skipped].sort((a, b) => a.row - b.row), lines: records.length + problems.length };
}

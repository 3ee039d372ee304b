/**
 * The offline formation files (`touchline teams form --players P.csv --teams T.csv --seed N --out
 * A.csv`): reading the players and teams files into formation input, and writing the assignments.
 * Pure: text in, data or row errors out. A file with any bad row is refused whole: the errors list
 * every bad line (file line numbers, header = line 1) with its reason.
 */
import type { ColumnRule, CsvRecord, CsvTable, RowError } from '../../platform/csv.js';
import { cellAt, isIsoDate, readCsvTable, requireColumns, rowError, writeCsv } from '../../platform/csv.js';
import type { Assignment, RatingScale } from './formation-model.rules.js';
import type { RegionPlayer, RegionTeam } from './formation-region.rules.js';
import { describeScale, gridIndex } from './formation-validate.rules.js';

export type { RowError };

export type PlayersCsvResult = { ok: true; players: RegionPlayer[] } | { ok: false; errors: RowError[] };
export type TeamsCsvResult = { ok: true; teams: RegionTeam[] } | { ok: false; errors: RowError[] };

const PLAYER_COLUMNS = {
  id: { label: 'player_id', required: true },
  division: { label: 'division', required: true },
  gender: { label: 'gender', required: true },
  birthDate: { label: 'birth_date', required: true },
  rating: { label: 'rating', required: true },
  coachChildOf: { label: 'coach_child_of', required: true },
  goalkeeper: { label: 'goalkeeper', required: true },
} satisfies Record<string, ColumnRule>;

const TEAM_COLUMNS = {
  division: { label: 'division', required: true },
  teamId: { label: 'team_id', required: true },
  coachId: { label: 'coach_id', required: true },
} satisfies Record<string, ColumnRule>;

type Cells<K extends string> = (record: CsvRecord) => Record<K, string>;

/** Reads the table and finds the columns, or explains why the file cannot be read at all. */
function openTable<K extends string>(text: string, rules: Record<K, ColumnRule>): { table: CsvTable; cells: Cells<K> } | RowError[] {
  const read = readCsvTable(text);
  if (!read.ok) return read.errors;
  const columns = requireColumns(read.table.header, rules);
  if (!columns.ok) return [columns.error];
  const { index } = columns;
  const keys = Object.keys(rules) as K[];
  const cells = (record: CsvRecord) => Object.fromEntries(keys.map((k) => [k, cellAt(record, index[k])])) as Record<K, string>;
  return { table: read.table, cells };
}

function sortErrors(errors: RowError[]): RowError[] {
  return errors.sort((a, b) => a.row - b.row);
}

function parseRating(text: string, scale: RatingScale): number | null | string {
  if (text === '') return null;
  const value = Number(text);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) || !Number.isFinite(value)) return `rating "${text}" is not a number; leave it empty for a new player.`;
  if (gridIndex(value, scale) === null) return `rating ${text} is off the scale (${describeScale(scale)}).`;
  return value;
}

function parseGoalkeeper(text: string): boolean | string {
  const t = text.toUpperCase();
  if (t === 'Y') return true;
  if (t === '' || t === 'N') return false;
  return `goalkeeper "${text}" must be Y or empty.`;
}

/** Checks coach_child_of against the teams file: the team must exist and be in the player's division. */
function coachChildProblem(team: string, division: string, teams: ReadonlyMap<string, RegionTeam> | null): string | null {
  if (team === '' || teams === null) return null;
  const t = teams.get(team);
  if (!t) return `coach_child_of "${team}" is not a team_id of the teams file.`;
  if (division !== '' && t.division !== division) return `coach_child_of team ${team} is in division ${t.division}, not ${division}.`;
  return null;
}

function playerRow(c: Record<keyof typeof PLAYER_COLUMNS, string>, scale: RatingScale, teams: ReadonlyMap<string, RegionTeam> | null) {
  const problems: string[] = [];
  if (c.id === '') problems.push('player_id is empty.');
  if (c.division === '') problems.push('division is empty.');
  const gender = c.gender.toUpperCase();
  if (gender !== 'M' && gender !== 'F') problems.push(`gender "${c.gender}" must be M or F.`);
  if (!isIsoDate(c.birthDate)) problems.push(`birth_date "${c.birthDate}" must be a real date written YYYY-MM-DD.`);
  const rating = parseRating(c.rating, scale);
  if (typeof rating === 'string') problems.push(rating);
  const goalkeeper = parseGoalkeeper(c.goalkeeper);
  if (typeof goalkeeper === 'string') problems.push(goalkeeper);
  const child = coachChildProblem(c.coachChildOf, c.division, teams);
  if (child) problems.push(child);
  if (problems.length > 0) return { problems };
  const player: RegionPlayer = {
    id: c.id,
    division: c.division,
    gender: gender as 'M' | 'F',
    birthDate: c.birthDate,
    rating: rating as number | null,
    coachChildOf: c.coachChildOf === '' ? null : c.coachChildOf,
    goalkeeper: goalkeeper as boolean,
  };
  return { player, problems };
}

/**
 * Reads P.csv (`player_id,division,gender,birth_date,rating,coach_child_of,goalkeeper`): gender M or
 * F, birth_date YYYY-MM-DD, rating on the region's scale or empty (new player), coach_child_of the
 * team_id of the player's parent head coach or empty, goalkeeper Y or empty. Given the teams, each
 * coach_child_of must name a team of the player's own division. Duplicate player ids are refused.
 */
export function parsePlayersCsv(text: string, scale: RatingScale, teams?: readonly RegionTeam[]): PlayersCsvResult {
  const opened = openTable(text, PLAYER_COLUMNS);
  if (Array.isArray(opened)) return { ok: false, errors: opened };
  const teamMap = teams ? new Map(teams.map((t) => [t.teamId, t])) : null;
  const errors = [...opened.table.problems];
  const firstLine = new Map<string, number>();
  const players: RegionPlayer[] = [];
  for (const record of opened.table.records) {
    const c = opened.cells(record);
    const { player, problems } = playerRow(c, scale, teamMap);
    const seen = firstLine.get(c.id);
    if (c.id !== '' && seen !== undefined) problems.push(`player_id ${c.id} is already on line ${seen}.`);
    else if (c.id !== '') firstLine.set(c.id, record.row);
    for (const message of problems) errors.push(rowError(record.row, message));
    if (player && problems.length === 0) players.push(player);
  }
  return errors.length > 0 ? { ok: false, errors: sortErrors(errors) } : { ok: true, players };
}

/** Reads T.csv (`division,team_id,coach_id`), one row per team to form; team ids must be unique. */
export function parseTeamsCsv(text: string): TeamsCsvResult {
  const opened = openTable(text, TEAM_COLUMNS);
  if (Array.isArray(opened)) return { ok: false, errors: opened };
  const errors = [...opened.table.problems];
  const firstLine = new Map<string, number>();
  const teams: RegionTeam[] = [];
  for (const record of opened.table.records) {
    const c = opened.cells(record);
    const problems: string[] = [];
    if (c.division === '') problems.push('division is empty.');
    if (c.teamId === '') problems.push('team_id is empty.');
    if (c.coachId === '') problems.push('coach_id is empty: every team to form needs its head coach.');
    const seen = firstLine.get(c.teamId);
    if (c.teamId !== '' && seen !== undefined) problems.push(`team_id ${c.teamId} is already on line ${seen}.`);
    else if (c.teamId !== '') firstLine.set(c.teamId, record.row);
    for (const message of problems) errors.push(rowError(record.row, message));
    if (problems.length === 0) teams.push({ division: c.division, teamId: c.teamId, coachId: c.coachId });
  }
  return errors.length > 0 ? { ok: false, errors: sortErrors(errors) } : { ok: true, teams };
}

/** Writes A.csv: `player_id,team_id`, one line per player, in the order given. */
export function formatAssignmentsCsv(assignments: readonly Assignment[]): string {
  return writeCsv(
    ['player_id', 'team_id'],
    assignments.map((a) => [a.playerId, a.teamId]),
  );
}

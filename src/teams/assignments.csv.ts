/**
 * Reading A.csv (`player_id,team_id`, one line per player), the assignment `touchline teams form`
 * writes and the portal publishes with each draw record, for `touchline teams verify`. Pure: text
 * in, assignments or row errors out; a file with any bad row is refused whole.
 */
import type { RowError } from '../platform/csv.js';
import { cellAt, readCsvTable, requireColumns, rowError } from '../platform/csv.js';
import type { Assignment } from './engine/formation.rules.js';

export type AssignmentsCsvResult = { ok: true; assignments: Assignment[] } | { ok: false; errors: RowError[] };

const COLUMNS = { playerId: { label: 'player_id', required: true }, teamId: { label: 'team_id', required: true } };

/** Reads A.csv: every player once, each with a team. */
export function parseAssignmentsCsv(text: string): AssignmentsCsvResult {
  const read = readCsvTable(text);
  if (!read.ok) return read;
  const columns = requireColumns(read.table.header, COLUMNS);
  if (!columns.ok) return { ok: false, errors: [columns.error] };
  const { index } = columns;
  const errors = [...read.table.problems];
  const firstLine = new Map<string, number>();
  const assignments: Assignment[] = [];
  for (const record of read.table.records) {
    const playerId = cellAt(record, index.playerId);
    const teamId = cellAt(record, index.teamId);
    const problems: string[] = [];
    if (playerId === '') problems.push('player_id is empty.');
    if (teamId === '') problems.push(`team_id is empty: every player needs the team the draw gave them.`);
    const seen = firstLine.get(playerId);
    if (playerId !== '' && seen !== undefined) problems.push(`player_id ${playerId} is already on line ${seen}.`);
    else if (playerId !== '') firstLine.set(playerId, record.row);
    for (const message of problems) errors.push(rowError(record.row, message));
    if (problems.length === 0) assignments.push({ playerId, teamId });
  }
  return errors.length > 0 ? { ok: false, errors: errors.sort((a, b) => a.row - b.row) } : { ok: true, assignments };
}

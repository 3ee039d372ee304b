import { writeCsv } from '../../platform/csv.js';
import { ROLE_LABELS, isRole } from '../../platform/roles.js';
import type { DirectoryItem } from './directory.service.js';

export const CSV_HEADER = ['Last name', 'First name', 'Email', 'Association id', 'Roles', 'Person id'] as const;

/** A role as one cell: "Head coach 10U (2026-fall)", "Registrar (standing)". */
export const roleText = (r: { role: string; division: string; season: string }) =>
  `${isRole(r.role) ? ROLE_LABELS[r.role] : r.role}${r.division ? ` ${r.division}` : ''} (${r.season || 'standing'})`;

/** The directory's matches as CSV (byte-order mark for Excel; formulas defused by writeCsv). */
export function directoryCsv(items: readonly DirectoryItem[]): string {
  return writeCsv(
    CSV_HEADER,
    items.map((p) => [p.lastName, p.firstName, p.email, p.associationId, p.roles.map(roleText).join('; '), p.id]),
    { bom: true },
  );
}

import type { CsvCell } from '../../platform/csv.js';
import type { BoardRow } from '../badges.service.js';
import { roleText } from '../badges.views.js';

/** The board's list as CSV (formula protection is writeCsv's): one row per coach. */

export const CSV_HEADER = ['Name', 'Email', 'Roles', 'Photo', 'Status', 'Printed on', 'Badge valid', 'Missing'] as const;

const PHOTO_TEXT = { pending: 'waiting for approval', approved: 'approved', rejected: 'rejected' } as const;

export function csvCells(r: BoardRow): CsvCell[] {
  const photo = r.photo ? `${PHOTO_TEXT[r.photo.status]}${r.photo.reason ? `: ${r.photo.reason}` : ''}` : 'none';
  const valid = r.check ? (r.check.valid ? 'yes' : `no, since ${r.check.since}`) : '';
  return [
    `${r.firstName} ${r.lastName}`.trim(),
    r.email ?? '',
    r.roles.map(roleText).join('; '),
    photo,
    r.status,
    r.current?.printedAt?.slice(0, 10) ?? '',
    valid,
    r.eligibility.missing.map((m) => m.message).join(' '),
  ];
}

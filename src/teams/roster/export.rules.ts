/**
 * The association's team upload file: 7 columns, one row per player and one per staff member.
 * PlayerID is the registration system's player id (empty for a player entered by hand);
 * VolunteerID is the person's association id, else their Touchline id; VolunteerTypeID is 1 for a
 * head coach and 2 for an assistant coach.
 */
import { writeCsv } from '../../platform/csv.js';

export const TEAM_UPLOAD_HEADER = ['TeamName', 'PlayerID', 'VolunteerID', 'VolunteerTypeID', 'Player Name', 'Team Personnel Name', 'Team Personnel Role'] as const;

export const VOLUNTEER_TYPES = {
  'head-coach': { id: 1, label: 'Head Coach' },
  'assistant-coach': { id: 2, label: 'Assistant Coach' },
} as const;

export interface ExportTeam {
  name: string;
  staff: { personId: string; associationId: string | null; role: keyof typeof VOLUNTEER_TYPES; firstName: string; lastName: string }[];
  players: { externalId: string | null; firstName: string; lastName: string }[];
}

/** Rows of the upload file: per team its staff (head coach first), then its players by name. */
export function teamUploadRows(teams: readonly ExportTeam[]): string[][] {
  const rows: string[][] = [];
  for (const t of teams) {
    for (const s of t.staff) {
      const type = VOLUNTEER_TYPES[s.role];
      rows.push([t.name, '', s.associationId ?? s.personId, String(type.id), '', `${s.firstName} ${s.lastName}`, type.label]);
    }
    const players = [...t.players].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
    for (const p of players) rows.push([t.name, p.externalId ?? '', '', '', `${p.firstName} ${p.lastName}`, '', '']);
  }
  return rows;
}

export function teamUploadCsv(teams: readonly ExportTeam[]): string {
  return writeCsv(TEAM_UPLOAD_HEADER, teamUploadRows(teams));
}

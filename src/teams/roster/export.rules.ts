/**
 * The association's team upload file: 7 columns, one row per player and one per staff member.
 * PlayerID is the registration system's player id and VolunteerID the person's association (volunteer)
 * id; never Touchline's own ids, which the association does not know. A player or staff member without
 * one gets MISSING_ID in that cell, so the row stands out and the upload refuses it rather than filing it
 * under a wrong id (add the id, then export again). VolunteerTypeID is 1 for a head coach and 2 for an
 * assistant coach.
 */
import { writeCsv } from '../../platform/csv.js';

export const TEAM_UPLOAD_HEADER = ['TeamName', 'PlayerID', 'VolunteerID', 'VolunteerTypeID', 'Player Name', 'Team Personnel Name', 'Team Personnel Role'] as const;

/** What a row says in PlayerID or VolunteerID when the person has no association id. */
export const MISSING_ID = 'MISSING';

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
      rows.push([t.name, '', s.associationId || MISSING_ID, String(type.id), '', `${s.firstName} ${s.lastName}`, type.label]);
    }
    const players = [...t.players].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
    for (const p of players) rows.push([t.name, p.externalId || MISSING_ID, '', '', `${p.firstName} ${p.lastName}`, '', '']);
  }
  return rows;
}

export function teamUploadCsv(teams: readonly ExportTeam[]): string {
  return writeCsv(TEAM_UPLOAD_HEADER, teamUploadRows(teams));
}

/**
 * Assessment coverage (rules.md, Coach mentoring: "every coach is assessed at least once at a
 * practice and once at a game each season"): per division and team, which coaches still lack a
 * practice assessment, a game assessment, or both. An assessment counts for the coach whatever
 * team it was made at, so a coach of two teams needs one of each, not two.
 */

export interface StaffMember {
  teamId: string;
  teamName: string;
  division: string;
  personId: string;
  name: string;
  /** head-coach | assistant-coach */
  role: string;
}

export interface AssessmentFact {
  coachId: string;
  kind: string;
}

export type Missing = 'none' | 'practice' | 'game' | 'both';

export interface CoachCoverage {
  personId: string;
  name: string;
  role: string;
  practice: number;
  game: number;
  missing: Missing;
}

export interface TeamCoverage {
  teamId: string;
  teamName: string;
  coaches: CoachCoverage[];
}

export interface DivisionCoverage {
  division: string;
  teams: TeamCoverage[];
  /** Coaches of the division still missing something (each counted once). */
  coachesMissing: number;
  coaches: number;
}

export function missingOf(practice: number, game: number): Missing {
  if (practice > 0 && game > 0) return 'none';
  if (practice > 0) return 'game';
  if (game > 0) return 'practice';
  return 'both';
}

const roleOrder = (role: string) => (role === 'head-coach' ? 0 : 1);

/**
 * The coverage table. Divisions follow `divisionOrder` (the region's order; unknown ones last),
 * teams their name, coaches head coach first then by name. With `onlyMissing`, coaches already
 * covered and teams left empty are dropped.
 */
export function coverage(staff: readonly StaffMember[], assessments: readonly AssessmentFact[], divisionOrder: readonly string[], onlyMissing = false): DivisionCoverage[] {
  const counts = new Map<string, { practice: number; game: number }>();
  for (const a of assessments) {
    const c = counts.get(a.coachId) ?? { practice: 0, game: 0 };
    if (a.kind === 'practice') c.practice++;
    if (a.kind === 'game') c.game++;
    counts.set(a.coachId, c);
  }
  const byDivision = new Map<string, Map<string, TeamCoverage>>();
  for (const s of staff) {
    const c = counts.get(s.personId) ?? { practice: 0, game: 0 };
    const missing = missingOf(c.practice, c.game);
    const teams = byDivision.get(s.division) ?? new Map<string, TeamCoverage>();
    byDivision.set(s.division, teams);
    const team = teams.get(s.teamId) ?? { teamId: s.teamId, teamName: s.teamName, coaches: [] };
    teams.set(s.teamId, team);
    if (onlyMissing && missing === 'none') continue;
    team.coaches.push({ personId: s.personId, name: s.name, role: s.role, practice: c.practice, game: c.game, missing });
  }
  const rank = (d: string) => (divisionOrder.includes(d) ? divisionOrder.indexOf(d) : divisionOrder.length);
  return [...byDivision.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([division, teams]) => {
      const all = staff.filter((s) => s.division === division);
      const people = new Set(all.map((s) => s.personId));
      const missingPeople = new Set(all.filter((s) => missingOf(counts.get(s.personId)?.practice ?? 0, counts.get(s.personId)?.game ?? 0) !== 'none').map((s) => s.personId));
      const list = [...teams.values()]
        .map((t) => ({ ...t, coaches: t.coaches.sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.name.localeCompare(b.name)) }))
        .filter((t) => !onlyMissing || t.coaches.length > 0)
        .sort((a, b) => a.teamName.localeCompare(b.teamName, undefined, { numeric: true }));
      return { division, teams: list, coachesMissing: missingPeople.size, coaches: people.size };
    })
    .filter((d) => !onlyMissing || d.teams.length > 0);
}

export const MISSING_LABELS: Record<Missing, string> = {
  none: 'Assessed at a practice and a game',
  practice: 'Needs a practice assessment',
  game: 'Needs a game assessment',
  both: 'Needs a practice and a game assessment',
};

/** The coverage as CSV rows (one per coach and team), for the coach administrator's spreadsheet. */
export function coverageRows(table: readonly DivisionCoverage[]): (string | number)[][] {
  return table.flatMap((d) => d.teams.flatMap((t) => t.coaches.map((c) => [d.division, t.teamName, c.name, c.role, c.practice, c.game, MISSING_LABELS[c.missing]])));
}

export const COVERAGE_HEADER = ['Division', 'Team', 'Coach', 'Role', 'Practice assessments', 'Game assessments', 'Status'] as const;

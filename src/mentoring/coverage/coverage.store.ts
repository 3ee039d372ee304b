import type { Db } from '../../platform/db/database.js';
import type { AssessmentFact, StaffMember } from './coverage.rules.js';

/** Reads coverage needs: the season's team staff (the teams capability owns those tables) and who was assessed. */

/** Every head and assistant coach of the season's teams, with their team and division. */
export async function seasonStaff(db: Db, seasonId: string, division?: string): Promise<StaffMember[]> {
  let q = db
    .selectFrom('team_staff as ts')
    .innerJoin('teams as t', 't.id', 'ts.team_id')
    .innerJoin('people as p', 'p.id', 'ts.person_id')
    .select(['t.id', 't.name', 't.division', 'ts.person_id', 'ts.role', 'p.first_name', 'p.last_name'])
    .where('t.season_id', '=', seasonId);
  if (division) q = q.where('t.division', '=', division);
  const rows = await q.execute();
  return rows.map((r) => ({ teamId: r.id, teamName: r.name, division: r.division, personId: r.person_id, name: `${r.first_name} ${r.last_name}`.trim(), role: r.role }));
}

/** Who was assessed, at what (no content): what coverage needs and all it may know. */
export async function assessmentFacts(db: Db, seasonId: string): Promise<AssessmentFact[]> {
  const rows = await db.selectFrom('mentoring_assessments').select(['coach_id', 'kind']).where('season_id', '=', seasonId).execute();
  return rows.map((r) => ({ coachId: r.coach_id, kind: r.kind }));
}

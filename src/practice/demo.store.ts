import type { Db } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

/**
 * Stores teams and their staff as the demo's practice step makes them when the teams step made
 * none (rows of the teams capability's tables, written as its publishing would).
 */
export async function insertTeamsWithStaff(db: Db, teams: DB['teams'][], staff: DB['team_staff'][]): Promise<void> {
  if (teams.length) await db.insertInto('teams').values(teams).execute();
  if (staff.length) await db.insertInto('team_staff').values(staff).execute();
}

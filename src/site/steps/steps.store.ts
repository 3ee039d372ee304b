import type { Db } from '../../platform/db/database.js';

/** The reads behind the coaches page steps (steps.service.ts puts them together). */

/** In-person class sessions from `today` on that the person registered for and was not yet credited for. */
export async function upcomingRegistrations(db: Db, personId: string, today: string) {
  return db
    .selectFrom('class_registrations as r')
    .innerJoin('class_sessions as s', 's.id', 'r.session_id')
    .select(['s.training', 's.part', 's.date'])
    .where('r.person_id', '=', personId)
    .where('r.credited_at', 'is', null)
    .where('s.cancelled_at', 'is', null)
    .where('s.date', '>=', today)
    .orderBy('s.date')
    .execute();
}

/** Team id -> practice bookings it holds (teams without any are absent). */
export async function practiceBookingCounts(db: Db, teamIds: readonly string[]): Promise<Map<string, number>> {
  if (!teamIds.length) return new Map();
  const rows = await db
    .selectFrom('practice_bookings')
    .select(['team_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('team_id', 'in', [...teamIds])
    .groupBy('team_id')
    .execute();
  return new Map(rows.map((c) => [c.team_id, Number(c.n)]));
}

/** Confirmed mentoring sign-ups of the person in the season's sessions that are not cancelled. */
export async function confirmedMentoringSignups(db: Db, personId: string, seasonId: string): Promise<number> {
  const r = await db
    .selectFrom('mentoring_signups as m')
    .innerJoin('mentoring_sessions as s', 's.id', 'm.session_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.person_id', '=', personId)
    .where('m.status', '=', 'confirmed')
    .where('s.season_id', '=', seasonId)
    .where('s.cancelled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

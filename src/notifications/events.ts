import type { Db } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import { ROLE_LABELS, isRole } from '../people/roles.js';
import { notify, type NotifyResult } from './notify.js';

/**
 * Ready-made mails for events other features raise, so their words and links live in one place:
 * call them inside the transaction of the change (pass `trx` as db).
 */
type EventDeps = Pick<Deps, 'mailer' | 'clock' | 'config'>;

/** Each coach of the teams hears which team they coach, once per team whatever the number of calls. */
export async function notifyTeamsPublished(db: Db, deps: EventDeps, teamIds: readonly string[]): Promise<number> {
  if (!teamIds.length) return 0;
  const rows = await db
    .selectFrom('team_staff')
    .innerJoin('teams', 'teams.id', 'team_staff.team_id')
    .innerJoin('people', 'people.id', 'team_staff.person_id')
    .select(['team_staff.person_id', 'team_staff.role', 'teams.id as team_id', 'teams.name', 'teams.division', 'people.first_name'])
    .where('teams.id', 'in', [...teamIds])
    .execute();
  let sent = 0;
  for (const r of rows) {
    const role = isRole(r.role) ? ROLE_LABELS[r.role].toLowerCase() : r.role;
    const text = [`Hello ${r.first_name},`, '', `The ${r.division} teams are published: you are ${role} of ${r.name}.`, '', `Your next steps (practice slots, mentoring, game cards): ${deps.config.baseUrl}/coaches`, `Book your practice slots: ${deps.config.baseUrl}/practice`].join('\n');
    const res = await notify(db, deps.mailer, { personId: r.person_id, kind: 'teams-published', subject: `Your team: ${r.name}`, text, once: r.team_id }, deps);
    if (res.sent) sent++;
  }
  return sent;
}

/** The coach's badge is printed (once per season). */
export function notifyBadgeReady(db: Db, deps: EventDeps, personId: string, seasonId: string, pickUp: string): Promise<NotifyResult> {
  const text = ['Your coach badge is printed.', '', pickUp, '', 'Wear it at every game: it shows referees and families that you are a certified coach.'].join('\n');
  return notify(db, deps.mailer, { personId, kind: 'badge-ready', subject: 'Your coach badge is ready', text, once: seasonId }, deps);
}

/** The badge photo cannot be used; the person is told why and where to upload another (always sent). */
export function notifyPhotoRejected(db: Db, deps: EventDeps, personId: string, reason: string): Promise<NotifyResult> {
  const text = ['We cannot print your coach badge with the photo you uploaded:', '', reason, '', `Upload another one on your profile: ${deps.config.baseUrl}/profile`].join('\n');
  return notify(db, deps.mailer, { personId, kind: 'badge-photo-rejected', subject: 'Your badge photo needs replacing', text }, deps);
}

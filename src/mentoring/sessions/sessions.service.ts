import { newId } from '../../platform/clock.js';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors.js';
import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/feature.js';
import { zonedToEpoch } from '../../platform/time/zone.rules.js';
import { currentSeason } from '../../region/index.js';
import { getRegionConfig, regionToday, seasonNow } from '../../region/index.js';
import type { RegionConfig } from '../../region/index.js';
import { coachesTeam, findTeam, teamsCoachedBy } from '../../teams/index.js';
import type { Viewer } from '../mentoring.access.js';
import { instantLabel } from '../dates.rules.js';
import { personContact } from '../people.store.js';
import { mailSessionNotice, mailVisitPlanned } from './sessions.mail.js';
import { changeDeadline, changesOpen, decideSignup, defaultPlace, isVisit, nextInLine, sessionProblems, waitlistPlace, weeklyDates, type SessionInput } from './sessions.rules.js';
import {
  findSession,
  findSignup,
  insertSessions,
  insertSignups,
  listSessions,
  lockSession,
  markSessionCancelled,
  nextPosition,
  signupsOf,
  signupsOfPerson,
  staffOfTeam,
  updateSignup,
  type SessionRecord,
  type SessionRow,
} from './sessions.store.js';

/** Use cases of mentoring sessions: publish (weekly repeats in one step), sign up, waitlist, cancel, and the sessions a coach may join. */

const mustFind = async (db: Db, id: string): Promise<SessionRecord> => (await findSession(db, id)) ?? Promise.reject(notFound('That mentoring session'));

/** Publishes one session, or one per week for `repeatWeeks` weeks, all in one transaction. */
export async function publishSessions(deps: Deps, viewer: Viewer, input: SessionInput): Promise<SessionRecord[]> {
  const config = await getRegionConfig(deps.db);
  const today = regionToday(config, deps.clock);
  const team = input.teamId && isVisit(input.kind) ? await findTeam(deps.db, input.teamId) : undefined;
  const errors = sessionProblems(input, { today, fieldIds: config.fields.map((f) => f.id), teamKnown: !!team });
  if (errors.length) throw invalid(errors.length === 1 ? errors[0]! : `The session has ${errors.length} problems: ${errors[0]}`, { errors });
  const at = deps.clock.now().toISOString();
  const seriesId = input.repeatWeeks > 1 ? newId() : null;
  const rows = weeklyDates(input.date, input.repeatWeeks).map((date) => ({
    id: newId(),
    season_id: team?.seasonId ?? currentSeason(config, date)?.season.id ?? '',
    mentor_id: viewer.personId,
    kind: input.kind,
    topic: input.topic.trim(),
    date,
    start_time: input.startTime,
    minutes: input.minutes,
    starts_at: new Date(zonedToEpoch(date, input.startTime, config.region.timeZone)).toISOString(),
    field_id: input.fieldId || null,
    place: input.place.trim() || (input.fieldId ? '' : defaultPlace(input.kind)),
    team_id: team?.id ?? null,
    capacity: input.capacity,
    cutoff_hours: input.cutoffHours,
    series_id: seriesId,
    created_at: at,
    cancelled_at: null,
  }));
  return deps.db.transaction().execute(async (trx) => {
    await insertSessions(trx, rows);
    const made = await Promise.all(rows.map((r) => mustFind(trx, r.id)));
    if (team) for (const coach of await staffOfTeam(trx, team.id)) await mailVisitPlanned(trx, deps, coach, made, config.fields);
    return made;
  });
}

export interface SignupResult {
  status: 'confirmed' | 'waitlisted';
  /** Place on the waitlist (1 = next), null when confirmed. */
  waitlistPlace: number | null;
}

const closedMessage = (s: SessionRow, config: RegionConfig, what: string) =>
  `${what} for this session closed at ${instantLabel(changeDeadline(s.starts_at, s.cutoff_hours), config.region.timeZone)} (${s.cutoff_hours} hours before the start). Contact the mentor directly.`;

/** The checks before a coach joins a session: it exists, is open, and (for a visit) is their team's. */
async function openSessionFor(trx: Db, deps: Deps, config: RegionConfig, viewer: Viewer, sessionId: string): Promise<SessionRow> {
  const s = await lockSession(trx, sessionId);
  if (!s) throw notFound('That mentoring session');
  if (s.cancelled_at) throw new AppError('SESSION_CANCELLED', 'This session was cancelled by its mentor: choose another one.');
  if (!changesOpen(s.starts_at, s.cutoff_hours, deps.clock.now().toISOString())) throw new AppError('SIGNUP_CLOSED', closedMessage(s, config, 'Sign-up'));
  if (s.team_id && !(await coachesTeam(trx, viewer.personId, s.team_id))) {
    throw new AppError('NOT_YOUR_TEAM', "This is a mentor's visit to another team: only that team's coaches sign up for it. Choose a group session instead.");
  }
  return s;
}

/**
 * Signs a coach up. The session row is locked first, so capacity holds when many coaches sign up
 * at once. A full session is refused (SESSION_FULL) unless the coach asked for the waitlist.
 */
export async function signUp(deps: Deps, viewer: Viewer, sessionId: string, wantsWaitlist: boolean): Promise<SignupResult> {
  const config = await getRegionConfig(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    const s = await openSessionFor(trx, deps, config, viewer, sessionId);
    const all = await signupsOf(trx, sessionId);
    const mine = all.find((u) => u.personId === viewer.personId);
    if (mine?.status === 'confirmed') throw new AppError('ALREADY_SIGNED_UP', 'You are already signed up for this session.');
    if (mine?.status === 'waitlisted') throw new AppError('ALREADY_SIGNED_UP', `You are already on the waitlist for this session (number ${waitlistPlace(all, viewer.personId)}).`);
    const confirmed = all.filter((u) => u.status === 'confirmed').length;
    const decision = decideSignup(s.capacity, confirmed, wantsWaitlist);
    if ('refused' in decision) {
      const waiting = all.filter((u) => u.status === 'waitlisted').length;
      throw new AppError(
        'SESSION_FULL',
        `This session is full (${s.capacity} of ${s.capacity} places taken). Join the waitlist: you move up automatically when someone cancels${waiting ? ` (${waiting} already waiting)` : ''}.`,
        { capacity: s.capacity, waiting, waitlist: true },
      );
    }
    const at = deps.clock.now().toISOString();
    const position = await nextPosition(trx, sessionId);
    const row = { status: decision.status, position, signed_up_at: at, changed_at: at };
    if (mine) await updateSignup(trx, sessionId, viewer.personId, row);
    else await insertSignups(trx, [{ id: newId(), session_id: sessionId, person_id: viewer.personId, ...row }]);
    const place = decision.status === 'waitlisted' ? waitlistPlace(await signupsOf(trx, sessionId), viewer.personId) : null;
    const me = await personContact(trx, viewer.personId);
    if (me) await mailSessionNotice(trx, deps, me, await mustFind(trx, sessionId), config.fields, decision.status === 'confirmed' ? 'signup' : 'waitlist', place ?? undefined);
    return { status: decision.status, waitlistPlace: place };
  });
}

/**
 * Cancels a coach's sign-up (or takes them off the waitlist). A confirmed place may be given back
 * only before the cut-off; the first coach on the waitlist then moves up in the same transaction
 * and is mailed. Leaving the waitlist is possible until the start.
 */
export async function cancelSignup(deps: Deps, viewer: Viewer, sessionId: string): Promise<{ promotedPersonId: string | null }> {
  const config = await getRegionConfig(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    const s = await lockSession(trx, sessionId);
    const mine = s ? await findSignup(trx, sessionId, viewer.personId) : undefined;
    if (!s || !mine || mine.status === 'cancelled') throw notFound('Your sign-up for this session');
    const now = deps.clock.now().toISOString();
    if (mine.status === 'confirmed' && !changesOpen(s.starts_at, s.cutoff_hours, now)) throw new AppError('CUTOFF_PASSED', closedMessage(s, config, 'Cancelling'));
    if (mine.status === 'waitlisted' && now >= s.starts_at) throw new AppError('CUTOFF_PASSED', 'This session has started: there is nothing left to cancel.');
    await updateSignup(trx, sessionId, viewer.personId, { status: 'cancelled', changed_at: now });
    const session = await mustFind(trx, sessionId);
    const me = await personContact(trx, viewer.personId);
    if (me && mine.status === 'confirmed') await mailSessionNotice(trx, deps, me, session, config.fields, 'cancelled');
    const next = mine.status === 'confirmed' && !s.cancelled_at ? nextInLine(await signupsOf(trx, sessionId)) : undefined;
    if (!next) return { promotedPersonId: null };
    await updateSignup(trx, sessionId, next.personId, { status: 'confirmed', changed_at: now });
    const promoted = await personContact(trx, next.personId);
    if (promoted) await mailSessionNotice(trx, deps, promoted, await mustFind(trx, sessionId), config.fields, 'promoted');
    return { promotedPersonId: next.personId };
  });
}

/** The mentor who published a session cancels it; everyone signed up or waiting is mailed. */
export async function cancelSession(deps: Deps, viewer: Viewer, sessionId: string): Promise<void> {
  const config = await getRegionConfig(deps.db);
  await deps.db.transaction().execute(async (trx) => {
    const s = await lockSession(trx, sessionId);
    if (!s) throw notFound('That mentoring session');
    if (s.mentor_id !== viewer.personId) throw forbidden('Only the mentor who published this session can cancel it.');
    if (s.cancelled_at) throw new AppError('SESSION_CANCELLED', 'This session is already cancelled.');
    if (deps.clock.now().toISOString() >= s.starts_at) throw new AppError('SESSION_STARTED', 'This session has already started; it can no longer be cancelled.');
    await markSessionCancelled(trx, sessionId, deps.clock.now().toISOString());
    const session = await mustFind(trx, sessionId);
    for (const u of await signupsOf(trx, sessionId)) {
      if (u.status !== 'cancelled') await mailSessionNotice(trx, deps, { name: u.name, email: u.email }, session, config.fields, 'session-cancelled');
    }
  });
}

/** A session with everyone signed up and waiting, for mentors and the coach administrator. */
export async function sessionRoster(deps: Deps, sessionId: string) {
  const session = await mustFind(deps.db, sessionId);
  const all = (await signupsOf(deps.db, sessionId)).filter((u) => u.status !== 'cancelled');
  return { session, confirmed: all.filter((u) => u.status === 'confirmed'), waitlist: all.filter((u) => u.status === 'waitlisted') };
}

export interface SessionForCoach extends SessionRecord {
  /** confirmed | waitlisted | null (not signed up) */
  myStatus: string | null;
  myPlace: number | null;
}

/**
 * Sessions from now on that a coach may join (every group session, and visits to their own
 * teams; every session with `all`), each with the viewer's own status and waitlist place.
 */
export async function sessionsForCoach(deps: Deps, viewer: Viewer, opts: { all?: boolean } = {}): Promise<SessionForCoach[]> {
  const config = await getRegionConfig(deps.db);
  const seasonId = seasonNow(config, deps.clock)?.season.id ?? '';
  const now = deps.clock.now().toISOString();
  const myTeams = new Set((await teamsCoachedBy(deps.db, viewer.personId, seasonId)).map((t) => t.id));
  const mine = new Map((await signupsOfPerson(deps.db, viewer.personId, now)).map((s) => [s.sessionId, s]));
  const sessions = (await listSessions(deps.db, { from: now })).filter((s) => opts.all || !s.teamId || myTeams.has(s.teamId) || mine.has(s.id));
  const out: SessionForCoach[] = [];
  for (const s of sessions) {
    const m = mine.get(s.id);
    const place = m?.status === 'waitlisted' ? waitlistPlace(await signupsOf(deps.db, s.id), viewer.personId) : null;
    out.push({ ...s, myStatus: m?.status ?? null, myPlace: place });
  }
  return out;
}

/** Read models of the class pages and API: the session list and one session's roster. */
import { forbidden, notFound } from '../../platform/errors.js';
import type { Deps } from '../../platform/feature.js';
import { getRegionConfig, regionToday } from '../../region/index.js';
import { catalogOf } from '../catalog.rules.js';
import { canCreditOn, seatsLeft } from './classes.rules.js';
import { findSession, listInstructors, listSessions, registrationsOf } from './classes.store.js';
import { canManage, isManager, type ClassActor } from './classes.service.js';
import { classOptions, completionLabel, type CodeOption } from '../training.rules.js';
import { peopleByIds } from '../training.store.js';
import type { SessionLine } from '../volunteer.service.js';

export interface StaffSession extends SessionLine {
  canManage: boolean;
}

export interface ClassesModel {
  today: string;
  options: CodeOption[];
  /** People who may be named instructor (managers only; empty for an instructor). */
  instructors: { id: string; name: string }[];
  upcoming: StaffSession[];
  recent: StaffSession[];
  isManager: boolean;
}

const RECENT_DAYS = 60;

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export async function classesModel(deps: Pick<Deps, 'db' | 'clock'>, actor: ClassActor): Promise<ClassesModel> {
  const config = await getRegionConfig(deps.db);
  const catalog = catalogOf(config);
  const today = regionToday(config, deps.clock);
  const sessions = await listSessions(deps.db, { from: daysBefore(today, RECENT_DAYS), limit: 500 });
  const names = await peopleByIds(
    deps.db,
    sessions.map((s) => s.instructorId),
  );
  const lines: StaffSession[] = sessions.map((s) => ({
    ...s,
    label: completionLabel(catalog, s.training, s.part),
    instructorName: names.get(s.instructorId)?.name ?? '',
    seatsLeft: seatsLeft(s.capacity, s.registered),
    canManage: canManage(actor, s),
  }));
  const manager = isManager(actor);
  const instructors = manager ? await listInstructors(deps.db) : [];
  if (manager && !instructors.some((i) => i.id === actor.id)) instructors.unshift({ id: actor.id, name: `${actor.name} (you)` });
  return {
    today,
    options: classOptions(catalog),
    instructors,
    upcoming: lines.filter((s) => s.date >= today),
    recent: lines.filter((s) => s.date < today).reverse(),
    isManager: manager,
  };
}

export interface RosterLine {
  personId: string;
  name: string;
  email: string | null;
  registeredAt: string;
  creditedAt: string | null;
}

export interface Roster {
  session: StaffSession;
  attendees: RosterLine[];
  /** Crediting is open (the class day has come) and the class is not cancelled. */
  canCredit: boolean;
  canCancel: boolean;
  today: string;
}

/** One session's roster, for its instructor and the class managers. */
export async function rosterOf(deps: Pick<Deps, 'db' | 'clock'>, actor: ClassActor, sessionId: string): Promise<Roster> {
  const s = await findSession(deps.db, sessionId);
  if (!s) throw notFound('That class');
  if (!canManage(actor, s)) throw forbidden('Only the instructor of this class, the coach administrator and the region administrator can open its roster.');
  const config = await getRegionConfig(deps.db);
  const today = regionToday(config, deps.clock);
  const regs = await registrationsOf(deps.db, s.id);
  const people = await peopleByIds(deps.db, [...regs.map((r) => r.personId), s.instructorId]);
  const attendees = regs
    .map((r) => ({
      personId: r.personId,
      name: people.get(r.personId)?.name ?? 'Unknown',
      email: people.get(r.personId)?.email ?? null,
      registeredAt: r.registeredAt,
      creditedAt: r.creditedAt,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const session: StaffSession = {
    ...s,
    registered: regs.length,
    label: completionLabel(catalogOf(config), s.training, s.part),
    instructorName: people.get(s.instructorId)?.name ?? '',
    seatsLeft: seatsLeft(s.capacity, regs.length),
    canManage: true,
  };
  return { session, attendees, canCredit: !s.cancelledAt && canCreditOn(s, today), canCancel: !s.cancelledAt && !regs.some((r) => r.creditedAt), today };
}

/**
 * In-person classes: instructors and the coach administrator schedule sessions, volunteers register
 * (capacity and prerequisites checked in the same transaction as the insert), and the instructor
 * credits registered attendees, which records their completions.
 */
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/clock.js';
import { recordAudit, type Actor } from '../../platform/audit.js';
import type { Role } from '../../platform/roles.js';
import { getRegionConfig, regionToday } from '../../region/index.js';
import type { RegionConfig } from '../../region/index.js';
import { catalogOf, indexCompletions, registrationPrerequisites, trainingStatus } from '../catalog.rules.js';
import { checkSession, hasStarted, type SessionForm } from './classes.rules.js';
import { completionLabel, localDateTime, longDate } from '../training.rules.js';
import { activePerson, listCompletions } from '../training.store.js';
import {
  countRegistrations,
  deleteRegistration,
  findRegistration,
  holdsRole,
  insertRegistration,
  insertSession,
  lockSession,
  registrationsOf,
  type ClassSession,
  type Registration,
  markSessionCancelled,
} from './classes.store.js';
import type { TrainingDeps } from '../completions/completions.service.js';

/** Roles that manage every class (an instructor manages their own). */
export const CLASS_MANAGERS: readonly Role[] = ['coach-administrator', 'region-administrator'];
/** Roles that may open the class pages. */
export const CLASS_STAFF: readonly Role[] = ['instructor', ...CLASS_MANAGERS];

export interface ClassActor extends Actor {
  id: string;
  roles: readonly Role[];
}

export const isManager = (a: { roles: readonly Role[] }) => a.roles.some((r) => CLASS_MANAGERS.includes(r));

/** May this person run the roster of this session (credit, cancel)? */
export function canManage(a: ClassActor, s: ClassSession): boolean {
  return isManager(a) || s.instructorId === a.id;
}

export const regionNow = (config: RegionConfig, deps: Pick<TrainingDeps, 'clock'>) => localDateTime(deps.clock.now(), config.region.timeZone);

export function sessionLabel(config: RegionConfig, s: ClassSession): string {
  return `${completionLabel(catalogOf(config), s.training, s.part)}, ${longDate(s.date)} ${s.startTime}–${s.endTime}, ${s.place}`;
}

/**
 * Schedules a session. An instructor schedules their own; the coach or region administrator may
 * name any person holding the instructor role (or themself).
 */
export async function createSession(deps: TrainingDeps, actor: ClassActor, form: SessionForm & { instructorId?: string }): Promise<ClassSession> {
  const config = await getRegionConfig(deps.db);
  const checked = checkSession(catalogOf(config), form, regionToday(config, deps.clock));
  if (!checked.ok) throw new AppError('VALIDATION', checked.errors[0]!, { errors: checked.errors });
  const instructorId = isManager(actor) && form.instructorId ? form.instructorId : actor.id;
  if (!isManager(actor) && !actor.roles.includes('instructor')) throw forbidden('Only instructors and the coach administrator can schedule classes.');
  return deps.db.transaction().execute(async (trx) => {
    if (instructorId !== actor.id && !((await activePerson(trx, instructorId)) && (await holdsRole(trx, instructorId, 'instructor')))) {
      throw new AppError('VALIDATION', 'The instructor must be a person holding the instructor role: give them the role first, or choose yourself.', { field: 'instructorId' });
    }
    const at = deps.clock.now().toISOString();
    const s: ClassSession = { id: newId(), ...checked.value, instructorId, createdAt: at, cancelledAt: null };
    await insertSession(trx, s);
    await recordAudit(trx, { actor, at, action: 'training.class.create', entity: 'class', entityId: s.id, after: s });
    return s;
  });
}

/** Cancels a session nobody has been credited for; registered people are told by mail. */
export async function cancelSession(deps: TrainingDeps, actor: ClassActor, sessionId: string): Promise<void> {
  const config = await getRegionConfig(deps.db);
  await deps.db.transaction().execute(async (trx) => {
    const s = await lockSession(trx, sessionId);
    if (!s) throw notFound('That class');
    if (!canManage(actor, s)) throw forbidden('Only the class instructor and the coach administrator can cancel this class.');
    if (s.cancelledAt) return;
    const regs = await registrationsOf(trx, s.id);
    if (regs.some((r) => r.creditedAt)) throw new AppError('CLASS_HELD', 'Attendees of this class were already credited, so it cannot be cancelled.');
    const at = deps.clock.now().toISOString();
    await markSessionCancelled(trx, s.id, at);
    for (const r of regs) {
      const p = await activePerson(trx, r.personId);
      if (p?.email)
        await deps.mailer.queue(trx, {
          to: p.email,
          subject: 'Class cancelled',
          kind: 'training.class.cancelled',
          text: `Hello ${p.firstName},\n\nThis class was cancelled: ${sessionLabel(config, s)}.\nChoose another session on your Training page: ${deps.config.baseUrl}/training\n`,
        });
    }
    await recordAudit(trx, {
      actor,
      at,
      action: 'training.class.cancel',
      entity: 'class',
      entityId: s.id,
      before: { cancelledAt: null, registered: regs.length },
      after: { cancelledAt: at },
    });
  });
}

/**
 * Registers a person for a session: open (not cancelled, not started), not already registered or
 * complete, prerequisites done, and a seat left. The session row is locked while seats are
 * counted, so simultaneous registrations never exceed the capacity.
 */
export async function register(deps: TrainingDeps, personId: string, sessionId: string): Promise<Registration> {
  const config = await getRegionConfig(deps.db);
  const catalog = catalogOf(config);
  const today = regionToday(config, deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const s = await lockSession(trx, sessionId);
    if (!s) throw notFound('That class');
    if (s.cancelledAt) throw new AppError('CLASS_CANCELLED', 'This class was cancelled: choose another session.');
    if (hasStarted(s, regionNow(config, deps))) throw new AppError('CLASS_STARTED', 'This class has already started: choose an upcoming session.');
    if (await findRegistration(trx, s.id, personId)) throw new AppError('ALREADY_REGISTERED', 'You are already registered for this class.');
    const index = indexCompletions(await listCompletions(trx, personId), today);
    const training = catalog.get(s.training);
    if (training && index.get(s.training)?.has(s.part) && trainingStatus(training, index, today).valid) {
      throw new AppError('ALREADY_COMPLETED', `You have already completed ${completionLabel(catalog, s.training, s.part)}: no need to take the class again.`);
    }
    const missing = registrationPrerequisites(catalog, { training: s.training, part: s.part }, index, today);
    if (missing.length) throw new AppError('PREREQUISITE_MISSING', missing.map((m) => m.message).join(' '), { missing, errors: missing.map((m) => m.message) });
    if ((await countRegistrations(trx, s.id)) >= s.capacity)
      throw new AppError('CLASS_FULL', 'This class is full: choose another session, or ask the coach administrator to add one.');
    const at = deps.clock.now().toISOString();
    const reg: Registration = { id: newId(), sessionId: s.id, personId, registeredAt: at, creditedAt: null, creditedBy: null };
    await insertRegistration(trx, reg);
    const p = await activePerson(trx, personId);
    if (p?.email) {
      const text = `Hello ${p.firstName},\n\nYou are registered for ${sessionLabel(config, s)}.\nCome on time: the instructor credits registered attendees who take part.\nTo cancel, use your Training page before the class starts: ${deps.config.baseUrl}/training\n`;
      await deps.mailer.queue(trx, {
        to: p.email,
        subject: `Registered: ${completionLabel(catalog, s.training, s.part)} on ${longDate(s.date)}`,
        kind: 'training.class.registered',
        text,
      });
    }
    return reg;
  });
}

/** Cancels one's registration before the class starts. */
export async function cancelRegistration(deps: TrainingDeps, personId: string, sessionId: string): Promise<void> {
  const config = await getRegionConfig(deps.db);
  await deps.db.transaction().execute(async (trx) => {
    const s = await lockSession(trx, sessionId);
    const reg = s && (await findRegistration(trx, s.id, personId));
    if (!s || !reg) throw notFound('Your registration for that class');
    if (reg.creditedAt) throw new AppError('ALREADY_CREDITED', 'You were already credited for this class; the registration stays.');
    if (hasStarted(s, regionNow(config, deps))) throw new AppError('CLASS_STARTED', 'The class has started: registrations can no longer be cancelled.');
    await deleteRegistration(trx, reg.id);
  });
}

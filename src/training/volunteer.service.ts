/**
 * What a volunteer's Training page and home card show: trainings and certificates, class
 * registrations, classes open for registration (with seats left and anything to do first), and
 * uploaded certificates with their status. Read-only.
 */
import type { Deps } from '../platform/feature.js';
import { getRegionConfig, regionToday } from '../region/index.js';
import { catalogOf, indexCompletions, registrationPrerequisites, trainingStatus } from './catalog.rules.js';
import { hasStarted, seatsLeft } from './classes/classes.rules.js';
import { listSessions, registrationsOfPerson, type ClassSession } from './classes/classes.store.js';
import { regionNow } from './classes/classes.service.js';
import { trainingOverview, type CompletionView, type TrainingLine } from './completions/completions.service.js';
import { completionLabel, completionOptions, type CodeOption } from './training.rules.js';
import { peopleByIds } from './training.store.js';
import { listRequests } from './requests/requests.store.js';

export interface SessionLine extends ClassSession {
  label: string;
  instructorName: string;
  registered: number;
  seatsLeft: number;
}

export interface OpenClass extends SessionLine {
  /** What the person can do: register, or why not. */
  action: { kind: 'register' } | { kind: 'registered' } | { kind: 'full' } | { kind: 'done' } | { kind: 'blocked'; reasons: string[] };
}

export interface MyRegistration {
  session: SessionLine;
  creditedAt: string | null;
  canCancel: boolean;
}

export interface MyRequest {
  id: string;
  label: string;
  completedOn: string;
  sentAt: string;
  status: string;
  reason: string | null;
  fileName: string;
}

export interface VolunteerTraining {
  today: string;
  lines: TrainingLine[];
  completions: CompletionView[];
  registrations: MyRegistration[];
  classes: OpenClass[];
  requests: MyRequest[];
  options: CodeOption[];
}

async function withNames(deps: Pick<Deps, 'db'>, catalog: ReturnType<typeof catalogOf>, sessions: (ClassSession & { registered: number })[]): Promise<SessionLine[]> {
  const names = await peopleByIds(
    deps.db,
    sessions.map((s) => s.instructorId),
  );
  return sessions.map((s) => ({
    ...s,
    label: completionLabel(catalog, s.training, s.part),
    instructorName: names.get(s.instructorId)?.name ?? '',
    seatsLeft: seatsLeft(s.capacity, s.registered),
  }));
}

export async function volunteerTraining(deps: Pick<Deps, 'db' | 'clock'>, personId: string): Promise<VolunteerTraining> {
  const config = await getRegionConfig(deps.db);
  const catalog = catalogOf(config);
  const today = regionToday(config, deps.clock);
  const now = regionNow(config, deps);
  const overview = await trainingOverview(deps, personId);
  const index = indexCompletions(overview.completions, today);
  const mine = await registrationsOfPerson(deps.db, personId, today);
  const counts = new Map((await listSessions(deps.db, { from: today })).map((s) => [s.id, s]));
  const myLines = await withNames(
    deps,
    catalog,
    mine.filter((r) => !r.session.cancelledAt).map((r) => ({ ...r.session, registered: counts.get(r.sessionId)?.registered ?? 0 })),
  );
  const registrations = mine
    .filter((r) => !r.session.cancelledAt)
    .map((r, i) => ({ session: myLines[i]!, creditedAt: r.creditedAt, canCancel: !r.creditedAt && !hasStarted(r.session, now) }));
  const registeredIds = new Set(mine.map((r) => r.sessionId));
  const open = await withNames(
    deps,
    catalog,
    [...counts.values()].filter((s) => !s.cancelledAt && !hasStarted(s, now)),
  );
  const classes: OpenClass[] = open.map((s) => {
    const training = catalog.get(s.training);
    if (registeredIds.has(s.id)) return { ...s, action: { kind: 'registered' } };
    if (training && index.get(s.training)?.has(s.part) && trainingStatus(training, index, today).valid) return { ...s, action: { kind: 'done' } };
    const missing = registrationPrerequisites(catalog, s, index, today);
    if (missing.length) return { ...s, action: { kind: 'blocked', reasons: missing.map((m) => m.message) } };
    return { ...s, action: s.seatsLeft > 0 ? { kind: 'register' } : { kind: 'full' } };
  });
  const requests = (await listRequests(deps.db, { personId, newestFirst: true, limit: 50 })).map((r) => ({
    id: r.id,
    label: completionLabel(catalog, r.training, r.part),
    completedOn: r.completed_on,
    sentAt: r.created_at,
    status: r.status,
    reason: r.reason,
    fileName: r.file_name,
  }));
  return { today, lines: overview.lines, completions: overview.completions, registrations, classes, requests, options: completionOptions(catalog) };
}

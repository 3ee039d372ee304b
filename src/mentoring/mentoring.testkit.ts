/**
 * Test data for mentoring tests (not used by the product): teams with staff inserted directly (the
 * teams capability owns forming them), and people with roles.
 */
import { newId } from '../platform/clock.js';
import type { Deps } from '../platform/feature.js';
import type { Role } from '../platform/roles.js';
import { makeActor, type TestActor } from '../testing/actors.js';
import type { Viewer } from './mentoring.access.js';
import type { SessionInput } from './sessions/sessions.rules.js';

export const SEASON = '2026-fall';
let teamNumber = 0;

export async function makeTeam(deps: Deps, division = '10U', staff: { personId: string; role?: 'head-coach' | 'assistant-coach' }[] = []): Promise<{ id: string; name: string }> {
  teamNumber++;
  const id = newId();
  const name = `${division} Coed ${teamNumber}`;
  const at = deps.clock.now().toISOString();
  await deps.db.insertInto('teams').values({ id, season_id: SEASON, division, program: 'coed', number: teamNumber, name, published_at: at, created_at: at }).execute();
  for (const s of staff)
    await deps.db
      .insertInto('team_staff')
      .values({ team_id: id, person_id: s.personId, role: s.role ?? 'head-coach', added_at: at })
      .execute();
  return { id, name };
}

export interface Person extends TestActor {
  viewer: Viewer;
}

export async function person(deps: Deps, roles: Role[]): Promise<Person> {
  const a = await makeActor(deps, roles, { seasonId: roles.some((r) => r === 'head-coach' || r === 'assistant-coach' || r === 'mentor') ? SEASON : '' });
  return { ...a, viewer: { personId: a.id, roles } };
}

export const mailsTo = (deps: Deps, email: string, kind?: string) => {
  let q = deps.db.selectFrom('outbox').selectAll().where('to_address', '=', email.toLowerCase()).orderBy('created_at').orderBy('id');
  if (kind) q = q.where('kind', '=', kind);
  return q.execute();
};

/** A group session input for 2026-09-22 18:30 at Brett (a week after TEST_NOW). */
export const groupSession = (over: Partial<SessionInput> = {}): SessionInput => ({
  kind: 'group',
  topic: 'Positive coaching',
  date: '2026-09-22',
  startTime: '18:30',
  minutes: 60,
  fieldId: 'brett',
  place: '',
  teamId: '',
  capacity: 2,
  cutoffHours: 24,
  repeatWeeks: 1,
  ...over,
});
export { recordAssessment } from './assessments/assessments.service.js';
export { publishSessions, signUp } from './sessions/sessions.service.js';

import { newId } from '../../platform/clock.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import type { Deps } from '../../platform/feature.js';
import { getRegionConfig, regionToday } from '../../region/index.js';
import { coachesTeam, findTeam } from '../../teams/index.js';
import { assessmentProblems, canSeeAssessment, messageProblems, normalizeRatings, threadRole, type AssessmentInput } from './assessments.rules.js';
import type { Viewer } from '../mentoring.access.js';
import {
  findAssessment,
  insertAssessment,
  insertMessage,
  listAssessments,
  lockAssessment,
  markAcknowledged,
  messagesOf,
  type Assessment,
  type AssessmentSummary,
  type ThreadMessage,
} from './assessments.store.js';
import { personContact } from '../people.store.js';
import { mailNewAssessment, mailThreadMessage } from './assessments.mail.js';

/**
 * Use cases of assessments. Every read and write goes through canSeeAssessment: whoever may not
 * see an assessment is told it does not exist (NOT_FOUND), never that it is private.
 */

export interface NewAssessment extends AssessmentInput {
  teamId: string;
  coachId: string;
}

const problem = (errors: string[]) => invalid(errors.length === 1 ? errors[0]! : `The assessment has ${errors.length} problems: ${errors[0]}`, { errors });

/** A mentor records an assessment of a coach of a team; the coach is mailed a link to it. */
export async function recordAssessment(deps: Deps, viewer: Viewer, input: NewAssessment): Promise<string> {
  if (!viewer.roles.includes('mentor')) throw forbidden('Only coach mentors record assessments.');
  const config = await getRegionConfig(deps.db);
  const errors = assessmentProblems(input, regionToday(config, deps.clock));
  const team = input.teamId ? await findTeam(deps.db, input.teamId) : undefined;
  if (!team) errors.unshift('Choose the team you watched.');
  else if (!input.coachId || !(await coachesTeam(deps.db, input.coachId, team.id))) errors.unshift(`Choose a coach of ${team.name}: the person chosen is not on its staff.`);
  if (input.coachId === viewer.personId) errors.unshift('You cannot assess yourself: another mentor records your assessment.');
  if (errors.length || !team) throw problem(errors);
  const id = newId();
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await insertAssessment(trx, {
      id,
      season_id: team.seasonId,
      coach_id: input.coachId,
      mentor_id: viewer.personId,
      team_id: team.id,
      team_name: team.name,
      division: team.division,
      date: input.date,
      kind: input.kind,
      ratings_json: JSON.stringify(normalizeRatings(input.ratings)),
      strengths: input.strengths.trim(),
      work_on: input.workOn.trim(),
      notes: input.notes.trim(),
      created_at: at,
      acknowledged_at: null,
    });
    const coach = await personContact(trx, input.coachId);
    const mentor = await personContact(trx, viewer.personId);
    if (coach) await mailNewAssessment(trx, deps, coach, id, mentor?.name ?? 'Your mentor', input.kind, input.date);
  });
  return id;
}

export interface AssessmentView {
  assessment: Assessment;
  messages: ThreadMessage[];
  /** 'coach' may acknowledge and ask, 'mentor' answers, null only reads (coach administrator). */
  role: 'coach' | 'mentor' | null;
}

/** One assessment with its thread, for those who may see it; NOT_FOUND for everyone else. */
export async function viewAssessment(deps: Deps, viewer: Viewer, id: string): Promise<AssessmentView> {
  const a = await findAssessment(deps.db, id);
  if (!a || !canSeeAssessment(viewer, a)) throw notFound('That assessment');
  return { assessment: a, messages: await messagesOf(deps.db, id), role: threadRole(viewer, a) };
}

/** The assessments a viewer may see: a coach administrator every one, others theirs (as coach or mentor). */
export async function visibleAssessments(deps: Deps, viewer: Viewer, f: { seasonId?: string; coachId?: string } = {}): Promise<AssessmentSummary[]> {
  if (viewer.roles.includes('coach-administrator')) return listAssessments(deps.db, { seasonId: f.seasonId, coachId: f.coachId });
  const mine = await listAssessments(deps.db, { seasonId: f.seasonId, coachId: viewer.personId, mentorId: viewer.personId, either: true });
  return f.coachId ? mine.filter((a) => a.coachId === f.coachId) : mine;
}

/** The coach says they have read it (once; later acknowledgements keep the first time). */
export async function acknowledgeAssessment(deps: Deps, viewer: Viewer, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const a = await lockAssessment(trx, id);
    const parties = a ? { coachId: a.coach_id, mentorId: a.mentor_id } : null;
    if (!parties || !canSeeAssessment(viewer, parties)) throw notFound('That assessment');
    if (threadRole(viewer, parties) !== 'coach') throw forbidden('Only the coach assessed acknowledges an assessment.');
    await markAcknowledged(trx, id, deps.clock.now().toISOString());
  });
}

/** The coach asks, the mentor answers, in the assessment's thread; the other side is mailed. */
export async function postMessage(deps: Deps, viewer: Viewer, id: string, body: string): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const a = await lockAssessment(trx, id);
    const parties = a ? { coachId: a.coach_id, mentorId: a.mentor_id } : null;
    if (!parties || !canSeeAssessment(viewer, parties)) throw notFound('That assessment');
    const role = threadRole(viewer, parties);
    if (!role) throw forbidden('Only the coach and the mentor write in this thread; you can read it.');
    const errors = messageProblems(body);
    if (errors.length) throw invalid(errors[0]!, { errors });
    const seq = await insertMessage(trx, { id: newId(), assessmentId: id, authorId: viewer.personId, body: body.trim(), at: deps.clock.now().toISOString() });
    const me = await personContact(trx, viewer.personId);
    const other = await personContact(trx, role === 'coach' ? parties.mentorId : parties.coachId);
    if (other) await mailThreadMessage(trx, deps, other, id, me?.name ?? 'Someone', role === 'mentor');
    return seq;
  });
}

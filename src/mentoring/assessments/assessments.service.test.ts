import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../../testing/harness.js';
import { acknowledgeAssessment, postMessage, recordAssessment, viewAssessment, visibleAssessments, type NewAssessment } from './assessments.service.js';
import { mailsTo, makeTeam, person, type Person } from '../mentoring.testkit.js';
import { loadCoverage } from '../coverage/coverage.service.js';
import { codeOf } from '../../testing/refusals.js';

const SECRET = 'Strong rapport with the players';

describe.each(testDialects())('assessments on %s', (dialect) => {
  let t: TestApp;
  let mentor: Person, otherMentor: Person, coach: Person, assistant: Person, otherCoach: Person, coachAdmin: Person, regionAdmin: Person;
  let team: { id: string; name: string };
  let input: NewAssessment;
  beforeAll(async () => {
    t = await openTestApp(dialect);
    mentor = await person(t.deps, ['mentor']);
    otherMentor = await person(t.deps, ['mentor']);
    coach = await person(t.deps, ['head-coach']);
    assistant = await person(t.deps, ['assistant-coach']);
    otherCoach = await person(t.deps, ['head-coach']);
    coachAdmin = await person(t.deps, ['coach-administrator']);
    regionAdmin = await person(t.deps, ['region-administrator']);
    team = await makeTeam(t.deps, '10U', [{ personId: coach.id }, { personId: assistant.id, role: 'assistant-coach' }]);
    await makeTeam(t.deps, '8U', [{ personId: otherCoach.id }]);
    input = {
      teamId: team.id,
      coachId: coach.id,
      kind: 'practice',
      date: '2026-09-14',
      ratings: { organisation: 3, safety: 4 },
      strengths: SECRET,
      workOn: 'Shorter lines at drills',
      notes: '',
    };
  });
  afterAll(async () => t?.close());

  it('records an assessment and mails the coach a link, never the content', async () => {
    const id = await recordAssessment(t.deps, mentor.viewer, input);
    const mail = await mailsTo(t.deps, coach.email, 'mentoring-assessment');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body_text).toContain(`/mentoring/assessments/${id}`);
    expect(mail[0]!.body_text).not.toContain(SECRET);
    const v = await viewAssessment(t.deps, coach.viewer, id);
    expect(v.assessment).toMatchObject({
      coachId: coach.id,
      mentorId: mentor.id,
      teamName: team.name,
      division: '10U',
      seasonId: '2026-fall',
      kind: 'practice',
      strengths: SECRET,
    });
    expect(v.assessment.ratings).toEqual({ organisation: 3, 'age-appropriate': null, 'positive-coaching': null, safety: 4, 'game-day': null });
  });

  it('refuses non-mentors, coaches not on the team, and assessing oneself', async () => {
    expect(await codeOf(recordAssessment(t.deps, coachAdmin.viewer, input))).toBe('FORBIDDEN');
    const e = await recordAssessment(t.deps, mentor.viewer, { ...input, coachId: otherCoach.id }).catch((x) => x);
    expect(e.code).toBe('VALIDATION');
    expect(e.details.errors[0]).toContain(`Choose a coach of ${team.name}`);
    const coachMentor = await person(t.deps, ['mentor', 'head-coach']);
    const own = await makeTeam(t.deps, '12U', [{ personId: coachMentor.id }]);
    const self = await recordAssessment(t.deps, coachMentor.viewer, { ...input, teamId: own.id, coachId: coachMentor.id }).catch((x) => x);
    expect(self.details.errors).toContain('You cannot assess yourself: another mentor records your assessment.');
    const many = await recordAssessment(t.deps, mentor.viewer, { ...input, teamId: 'nope', date: '2030-01-01', strengths: '' }).catch((x) => x);
    expect(many.details.errors).toHaveLength(3);
  });

  it('shows an assessment only to its coach, its mentor and the coach administrator', async () => {
    const id = await recordAssessment(t.deps, mentor.viewer, { ...input, kind: 'game' });
    for (const p of [coach, mentor, coachAdmin]) expect(await codeOf(viewAssessment(t.deps, p.viewer, id))).toBe('ok');
    for (const p of [otherMentor, assistant, otherCoach, regionAdmin]) expect(await codeOf(viewAssessment(t.deps, p.viewer, id))).toBe('NOT_FOUND');
    expect(await codeOf(viewAssessment(t.deps, coach.viewer, 'does-not-exist'))).toBe('NOT_FOUND');
    const ids = async (p: Person) => (await visibleAssessments(t.deps, p.viewer)).map((a) => a.id);
    expect(await ids(coach)).toContain(id);
    expect(await ids(mentor)).toContain(id);
    expect(await ids(coachAdmin)).toContain(id);
    for (const p of [otherMentor, assistant, otherCoach, regionAdmin]) expect(await ids(p)).toEqual([]);
  });

  it('lets the coach acknowledge and ask, the mentor answer, and mails the other side', async () => {
    const id = await recordAssessment(t.deps, mentor.viewer, input);
    expect(await codeOf(acknowledgeAssessment(t.deps, mentor.viewer, id))).toBe('FORBIDDEN');
    expect(await codeOf(acknowledgeAssessment(t.deps, otherCoach.viewer, id))).toBe('NOT_FOUND');
    await acknowledgeAssessment(t.deps, coach.viewer, id);
    const first = (await viewAssessment(t.deps, coach.viewer, id)).assessment.acknowledgedAt;
    expect(first).toBe(t.clock.now().toISOString());
    t.clock.advance(60_000);
    await acknowledgeAssessment(t.deps, coach.viewer, id);
    expect((await viewAssessment(t.deps, coach.viewer, id)).assessment.acknowledgedAt).toBe(first);

    const mentorMailsBefore = (await mailsTo(t.deps, mentor.email, 'mentoring-message')).length;
    expect(await postMessage(t.deps, coach.viewer, id, 'What drill would shorten the lines?')).toBe(1);
    expect(await mailsTo(t.deps, mentor.email, 'mentoring-message')).toHaveLength(mentorMailsBefore + 1);
    expect(await postMessage(t.deps, mentor.viewer, id, 'Try 4 small groups with a ball each.')).toBe(2);
    const answer = (await mailsTo(t.deps, coach.email, 'mentoring-message')).at(-1)!;
    expect(answer.subject).toBe('Your mentor answered');
    expect(answer.body_text).not.toContain('small groups');
    expect(await codeOf(postMessage(t.deps, coachAdmin.viewer, id, 'Hi'))).toBe('FORBIDDEN');
    expect(await codeOf(postMessage(t.deps, otherMentor.viewer, id, 'Hi'))).toBe('NOT_FOUND');
    expect(await codeOf(postMessage(t.deps, coach.viewer, id, '   '))).toBe('VALIDATION');
    const v = await viewAssessment(t.deps, coachAdmin.viewer, id);
    expect(v.role).toBeNull();
    expect(v.messages.map((m) => [m.seq, m.authorId])).toEqual([
      [1, coach.id],
      [2, mentor.id],
    ]);
  });

  it("computes this season's coverage from staff and assessments", async () => {
    const c = await loadCoverage(t.deps);
    const tenU = c.table.find((d) => d.division === '10U')!;
    const coaches = tenU.teams.find((x) => x.teamId === team.id)!.coaches;
    expect(coaches.map((x) => [x.personId, x.missing])).toEqual([
      [coach.id, 'none'],
      [assistant.id, 'both'],
    ]);
    const only = await loadCoverage(t.deps, { onlyMissing: true, division: '8U' });
    expect(only.table.map((d) => d.division)).toEqual(['8U']);
    expect(only.table[0]!.teams[0]!.coaches[0]).toMatchObject({ personId: otherCoach.id, missing: 'both' });
  });
});

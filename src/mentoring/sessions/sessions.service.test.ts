import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { openTestApp, testDialects, type TestApp } from '../../testing/harness.js';
import { groupSession, mailsTo, makeTeam, person, type Person } from '../mentoring.testkit.js';
import { cancelSession, cancelSignup, publishSessions, sessionRoster, sessionsForCoach, signUp } from './sessions.service.js';
import { codeOf } from '../../testing/refusals.js';

describe.each(testDialects())('mentoring sessions on %s', (dialect) => {
  let t: TestApp;
  let mentor: Person;
  const coaches: Person[] = [];
  beforeAll(async () => {
    t = await openTestApp(dialect);
    mentor = await person(t.deps, ['mentor']);
    for (let i = 0; i < 14; i++) coaches.push(await person(t.deps, [i % 2 ? 'assistant-coach' : 'head-coach']));
  });
  afterAll(async () => t?.close());

  it('publishes a weekly series in one step, at region-local times', async () => {
    const made = await publishSessions(t.deps, mentor.viewer, groupSession({ repeatWeeks: 4 }));
    expect(made.map((s) => s.date)).toEqual(['2026-09-22', '2026-09-29', '2026-10-06', '2026-10-13']);
    expect(made[0]!.startsAt).toBe('2026-09-23T01:30:00.000Z');
    expect(new Set(made.map((s) => s.seriesId)).size).toBe(1);
    expect(made[0]!.seriesId).not.toBeNull();
    expect(made[0]).toMatchObject({ seasonId: '2026-fall', mentorId: mentor.id, capacity: 2, confirmed: 0 });
  });

  it('publishes nothing when any problem is found, and lists every problem', async () => {
    const before = await t.deps.db.selectFrom('mentoring_sessions').select('id').execute();
    const e = await publishSessions(t.deps, mentor.viewer, groupSession({ topic: '', capacity: 0, repeatWeeks: 3 })).catch((x) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e.details.errors).toHaveLength(2);
    expect(await t.deps.db.selectFrom('mentoring_sessions').select('id').execute()).toHaveLength(before.length);
  });

  it('signs up, refuses a full session with SESSION_FULL, waitlists on request and promotes on cancel', async () => {
    const [s] = await publishSessions(t.deps, mentor.viewer, groupSession({ topic: 'Waitlist check' }));
    const [a, b, c, d] = coaches;
    expect(await signUp(t.deps, a!.viewer, s!.id, false)).toEqual({ status: 'confirmed', waitlistPlace: null });
    expect(await codeOf(signUp(t.deps, a!.viewer, s!.id, false))).toBe('ALREADY_SIGNED_UP');
    await signUp(t.deps, b!.viewer, s!.id, false);
    const full = await signUp(t.deps, c!.viewer, s!.id, false).catch((x) => x);
    expect(full.code).toBe('SESSION_FULL');
    expect(full.message).toMatch(/full \(2 of 2 places taken\)\. Join the waitlist/);
    expect(await signUp(t.deps, c!.viewer, s!.id, true)).toEqual({ status: 'waitlisted', waitlistPlace: 1 });
    expect(await signUp(t.deps, d!.viewer, s!.id, true)).toEqual({ status: 'waitlisted', waitlistPlace: 2 });

    const signupMail = (await mailsTo(t.deps, a!.email, 'mentoring-signup')).at(-1)!;
    expect(signupMail.subject).toContain('Waitlist check');
    const [ics] = JSON.parse(signupMail.attachments!) as { filename: string; content: string; contentType: string }[];
    expect(ics!.contentType).toContain('text/calendar');
    expect(ics!.content).toContain('BEGIN:VEVENT');
    expect(ics!.content).toContain('DTSTART:20260923T013000Z');
    expect(await mailsTo(t.deps, c!.email, 'mentoring-waitlist')).toHaveLength(1);

    expect(await cancelSignup(t.deps, a!.viewer, s!.id)).toEqual({ promotedPersonId: c!.id });
    const r = await sessionRoster(t.deps, s!.id);
    expect(r.confirmed.map((u) => u.personId)).toEqual([b!.id, c!.id]);
    expect(r.waitlist.map((u) => u.personId)).toEqual([d!.id]);
    const promoted = await mailsTo(t.deps, c!.email, 'mentoring-promoted');
    expect(promoted).toHaveLength(1);
    expect(promoted[0]!.attachments).toContain('BEGIN:VEVENT');
    expect((await mailsTo(t.deps, a!.email, 'mentoring-cancelled'))[0]!.attachments).toContain('METHOD:CANCEL');
    const forD = (await sessionsForCoach(t.deps, d!.viewer)).find((x) => x.id === s!.id);
    expect(forD).toMatchObject({ myStatus: 'waitlisted', myPlace: 1, confirmed: 2, waiting: 1 });

    // Leaving the waitlist promotes nobody; signing up again goes to the end of the line.
    expect(await cancelSignup(t.deps, d!.viewer, s!.id)).toEqual({ promotedPersonId: null });
    expect(await signUp(t.deps, a!.viewer, s!.id, true)).toEqual({ status: 'waitlisted', waitlistPlace: 1 });
    expect(await signUp(t.deps, d!.viewer, s!.id, true)).toEqual({ status: 'waitlisted', waitlistPlace: 2 });
    expect(await codeOf(cancelSignup(t.deps, coaches[5]!.viewer, s!.id))).toBe('NOT_FOUND');
  });

  it('closes sign-up and cancelling at the cut-off, but a coach may still leave the waitlist', async () => {
    const [s] = await publishSessions(t.deps, mentor.viewer, groupSession({ topic: 'Cut-off check', capacity: 1, cutoffHours: 48 }));
    const [a, b, c] = coaches.slice(6);
    await signUp(t.deps, a!.viewer, s!.id, false);
    await signUp(t.deps, b!.viewer, s!.id, true);
    const now = t.clock.now();
    try {
      t.clock.set('2026-09-21T01:30:00.000Z'); // exactly 48 hours before 18:30 PDT on 22 September
      const closed = await signUp(t.deps, c!.viewer, s!.id, true).catch((x) => x);
      expect(closed.code).toBe('SIGNUP_CLOSED');
      expect(closed.message).toContain('closed at Sun 20 Sep 2026 18:30 (48 hours before the start)');
      expect(await codeOf(cancelSignup(t.deps, a!.viewer, s!.id))).toBe('CUTOFF_PASSED');
      expect(await cancelSignup(t.deps, b!.viewer, s!.id)).toEqual({ promotedPersonId: null });
      t.clock.set('2026-09-21T01:29:59.000Z');
      expect(await cancelSignup(t.deps, a!.viewer, s!.id)).toEqual({ promotedPersonId: null });
    } finally {
      t.clock.set(now);
    }
  });

  it('keeps capacity when many coaches sign up at the same moment', async () => {
    const [s] = await publishSessions(t.deps, mentor.viewer, groupSession({ topic: 'Rush', capacity: 3 }));
    const results = await Promise.all(coaches.slice(0, 12).map((c) => codeOf(signUp(t.deps, c.viewer, s!.id, false))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(3);
    expect(results.filter((r) => r === 'SESSION_FULL')).toHaveLength(9);
    const [w] = await publishSessions(t.deps, mentor.viewer, groupSession({ topic: 'Rush with waitlist', capacity: 3 }));
    const placed = await Promise.all(coaches.slice(0, 12).map((c) => signUp(t.deps, c.viewer, w!.id, true)));
    expect(placed.filter((p) => p.status === 'confirmed')).toHaveLength(3);
    expect(
      placed
        .map((p) => p.waitlistPlace)
        .filter((p) => p !== null)
        .sort((x, y) => x! - y!),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const r = await sessionRoster(t.deps, w!.id);
    expect(r.confirmed).toHaveLength(3);
    expect(r.waitlist).toHaveLength(9);
  });

  it('lets only the coaches of the visited team sign up for a visit, and tells them it is planned', async () => {
    const [own, other] = coaches.slice(10);
    const team = await makeTeam(t.deps, '10U', [{ personId: own!.id }]);
    const [v] = await publishSessions(t.deps, mentor.viewer, groupSession({ kind: 'practice-visit', teamId: team.id, topic: 'Practice visit', capacity: 2 }));
    expect(v).toMatchObject({ teamId: team.id, teamName: team.name });
    const notice = await mailsTo(t.deps, own!.email, 'mentoring-visit');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.attachments).toContain('BEGIN:VEVENT');
    expect(await codeOf(signUp(t.deps, other!.viewer, v!.id, false))).toBe('NOT_YOUR_TEAM');
    expect((await sessionsForCoach(t.deps, other!.viewer)).some((s) => s.id === v!.id)).toBe(false);
    expect((await sessionsForCoach(t.deps, own!.viewer)).some((s) => s.id === v!.id)).toBe(true);
    expect(await signUp(t.deps, own!.viewer, v!.id, false)).toMatchObject({ status: 'confirmed' });
  });

  it('lets only the publishing mentor cancel a session, and mails everyone on it', async () => {
    const [s] = await publishSessions(t.deps, mentor.viewer, groupSession({ topic: 'To be cancelled' }));
    await signUp(t.deps, coaches[12]!.viewer, s!.id, false);
    const otherMentor = await person(t.deps, ['mentor']);
    expect(await codeOf(cancelSession(t.deps, otherMentor.viewer, s!.id))).toBe('FORBIDDEN');
    await cancelSession(t.deps, mentor.viewer, s!.id);
    expect((await mailsTo(t.deps, coaches[12]!.email, 'mentoring-session-cancelled'))[0]!.attachments).toContain('STATUS:CANCELLED');
    expect(await codeOf(signUp(t.deps, coaches[13]!.viewer, s!.id, false))).toBe('SESSION_CANCELLED');
    expect((await sessionsForCoach(t.deps, coaches[13]!.viewer)).some((x) => x.id === s!.id)).toBe(false);
  });
});

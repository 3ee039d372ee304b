import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/harness.js';
import { browserSession, postForm } from '../testing/actors.js';
import { statusFor } from '../platform/errors.js';
import { makeTeam, person, type Person } from './mentoring.testkit.js';

describe('the mentoring API and forms', () => {
  let t: TestApp;
  let mentor: Person, coachAdmin: Person;
  const coaches: Person[] = [];
  let teamId: string;
  beforeAll(async () => {
    t = await openTestApp('sqlite');
    mentor = await person(t.deps, ['mentor']);
    coachAdmin = await person(t.deps, ['coach-administrator']);
    for (let i = 0; i < 3; i++) coaches.push(await person(t.deps, ['head-coach']));
    teamId = (await makeTeam(t.deps, '10U', [{ personId: coaches[0]!.id }])).id;
  });
  afterAll(async () => t?.close());

  const api = (method: string, url: string, who: Person, payload?: object) => t.app.inject({ method: method as 'GET', url, headers: who.bearer, payload });

  it('publishes weekly sessions, signs up, answers SESSION_FULL, waitlists and promotes', async () => {
    const made = await api('POST', '/api/v1/mentoring/sessions', mentor, {
      kind: 'group',
      topic: 'API session',
      date: '2026-09-21',
      startTime: '19:00',
      minutes: 60,
      fieldId: 'richmond',
      capacity: 1,
      repeatWeeks: 3,
    });
    expect(made.statusCode).toBe(201);
    const sessions = made.json().sessions as { id: string; date: string; signupClosesAt: string; cutoffHours: number }[];
    expect(sessions.map((s) => s.date)).toEqual(['2026-09-21', '2026-09-28', '2026-10-05']);
    expect(sessions[0]).toMatchObject({ cutoffHours: 24, signupClosesAt: '2026-09-21T02:00:00.000Z' });
    const id = sessions[0]!.id;
    expect((await api('POST', `/api/v1/mentoring/sessions/${id}/signup`, coaches[0]!)).json()).toEqual({ status: 'confirmed', waitlistPlace: null });
    const full = await api('POST', `/api/v1/mentoring/sessions/${id}/signup`, coaches[1]!);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('SESSION_FULL');
    expect(full.json().error.details).toMatchObject({ waitlist: true, capacity: 1 });
    expect((await api('POST', `/api/v1/mentoring/sessions/${id}/signup?waitlist=true`, coaches[1]!)).json()).toEqual({ status: 'waitlisted', waitlistPlace: 1 });
    const listed = (await api('GET', '/api/v1/mentoring/sessions', coaches[1]!)).json() as { id: string; myStatus: string; myPlace: number }[];
    expect(listed.find((s) => s.id === id)).toMatchObject({ myStatus: 'waitlisted', myPlace: 1 });
    expect((await api('DELETE', `/api/v1/mentoring/sessions/${id}/signup`, coaches[0]!)).json()).toEqual({ cancelled: true, someoneMovedUp: true });
    const roster = (await api('GET', `/api/v1/mentoring/sessions/${id}`, coachAdmin)).json();
    expect(roster.confirmed.map((r: { personId: string }) => r.personId)).toEqual([coaches[1]!.id]);
    const home = await t.app.inject({ method: 'GET', url: '/', headers: coaches[1]!.bearer });
    expect(home.body).toContain('You are signed up for 1 mentoring session.');
    const bad = await api('POST', '/api/v1/mentoring/sessions', mentor, { kind: 'group', topic: 'x', date: '2026-09-01', startTime: '19:00', minutes: 60, capacity: 1 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors).toHaveLength(2);
  });

  it('re-renders /mentoring with the message and 409 when a form sign-up meets a full session', async () => {
    const made = await api('POST', '/api/v1/mentoring/sessions', mentor, {
      kind: 'group',
      topic: 'Form session',
      date: '2026-09-23',
      startTime: '19:00',
      minutes: 60,
      place: 'Library',
      capacity: 1,
    });
    const id = made.json().sessions[0].id as string;
    await api('POST', `/api/v1/mentoring/sessions/${id}/signup`, coaches[0]!);
    const s = await browserSession(t.app, coaches[2]!.email, coaches[2]!.password);
    const r = await postForm(t.app, `/mentoring/sessions/${id}/signup`, s, {});
    expect(r.statusCode).toBe(409);
    expect(r.body).toContain('This session is full (1 of 1 places taken). Join the waitlist');
    expect(r.body).toContain('Join the waitlist</button>');
    const w = await postForm(t.app, `/mentoring/sessions/${id}/signup`, s, { waitlist: '1' });
    expect(w.statusCode).toBe(303);
    expect(w.headers.location).toBe('/mentoring');
    expect(await postForm(t.app, `/mentoring/sessions/${id}/signup`, s, {}, false).then((x) => x.statusCode)).toBe(403);
  });

  it('records, reads and discusses an assessment, and reports coverage', async () => {
    const created = await api('POST', '/api/v1/mentoring/assessments', mentor, {
      teamId,
      coachId: coaches[0]!.id,
      kind: 'game',
      date: '2026-09-13',
      ratings: { 'game-day': 4, safety: null },
      strengths: 'Fair playing time.',
      workOn: 'Warm-up.',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const read = await api('GET', `/api/v1/mentoring/assessments/${id}`, coaches[0]!);
    expect(read.json()).toMatchObject({ id, kind: 'game', ratings: { 'game-day': 4, safety: null, organisation: null }, strengths: 'Fair playing time.', thread: [] });
    expect((await api('POST', `/api/v1/mentoring/assessments/${id}/messages`, coaches[0]!, { body: 'Which warm-up?' })).json()).toEqual({ seq: 1 });
    expect((await api('POST', `/api/v1/mentoring/assessments/${id}/acknowledge`, coaches[0]!)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/mentoring/assessments/${id}`, coaches[1]!)).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/mentoring/assessments/not-an-id', coaches[1]!)).body).toBe((await api('GET', `/api/v1/mentoring/assessments/${id}`, coaches[1]!)).body);
    const cov = (await api('GET', '/api/v1/mentoring/coverage?missing=1', coachAdmin)).json();
    expect(cov.season).toBe('2026-fall');
    expect(cov.divisions[0].teams[0].coaches[0]).toMatchObject({ personId: coaches[0]!.id, practice: 0, game: 1, missing: 'practice' });
    expect(JSON.stringify(cov)).not.toContain('Fair playing time');
  });

  it('has its error codes in the one status table (src/platform/errors.ts)', () => {
    const expected = { SESSION_FULL: 409, ALREADY_SIGNED_UP: 409, SIGNUP_CLOSED: 422, CUTOFF_PASSED: 409, SESSION_CANCELLED: 409, SESSION_STARTED: 409, NOT_YOUR_TEAM: 403 };
    for (const [code, status] of Object.entries(expected)) expect(statusFor(code), code).toBe(status);
  });

  it('documents every mentoring API route in OpenAPI, and no page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, object> };
    const paths = Object.keys(doc.paths).filter((p) => p.includes('mentoring'));
    expect(paths.sort()).toEqual([
      '/api/v1/mentoring/assessments',
      '/api/v1/mentoring/assessments/{id}',
      '/api/v1/mentoring/assessments/{id}/acknowledge',
      '/api/v1/mentoring/assessments/{id}/messages',
      '/api/v1/mentoring/coverage',
      '/api/v1/mentoring/sessions',
      '/api/v1/mentoring/sessions/{id}',
      '/api/v1/mentoring/sessions/{id}/signup',
    ]);
  });
});

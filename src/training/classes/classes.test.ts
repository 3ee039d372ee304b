import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeActor, type TestActor } from '../../testing/actors.js';
import { TEST_NOW, testDialects, type TestApp } from '../../testing/harness.js';
import { countRegistrations } from './classes.store.js';
import { mailTo, openTrainingApp, seedCompletion, seedSession } from '../training.testkit.js';

describe.each(testDialects())('in-person classes on %s', (dialect) => {
  let t: TestApp;
  let instructor: TestActor;
  let otherInstructor: TestActor;
  let coachAdmin: TestActor;
  beforeAll(async () => {
    t = await openTrainingApp(dialect);
    instructor = await makeActor(t.deps, ['instructor']);
    otherInstructor = await makeActor(t.deps, ['instructor']);
    coachAdmin = await makeActor(t.deps, ['coach-administrator']);
  });
  afterAll(async () => t.close());
  beforeEach(() => t.clock.set(TEST_NOW));

  const coach = async (done: [string, string][] = [['coach-12u', 'online']]) => {
    const a = await makeActor(t.deps, ['head-coach']);
    for (const [training, part] of done) await seedCompletion(t.deps, a.id, training, part, '2026-08-01');
    return a;
  };
  const registerAs = (who: TestActor, sessionId: string) => t.app.inject({ method: 'POST', url: `/api/v1/classes/${sessionId}/registrations`, headers: who.bearer });
  const credit = (who: TestActor, sessionId: string, personIds: string[]) =>
    t.app.inject({ method: 'POST', url: `/api/v1/classes/${sessionId}/credits`, headers: who.bearer, payload: { personIds } });
  const errorOf = (r: { statusCode: number; json(): { error: { code: string } } }) => [r.statusCode, r.json().error.code];

  it('lets instructors schedule in-person parts only, with every problem listed', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/classes',
      headers: instructor.bearer,
      payload: { training: 'coach-12u:in-person', date: '2026-10-03', startTime: '09:00', endTime: '15:00', place: 'Brett', capacity: 12 },
    });
    expect(ok.statusCode).toBe(201);
    const s = await t.deps.db.selectFrom('class_sessions').selectAll().where('id', '=', ok.json().id).executeTakeFirstOrThrow();
    expect(s).toMatchObject({ training: 'coach-12u', part: 'in-person', instructor_id: instructor.id, capacity: 12 });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/classes',
      headers: instructor.bearer,
      payload: { training: 'coach-12u:online', date: '2026-09-01', startTime: '15:00', endTime: '09:00', place: ' ', capacity: 0 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors).toHaveLength(5);
    const volunteer = await coach();
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/classes',
          headers: volunteer.bearer,
          payload: { training: 'coach-12u:in-person', date: '2026-10-03', startTime: '09:00', endTime: '15:00', place: 'Brett', capacity: 12 },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('lets the coach administrator name an instructor, but only someone holding the role', async () => {
    const body = { training: 'coach-10u:field', date: '2026-10-10', startTime: '09:00', endTime: '11:00', place: 'Richmond', capacity: 8 };
    const named = await t.app.inject({ method: 'POST', url: '/api/v1/classes', headers: coachAdmin.bearer, payload: { ...body, instructorId: otherInstructor.id } });
    expect(named.statusCode).toBe(201);
    expect((await t.deps.db.selectFrom('class_sessions').select('instructor_id').where('id', '=', named.json().id).executeTakeFirstOrThrow()).instructor_id).toBe(
      otherInstructor.id,
    );
    const volunteer = await coach();
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/classes', headers: coachAdmin.bearer, payload: { ...body, instructorId: volunteer.id } });
    expect(errorOf(refused)).toEqual([422, 'VALIDATION']);
  });

  it('registers until the class is full, then answers CLASS_FULL; cancelling frees the seat', async () => {
    const s = await seedSession(t.deps, { instructorId: instructor.id, capacity: 2 });
    const [a, b, c] = [await coach(), await coach(), await coach()];
    const first = await registerAs(a, s.id);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ sessionId: s.id, personId: a.id, creditedAt: null });
    expect((await registerAs(b, s.id)).statusCode).toBe(201);
    const full = await registerAs(c, s.id);
    expect(errorOf(full)).toEqual([409, 'CLASS_FULL']);
    expect(errorOf(await registerAs(a, s.id))).toEqual([409, 'ALREADY_REGISTERED']);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/classes', headers: c.bearer })).json();
    expect(list.find((x: { id: string }) => x.id === s.id)).toMatchObject({ seatsLeft: 0, action: 'full' });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/classes/${s.id}/registrations/me`, headers: b.bearer })).statusCode).toBe(204);
    expect((await registerAs(c, s.id)).statusCode).toBe(201);
    expect(await countRegistrations(t.deps.db, s.id)).toBe(2);
    const mails = await mailTo(t.deps, a.email);
    expect(mails.map((m) => m.kind)).toEqual(['training.class.registered']);
    expect(mails[0]!.body_text).toContain('Brett Field clubhouse');
  });

  it('refuses registration without the prerequisites, listing what is missing', async () => {
    const twelve = await seedSession(t.deps, { instructorId: instructor.id });
    const fresh = await coach([]);
    const r = await registerAs(fresh, twelve.id);
    expect(errorOf(r)).toEqual([422, 'PREREQUISITE_MISSING']);
    expect(r.json().error.details.missing).toEqual([expect.objectContaining({ code: 'coach-12u:online', training: 'coach-12u', part: 'online' })]);
    expect(r.json().error.message).toContain('online part of 12U Coach');
    const intermediate = await seedSession(t.deps, { instructorId: instructor.id, training: 'coach-intermediate', part: 'in-person' });
    const halfTwelve = await coach([['coach-12u', 'online']]);
    expect(errorOf(await registerAs(halfTwelve, intermediate.id))).toEqual([422, 'PREREQUISITE_MISSING']);
    const twelveDone = await coach([
      ['coach-12u', 'online'],
      ['coach-12u', 'in-person'],
    ]);
    expect((await registerAs(twelveDone, intermediate.id)).statusCode).toBe(201);
    expect(errorOf(await registerAs(twelveDone, twelve.id))).toEqual([409, 'ALREADY_COMPLETED']);
    const advanced = await seedSession(t.deps, { instructorId: instructor.id, training: 'coach-advanced', part: 'in-person' });
    const adv = await registerAs(twelveDone, advanced.id);
    expect(adv.json().error.details.missing.map((m: { code: string }) => m.code)).toEqual(['coach-intermediate']);
  });

  it('closes registration and cancellation when the class starts, and refuses cancelled classes', async () => {
    const s = await seedSession(t.deps, { instructorId: instructor.id, date: '2026-09-15', startTime: '10:30', endTime: '12:00' });
    const a = await coach();
    expect((await registerAs(a, s.id)).statusCode).toBe(201);
    t.clock.set('2026-09-15T17:31:00Z'); // 10:31 in Los Angeles
    expect(errorOf(await registerAs(await coach(), s.id))).toEqual([422, 'CLASS_STARTED']);
    expect(errorOf(await t.app.inject({ method: 'DELETE', url: `/api/v1/classes/${s.id}/registrations/me`, headers: a.bearer }))).toEqual([422, 'CLASS_STARTED']);
    const later = await seedSession(t.deps, { instructorId: instructor.id });
    const b = await coach();
    expect((await registerAs(b, later.id)).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/classes/${later.id}/cancel`, headers: otherInstructor.bearer })).statusCode).toBe(403);
    t.clock.advance(60_000);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/classes/${later.id}/cancel`, headers: instructor.bearer })).statusCode).toBe(204);
    expect(errorOf(await registerAs(await coach(), later.id))).toEqual([409, 'CLASS_CANCELLED']);
    expect((await mailTo(t.deps, b.email)).map((m) => m.kind)).toEqual(['training.class.registered', 'training.class.cancelled']);
  });

  it('credits registered attendees with completions dated the class day, and refuses anyone not registered', async () => {
    const s = await seedSession(t.deps, { instructorId: instructor.id, date: '2026-10-03' });
    const [a, b, walkIn] = [await coach(), await coach(), await coach()];
    for (const who of [a, b]) expect((await registerAs(who, s.id)).statusCode).toBe(201);
    expect(errorOf(await credit(instructor, s.id, [a.id]))).toEqual([422, 'CLASS_NOT_HELD']);
    t.clock.set('2026-10-03T23:00:00Z');
    const refused = await credit(instructor, s.id, [a.id, walkIn.id]);
    expect(errorOf(refused)).toEqual([422, 'NOT_REGISTERED']);
    expect(refused.json().error.message).toMatch(/did not register for this class.*register first/);
    expect(refused.json().error.details.personIds).toEqual([walkIn.id]);
    expect(await t.deps.db.selectFrom('completions').select('id').where('class_session_id', '=', s.id).execute()).toHaveLength(0);
    expect((await credit(otherInstructor, s.id, [a.id])).statusCode).toBe(403);
    const ok = await credit(instructor, s.id, [a.id]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ credited: [a.id], alreadyCredited: [] });
    expect((await credit(coachAdmin, s.id, [a.id, b.id])).json()).toEqual({ credited: [b.id], alreadyCredited: [a.id] });
    const rows = await t.deps.db.selectFrom('completions').selectAll().where('class_session_id', '=', s.id).orderBy('person_id').execute();
    expect(rows.map((r) => [r.person_id, r.training, r.part, r.completed_on, r.source, r.recorded_by]).sort()).toEqual(
      [
        [a.id, 'coach-12u', 'in-person', '2026-10-03', 'instructor', instructor.id],
        [b.id, 'coach-12u', 'in-person', '2026-10-03', 'instructor', coachAdmin.id],
      ].sort(),
    );
    expect((await mailTo(t.deps, a.email)).map((m) => m.kind)).toEqual(['training.class.registered', 'training.class.credited']);
    const roster = (await t.app.inject({ method: 'GET', url: `/api/v1/classes/${s.id}/roster`, headers: instructor.bearer })).json();
    expect(roster.attendees.every((x: { creditedAt: string | null }) => x.creditedAt !== null)).toBe(true);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', s.id).execute();
    expect(audit.map((x) => x.action)).toEqual(['training.class.credit', 'training.class.credit']);
    expect(errorOf(await t.app.inject({ method: 'POST', url: `/api/v1/classes/${s.id}/cancel`, headers: coachAdmin.bearer }))).toEqual([409, 'CLASS_HELD']);
  });

  it('never registers more people than seats when many register at once', async () => {
    const s = await seedSession(t.deps, { instructorId: instructor.id, capacity: 4 });
    const people = await Promise.all(Array.from({ length: 16 }, () => coach()));
    const answers = await Promise.all(people.map((p) => registerAs(p, s.id)));
    const codes = answers.map((r) => (r.statusCode === 201 ? 'ok' : r.json().error.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(4);
    expect(codes.filter((c) => c === 'CLASS_FULL')).toHaveLength(12);
    expect(await countRegistrations(t.deps.db, s.id)).toBe(4);
  });
});

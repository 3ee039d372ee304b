import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, TEST_NOW, type TestApp } from '../testing/harness.js';
import { makeActor, type TestActor } from '../testing/actors.js';
import { insertCoaches, insertTeams, openPracticeApp, SEASON, setUpSeason, type Coach } from './practice.testkit.js';

interface SlotJson {
  id: string;
  field: string;
  weekday: number;
  start: string;
  end: string;
  capacity: number;
  remaining: number;
  refusal?: string | null;
}

describe.each(testDialects())('practice API on %s', (dialect) => {
  let t: TestApp;
  let coaches: Coach[];
  let admin: TestActor;
  let u10: string;
  let u6: string;
  let other: string;

  beforeAll(async () => {
    t = await openPracticeApp(dialect);
    await setUpSeason(t.deps);
    coaches = await insertCoaches(t.deps, 3);
    admin = await makeActor(t.deps, ['coach-administrator']);
    [u10, u6, other] = (await insertTeams(t.deps.db, SEASON, [
      { division: '10U', name: 'Comets', headCoachId: coaches[0]!.id },
      { division: '6U', name: 'Minnows', headCoachId: coaches[0]!.id },
      { division: '12U', name: 'Others', headCoachId: coaches[1]!.id },
    ])) as [string, string, string];
  });
  afterAll(async () => t?.close());

  const get = (url: string, who: { authorization: string }) => t.app.inject({ method: 'GET', url, headers: who });
  const book = (who: { authorization: string }, teamId: string, slotId: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/practice/bookings', headers: who, payload: { teamId, slotId } });
  const slotsFor = async (team?: string) => (await get(`/api/v1/practice/slots${team ? `?team=${team}` : ''}`, coaches[0]!.bearer)).json() as SlotJson[];
  const find = (list: SlotJson[], field: string, weekday: number, start: string) => list.find((s) => s.field === field && s.weekday === weekday && s.start === start)!;

  it('lists the season teams with their head coach (current season by default)', async () => {
    const r = await get('/api/v1/teams', coaches[2]!.bearer);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toContainEqual(expect.objectContaining({ id: u10, division: '10U', name: 'Comets', headCoachId: coaches[0]!.id }));
    expect((await get(`/api/v1/teams?season=${SEASON}`, coaches[2]!.bearer)).json()).toHaveLength(3);
    expect((await get('/api/v1/teams?season=1999-fall', coaches[2]!.bearer)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/teams' })).statusCode).toBe(401);
  });

  it('lists slots with places left; with a team, only the slots its division may book', async () => {
    const all = await slotsFor();
    expect(all.length).toBe(8 + 8);
    expect(find(all, 'richmond', 1, '17:00')).toMatchObject({ end: '18:00', capacity: 2, remaining: 2 });
    const young = await slotsFor(u6);
    expect(young.every((s) => s.field !== 'campus-el-segundo' && s.refusal === null)).toBe(true);
    expect(young).toHaveLength(8);
  });

  it('books (201), then answers each refusal with its code and status', async () => {
    const list = await slotsFor(u10);
    const mon = find(list, 'richmond', 1, '17:00');
    const r = await book(coaches[0]!.bearer, u10, mon.id);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ id: expect.any(String), teamId: u10, slotId: mon.id, field: 'richmond', weekday: 1, start: '17:00', end: '18:00' });
    expect(find(await slotsFor(), 'richmond', 1, '17:00').remaining).toBe(1);
    expect(find(await slotsFor(u10), 'richmond', 1, '18:00').refusal).toBe('SAME_DAY');

    const sameDay = await book(coaches[0]!.bearer, u10, find(list, 'richmond', 1, '18:00').id);
    expect([sameDay.statusCode, sameDay.json().error.code]).toEqual([422, 'SAME_DAY']);
    const field = await book(coaches[0]!.bearer, u6, find(await slotsFor(), 'campus-el-segundo', 1, '18:00').id);
    expect([field.statusCode, field.json().error.code]).toEqual([422, 'FIELD_NOT_ALLOWED']);
    const forbidden = await book(coaches[2]!.bearer, u10, find(list, 'brett', 2, '17:00').id);
    expect([forbidden.statusCode, forbidden.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await book(coaches[0]!.bearer, u10, find(list, 'brett', 2, '17:00').id)).statusCode).toBe(201);
    const used = await book(coaches[0]!.bearer, u10, find(list, 'brett', 4, '17:00').id);
    expect([used.statusCode, used.json().error.code]).toEqual([422, 'ALLOTMENT_USED']);
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/practice/bookings', headers: coaches[0]!.bearer, payload: { teamId: u10 } });
    expect([missing.statusCode, missing.json().error.code]).toEqual([422, 'VALIDATION']);
  });

  it('answers 409 SLOT_FULL with the nearest alternatives in error.details', async () => {
    const slot = find(await slotsFor(), 'richmond', 1, '17:00');
    expect((await book(admin.bearer, other, slot.id)).statusCode).toBe(201);
    const [late] = await insertTeams(t.deps.db, SEASON, [{ division: '12U', headCoachId: coaches[1]!.id }]);
    const r = await book(coaches[1]!.bearer, late!, slot.id);
    expect(r.statusCode).toBe(409);
    const error = r.json().error;
    expect(error.code).toBe('SLOT_FULL');
    expect(error.details.alternatives[0]).toMatchObject({ field: 'richmond', weekday: 1, start: '18:00', remaining: 2 });
    expect(error.details.alternatives.length).toBe(3);
  });

  it('refuses before sign-up opens with the opening time, and cancels with 204', async () => {
    const mine = (await get(`/api/v1/practice/bookings?team=${u10}`, coaches[0]!.bearer)).json() as { id: string }[];
    expect(mine).toHaveLength(2);
    t.clock.set('2026-08-20T12:00:00.000Z');
    try {
      const r = await book(coaches[0]!.bearer, u6, find(await slotsFor(), 'brett', 4, '18:00').id);
      expect([r.statusCode, r.json().error.code, r.json().error.details]).toEqual([422, 'SIGNUP_CLOSED', { opensAt: '2026-08-25T02:00:00.000Z' }]);
      expect(r.json().error.message).toContain('opens Monday, August 24, 2026 at 7:00 PM PDT');
    } finally {
      t.clock.set(TEST_NOW);
    }
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/practice/bookings/${mine[0]!.id}`, headers: coaches[2]!.bearer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/practice/bookings/${mine[0]!.id}`, headers: coaches[0]!.bearer })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/practice/bookings/${mine[0]!.id}`, headers: coaches[0]!.bearer })).statusCode).toBe(404);
  });

  it('lets only the coach administrator change settings and slots', async () => {
    const settings = { opensAt: '2026-08-25T02:00:00.000Z', closesAt: '2026-08-20T00:00:00.000Z' };
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/practice/signup', headers: coaches[0]!.bearer, payload: settings })).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/practice/signup', headers: admin.bearer, payload: settings });
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'VALIDATION']);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/practice/slots',
      headers: admin.bearer,
      payload: { fieldId: 'brett', weekday: 6, start: '09:00', end: '10:00', capacity: 2 },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ field: 'brett', weekday: 6, capacity: 2, remaining: 2, divisions: ['6U', '7U', '8U', '10U', '12U'] });
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/practice/slots/${added.json().id}`, headers: admin.bearer, payload: { capacity: 1 } });
    expect(patched.json()).toEqual({ id: added.json().id, capacity: 1 });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/practice/slots/${added.json().id}`, headers: admin.bearer })).statusCode).toBe(204);
    const unbooked = (await get('/api/v1/practice/unbooked', admin.bearer)).json() as { team: { id: string }; booked: number; perWeek: number }[];
    expect(unbooked.find((u) => u.team.id === u6)).toMatchObject({ booked: 0, perWeek: 1 });
  });

  it('refuses a window, a slot or a capacity above what the field holds at once, naming the field and its capacity', async () => {
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: admin.bearer, payload });
    const windowOver = await post('/api/v1/practice/windows', { fieldId: 'richmond', weekdays: [1, 3], startTime: '16:00', endTime: '20:00', capacity: 6 });
    expect([windowOver.statusCode, windowOver.json().error.code, windowOver.json().error.message]).toEqual([
      422,
      'VALIDATION',
      "Richmond holds 2 teams at once, so a window on it may hold at most 2 (this one says 6). Lower its capacity, or leave it empty to use the field's.",
    ]);
    expect((await get('/api/v1/practice/windows', admin.bearer)).json()).not.toContainEqual(expect.objectContaining({ capacity: 6 }));
    const slotOver = await post('/api/v1/practice/slots', { fieldId: 'brett', weekday: 6, start: '11:00', end: '12:00', capacity: 3 });
    expect([slotOver.statusCode, slotOver.json().error.message]).toEqual([
      422,
      'Brett holds 2 teams at once, so a slot on it may hold at most 2 (this one says 3). Lower its capacity.',
    ]);
    const some = (await slotsFor()).find((x) => x.field === 'richmond')!;
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/practice/slots/${some.id}`, headers: admin.bearer, payload: { capacity: 5 } });
    expect([patched.statusCode, patched.json().error.message]).toEqual([
      422,
      'Richmond holds 2 teams at once, so a slot on it may hold at most 2 (this one says 5). Lower its capacity.',
    ]);
    const fine = await post('/api/v1/practice/windows', { fieldId: 'richmond', weekdays: [6], startTime: '16:00', endTime: '17:00', capacity: 1 });
    expect(fine.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/practice/windows/${fine.json().id}`, headers: admin.bearer })).statusCode).toBe(204);
  });

  it('documents the practice API in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/teams', '/api/v1/practice/slots', '/api/v1/practice/bookings', '/api/v1/practice/bookings/{id}']));
    expect(Object.keys(doc.paths['/api/v1/practice/bookings']!)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys((doc.paths['/api/v1/practice/bookings']!.post as { responses: object }).responses)).toEqual(expect.arrayContaining(['201', '403', '409', '422']));
  });
});

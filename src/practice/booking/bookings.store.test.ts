import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/clock.js';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { makeActor } from '../../testing/actors.js';
import { bookingsWithSlots, insertBooking, lookAtBooking, placementState } from './bookings.store.js';
import { findSlot, listSlots, slotsWithCounts, type StoredSlot } from '../slots.store.js';
import { insertTeams, openPracticeApp, SEASON, setUpSeason } from '../practice.testkit.js';

describe.each(testDialects())('what a placement is decided on, on %s', (dialect) => {
  let t: TestApp;
  let slots: StoredSlot[];
  let teams: string[];
  const book = (teamId: string, slotId: string) =>
    insertBooking(t.deps.db, { id: newId(), season_id: SEASON, slot_id: slotId, team_id: teamId, booked_at: '2026-09-15T17:00:00.000Z', booked_by: null, via: 'coach' });

  beforeAll(async () => {
    t = await openPracticeApp(dialect);
    await setUpSeason(t.deps);
    slots = (await listSlots(t.deps.db, SEASON)).filter((s) => s.divisions.includes('10U'));
    teams = await insertTeams(t.deps.db, SEASON, [{ division: '10U' }, { division: '10U' }, { division: '10U' }]);
  });
  afterAll(async () => t?.close());

  it('reads the team, the slot, the teams holding it and the team’s own bookings in one look', async () => {
    const [wanted, thu, mon] = [slots[0]!, slots.find((s) => s.weekday === 4)!, slots.find((s) => s.weekday === 1 && s.id !== slots[0]!.id)!];
    await book(teams[1]!, wanted.id);
    await book(teams[2]!, wanted.id);
    await book(teams[0]!, thu.id);
    await book(teams[0]!, mon.id);
    const state = await placementState(t.deps.db, teams[0]!, wanted.id);
    expect(state?.slot).toEqual(await findSlot(t.deps.db, SEASON, wanted.id));
    expect(state?.booked).toBe(2);
    // The team's bookings, with their slots, in the order of the week (as bookingsWithSlots has them).
    expect(state?.held).toEqual(await bookingsWithSlots(t.deps.db, SEASON, [teams[0]!]));
    expect(state?.held.map((b) => b.slot.weekday)).toEqual([1, 4]);
    // One row per coach and booking: each coach and each booking once.
    const [coached] = await insertTeams(t.deps.db, SEASON, [
      { division: '10U', headCoachId: (await makeActor(t.deps)).id, assistantIds: [(await makeActor(t.deps)).id, (await makeActor(t.deps)).id] },
    ]);
    await book(coached!, thu.id);
    await book(coached!, mon.id);
    const look = await lookAtBooking(t.deps.db, coached!, wanted.id, null);
    expect(look?.team.staff.map((x) => x.role).sort()).toEqual(['assistant-coach', 'assistant-coach', 'head-coach']);
    expect(look?.placement?.held.map((b) => b.slotId)).toEqual([mon.id, thu.id]);
    expect(look?.placement?.booked).toBe(2);
    // The slot is full (2 places): the same look brings the division's slots that still have room.
    expect(wanted.capacity).toBe(2);
    const all = await slotsWithCounts(t.deps.db, SEASON, '10U');
    const withRoom = all.slots.filter((x) => (all.booked.get(x.id) ?? 0) < x.capacity);
    expect(withRoom.length).toBeLessThan(all.slots.length);
    expect(look?.placement?.open?.slots.map((x) => x.id)).toEqual(withRoom.map((x) => x.id));
    expect([...(look?.placement?.open?.booked ?? [])].sort()).toEqual([...all.booked].filter(([id]) => withRoom.some((x) => x.id === id)).sort());
    expect(look?.team.coachedByAsker).toBe(false);
    expect((await lookAtBooking(t.deps.db, coached!, null, look!.team.staff[0]!.personId))?.team.coachedByAsker).toBe(true);
  });

  it('answers a team without bookings with none, and an unknown slot, team or season with nothing', async () => {
    const free = slots.find((s) => s.weekday === 3)!;
    const state = await placementState(t.deps.db, teams[1]!, free.id);
    expect(state).toMatchObject({ slot: { id: free.id }, booked: 0 });
    expect(state?.open).toBeUndefined();
    expect(state?.held.map((b) => b.slotId)).toEqual([slots[0]!.id]);
    expect(await placementState(t.deps.db, teams[0]!, newId())).toBeUndefined();
    expect(await placementState(t.deps.db, newId(), free.id)).toBeUndefined();
    // A slot of another season is not one the team can be placed in.
    const [other] = await insertTeams(t.deps.db, '2027-spring', [{ division: '10U' }]);
    expect(await placementState(t.deps.db, other!, free.id)).toBeUndefined();
  });
});

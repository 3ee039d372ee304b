import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, TEST_NOW, type TestApp } from '../../testing/harness.js';
import { getRegionConfig } from '../../region/index.js';
import { bookPractice, cancelBooking, moveBooking } from './booking.service.js';
import { listSlots, type StoredSlot } from '../slots.store.js';
import { seasonBookingRows } from './bookings.store.js';
import { generateSeasonSlots, removeSlot, setSlotCapacity, addWindow, saveSignupSettings } from '../setup/setup.service.js';
import { ADMIN_ACTOR, insertCoaches, insertTeams, openPracticeApp, SEASON, setUpSeason, type Coach } from '../practice.testkit.js';
import type { Who } from '../practice.access.js';
import { refusal } from '../../testing/refusals.js';

describe.each(testDialects())('practice booking service on %s', (dialect) => {
  let t: TestApp;
  let slots: StoredSlot[];
  let coaches: Coach[];
  const who = (c: Coach): Who => ({ personId: c.id, name: 'Coach', isAdmin: false });
  const admin: Who = { personId: null, name: 'Coach Administrator', isAdmin: true };
  const slot = (field: string, weekday: number, start: string) => slots.find((s) => s.fieldId === field && s.weekday === weekday && s.start === start)!.id;

  beforeAll(async () => {
    t = await openPracticeApp(dialect);
    await setUpSeason(t.deps);
    slots = await listSlots(t.deps.db, SEASON);
    coaches = await insertCoaches(t.deps, 12);
  });
  afterAll(async () => t?.close());

  it('books a slot for the coach, writes it and mails every coach of the team', async () => {
    const [team] = await insertTeams(t.deps.db, SEASON, [{ division: '10U', name: 'Blue Sharks', headCoachId: coaches[0]!.id, assistantIds: [coaches[1]!.id] }]);
    const b = await bookPractice(t.deps, who(coaches[1]!), { teamId: team!, slotId: slot('richmond', 1, '17:00') });
    expect(b).toMatchObject({ teamId: team, field: 'richmond', weekday: 1, start: '17:00', end: '18:00', via: 'coach', season: SEASON });
    expect((await seasonBookingRows(t.deps.db, SEASON)).filter((r) => r.teamId === team)).toEqual([{ id: b.id, teamId: team, slotId: b.slotId }]);
    const mail = await t.deps.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'kind'])
      .where('kind', '=', 'practice-booked')
      .where('subject', 'like', '%Blue Sharks%')
      .execute();
    expect(mail.map((m) => m.to_address).sort()).toEqual([coaches[0]!.email, coaches[1]!.email].sort());
    expect(mail[0]!.subject).toBe('Practice booking confirmed: Blue Sharks, Mondays 17:00-18:00 at Richmond');
  });

  it('refuses by the rules: other fields, a used allotment, the same day, twice the same slot', async () => {
    const [u6, u10] = await insertTeams(t.deps.db, SEASON, [
      { division: '6U', headCoachId: coaches[2]!.id },
      { division: '10U', headCoachId: coaches[2]!.id },
    ]);
    expect((await refusal(bookPractice(t.deps, who(coaches[2]!), { teamId: u6!, slotId: slot('campus-el-segundo', 1, '18:00') }))).code).toBe('FIELD_NOT_ALLOWED');
    await bookPractice(t.deps, who(coaches[2]!), { teamId: u6!, slotId: slot('brett', 2, '17:00') });
    expect((await refusal(bookPractice(t.deps, who(coaches[2]!), { teamId: u6!, slotId: slot('brett', 4, '17:00') }))).code).toBe('ALLOTMENT_USED');
    await bookPractice(t.deps, who(coaches[2]!), { teamId: u10!, slotId: slot('brett', 2, '18:00') });
    expect((await refusal(bookPractice(t.deps, who(coaches[2]!), { teamId: u10!, slotId: slot('brett', 2, '18:00') }))).code).toBe('ALREADY_BOOKED');
    expect((await refusal(bookPractice(t.deps, who(coaches[2]!), { teamId: u10!, slotId: slot('brett', 2, '17:00') }))).code).toBe('SAME_DAY');
    expect((await bookPractice(t.deps, who(coaches[2]!), { teamId: u10!, slotId: slot('brett', 4, '18:00') })).weekday).toBe(4);
  });

  it('refuses a coach of another team (FORBIDDEN) and an unknown slot (NOT_FOUND)', async () => {
    const [team] = await insertTeams(t.deps.db, SEASON, [{ division: '8U', headCoachId: coaches[3]!.id }]);
    expect((await refusal(bookPractice(t.deps, who(coaches[4]!), { teamId: team!, slotId: slot('richmond', 3, '17:00') }))).code).toBe('FORBIDDEN');
    expect((await refusal(bookPractice(t.deps, who(coaches[3]!), { teamId: team!, slotId: 'nope' }))).code).toBe('NOT_FOUND');
  });

  it('answers SLOT_FULL with the nearest slots the team may still take', async () => {
    const full = slot('richmond', 3, '18:00');
    const teams = await insertTeams(
      t.deps.db,
      SEASON,
      [0, 1, 2].map(() => ({ division: '12U', headCoachId: coaches[5]!.id })),
    );
    await bookPractice(t.deps, who(coaches[5]!), { teamId: teams[0]!, slotId: full });
    await bookPractice(t.deps, who(coaches[5]!), { teamId: teams[1]!, slotId: full });
    const e = await refusal(bookPractice(t.deps, who(coaches[5]!), { teamId: teams[2]!, slotId: full }));
    expect(e.code).toBe('SLOT_FULL');
    const alternatives = (e.details as { alternatives: { id: string; field: string; weekday: number; start: string; remaining: number }[] }).alternatives;
    expect(alternatives[0]).toMatchObject({ field: 'richmond', weekday: 3, start: '17:00' });
    expect(alternatives.every((a) => a.remaining > 0 && a.id !== full)).toBe(true);
    expect(e.message).toContain('Nearest free: Richmond Wed 17:00');
  });

  it('moves a booking in one step, and keeps the old place when the new slot is refused', async () => {
    const [team] = await insertTeams(t.deps.db, SEASON, [{ division: '7U', headCoachId: coaches[6]!.id }]);
    const b = await bookPractice(t.deps, who(coaches[6]!), { teamId: team!, slotId: slot('brett', 4, '17:00') });
    expect((await refusal(moveBooking(t.deps, who(coaches[6]!), b.id, slot('richmond', 3, '18:00')))).code).toBe('SLOT_FULL');
    expect((await seasonBookingRows(t.deps.db, SEASON)).find((r) => r.id === b.id)?.slotId).toBe(b.slotId);
    const moved = await moveBooking(t.deps, who(coaches[6]!), b.id, slot('richmond', 1, '18:00'));
    expect(moved).toMatchObject({ id: b.id, field: 'richmond', weekday: 1, start: '18:00' });
    const mail = await t.deps.db
      .selectFrom('outbox')
      .select('body_text')
      .where('kind', '=', 'practice-moved')
      .where('to_address', '=', coaches[6]!.email)
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('now practises Mondays 18:00-19:00 at Richmond, instead of Thursdays 17:00-18:00 at Brett');
  });

  it('keeps coaches to the sign-up window; the coach administrator bypasses it, audited', async () => {
    const [team] = await insertTeams(t.deps.db, SEASON, [{ division: '14U', headCoachId: coaches[7]!.id }]);
    const config = await getRegionConfig(t.deps.db);
    await saveSignupSettings(t.deps, config, ADMIN_ACTOR, SEASON, {
      opensAt: '2026-08-25T02:00:00.000Z',
      closesAt: '2026-09-30T07:00:00.000Z',
      divisionOpensAt: { '14U': '2026-09-20T02:00:00.000Z' },
      blackouts: [],
    });
    const closed = await refusal(bookPractice(t.deps, who(coaches[7]!), { teamId: team!, slotId: slot('campus-el-segundo', 1, '18:00') }));
    expect(closed.code).toBe('SIGNUP_CLOSED');
    expect(closed.details).toEqual({ opensAt: '2026-09-20T02:00:00.000Z' });
    expect(closed.message).toContain('Saturday, September 19, 2026 at 7:00 PM PDT');
    const b = await bookPractice(t.deps, admin, { teamId: team!, slotId: slot('campus-el-segundo', 1, '18:00') });
    expect(b.via).toBe('admin');
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_name']).where('entity_id', '=', b.id).execute();
    expect(audit).toEqual([{ action: 'practice.booking.assign', actor_name: 'Coach Administrator' }]);
    t.clock.set('2026-10-01T00:00:00.000Z');
    try {
      const [u8] = await insertTeams(t.deps.db, SEASON, [{ division: '8U', headCoachId: coaches[8]!.id }]);
      const late = await bookPractice(t.deps, admin, { teamId: u8!, slotId: slot('brett', 2, '17:00') });
      const e = await refusal(cancelBooking(t.deps, who(coaches[8]!), late.id));
      expect(e.code).toBe('SIGNUP_CLOSED');
      expect(e.message).toContain('Ask the coach administrator');
      await cancelBooking(t.deps, admin, late.id);
      expect((await seasonBookingRows(t.deps.db, SEASON)).some((r) => r.id === late.id)).toBe(false);
    } finally {
      t.clock.set(TEST_NOW);
      await saveSignupSettings(t.deps, config, ADMIN_ACTOR, SEASON, {
        opensAt: '2026-08-25T02:00:00.000Z',
        closesAt: '2026-09-30T07:00:00.000Z',
        divisionOpensAt: {},
        blackouts: [],
      });
    }
  });

  it('never lowers a capacity below the teams holding a slot, nor removes a booked slot', async () => {
    const config = await getRegionConfig(t.deps.db);
    const s = slot('richmond', 3, '18:00');
    expect((await refusal(setSlotCapacity(t.deps, config, ADMIN_ACTOR, s, 1))).code).toBe('CAPACITY_BELOW_BOOKINGS');
    expect((await refusal(removeSlot(t.deps, ADMIN_ACTOR, s))).code).toBe('SLOT_IN_USE');
    expect((await setSlotCapacity(t.deps, config, ADMIN_ACTOR, s, 2)).capacity).toBe(2);
  });

  it('never raises a slot above the teams its field holds at once', async () => {
    const config = await getRegionConfig(t.deps.db);
    const e = await refusal(setSlotCapacity(t.deps, config, ADMIN_ACTOR, slot('richmond', 3, '18:00'), 3));
    expect([e.code, e.message]).toEqual(['VALIDATION', 'Richmond holds 2 teams at once, so a slot on it may hold at most 2 (this one says 3). Lower its capacity.']);
    expect((await listSlots(t.deps.db, SEASON)).find((x) => x.id === slot('richmond', 3, '18:00'))?.capacity).toBe(2);
  });

  it('generates again without losing a booking, and adds the slots of a new window', async () => {
    const before = await seasonBookingRows(t.deps.db, SEASON);
    const config = await getRegionConfig(t.deps.db);
    await addWindow(t.deps, config, ADMIN_ACTOR, SEASON, { fieldId: 'brett', weekdays: [5], startTime: '16:00', endTime: '18:00', divisions: ['8U'] });
    const r = await generateSeasonSlots(t.deps, config, ADMIN_ACTOR, SEASON);
    expect(r.added).toBe(2);
    expect(r.notes.some((n) => n.includes('keeps capacity 3'))).toBe(false);
    expect(await seasonBookingRows(t.deps.db, SEASON)).toEqual(expect.arrayContaining(before));
    expect((await listSlots(t.deps.db, SEASON)).filter((x) => x.weekday === 5).map((x) => `${x.start} ${x.divisions.join()}`)).toEqual(['16:00 8U', '17:00 8U']);
  });
});

import { newId } from '../platform/clock.js';
import type { DemoContext } from '../platform/demo.js';
import { findSeason } from '../region/index.js';
import type { RegionConfig } from '../region/index.js';
import { getRegionConfig } from '../region/index.js';
import { addStaff, insertTeams, listTeams, type TeamRow } from '../teams/index.js';
import { placementCode, type TeamBooking } from './booking/booking.rules.js';
import { addDays, weekdayOf } from '../platform/time/time.rules.js';
import { addWindow, generateSeasonSlots, saveSignupSettings } from './setup/setup.service.js';
import { listSlots, type StoredSlot } from './slots.store.js';
import { insertBookings } from './booking/bookings.store.js';
import type { PracticeWindow } from './slots.rules.js';
import { byFieldDay, fieldCapacity, slotPeak } from './field-load.rules.js';

const DEMO_ACTOR = { id: null, name: 'demo' };
const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [0, 6];

/**
 * The demo's practice windows on every field of the region, each holding the field's own capacity
 * (a window never holds more teams than its field): weekday evenings in one-hour slots for the
 * divisions that practise 60 minutes, late weekday and weekend 90-minute slots for the others (each
 * window kept to one length, so no two slots overlap on a field).
 */
export function roomyWindows(config: RegionConfig): PracticeWindow[] {
  const active = config.divisions.filter((d) => d.practice.perWeek > 0);
  const byLength = new Map<number, string[]>();
  for (const d of active) byLength.set(d.practice.minutes, [...(byLength.get(d.practice.minutes) ?? []), d.code]);
  const out: PracticeWindow[] = [];
  const lengths = [...byLength.keys()].sort((a, b) => a - b);
  const short = lengths[0];
  for (const f of config.fields) {
    if (short !== undefined) out.push({ fieldId: f.id, weekdays: WEEKDAYS, startTime: '16:00', endTime: '20:00', capacity: f.capacity, divisions: byLength.get(short)! });
    for (const long of lengths.slice(1)) {
      out.push({ fieldId: f.id, weekdays: WEEKDAYS, startTime: '20:00', endTime: '21:30', capacity: f.capacity, divisions: byLength.get(long)! });
      out.push({ fieldId: f.id, weekdays: WEEKEND, startTime: '08:00', endTime: '17:00', capacity: f.capacity, divisions: byLength.get(long)! });
    }
  }
  return out;
}

/** Two teams per division and program, each with one of the demo's head coaches. */
async function makeTeams(ctx: DemoContext, config: RegionConfig): Promise<number> {
  const coaches = (ctx.facts.get('headCoaches') ?? {}) as Record<string, string[]>;
  const at = ctx.deps.clock.now().toISOString();
  const teams: { id: string; season_id: string; division: string; program: string; number: number; name: string; published_at: string; created_at: string }[] = [];
  const staff: { team_id: string; person_id: string; role: string; added_at: string }[] = [];
  for (const d of config.divisions) {
    const people = coaches[d.code] ?? [];
    let used = 0;
    for (const program of d.programs) {
      for (let number = 1; number <= 2; number++) {
        const id = newId();
        teams.push({
          id,
          season_id: ctx.seasonId,
          division: d.code,
          program,
          number,
          name: `${d.code} ${program[0]!.toUpperCase()}${program.slice(1)} ${number}`,
          published_at: at,
          created_at: at,
        });
        const coach = people[used++];
        if (coach) staff.push({ team_id: id, person_id: coach, role: 'head-coach', added_at: at });
      }
    }
  }
  await ctx.deps.db.transaction().execute(async (trx) => {
    if (teams.length) await insertTeams(trx, teams);
    if (staff.length) await addStaff(trx, staff);
  });
  return teams.length;
}

/** A couple of dates without practice inside the season (a Monday and a Thursday). */
function demoBlackouts(start: string, end: string): string[] {
  const first = (from: string, weekday: number) => addDays(from, (weekday - weekdayOf(from) + 7) % 7);
  return [first(addDays(start, 35), 1), first(addDays(start, 90), 4)].filter((d) => d <= end);
}

/** Books about two teams in three (first free slots by the rules, the field's count too); the rest are left to try the sign-up. */
function allocate(config: RegionConfig, teams: TeamRow[], slots: StoredSlot[], leaveOpen: Set<string>, random: () => number) {
  const booked = new Map<string, number>();
  const groups = byFieldDay(slots);
  const rows: { teamId: string; slot: StoredSlot }[] = [];
  for (const team of teams) {
    const division = config.divisions.find((d) => d.code === team.division);
    if (!division || leaveOpen.has(team.id) || random() < 0.33) continue;
    const held: TeamBooking[] = [];
    const order = [...slots].sort(() => random() - 0.5);
    for (const slot of order) {
      if (held.length >= division.practice.perWeek) break;
      const field = { capacity: fieldCapacity(config.fields, slot.fieldId), peak: slotPeak(slot, groups, booked) };
      if (placementCode({ team: { id: team.id, division: team.division }, division, slot, booked: booked.get(slot.id) ?? 0, field, teamBookings: held })) continue;
      held.push({ slotId: slot.id, slot });
      booked.set(slot.id, (booked.get(slot.id) ?? 0) + 1);
      rows.push({ teamId: team.id, slot });
    }
  }
  return rows;
}

/**
 * The demo's practice sign-up: the season's teams (made here when the teams step made none),
 * roomy windows and their slots, a sign-up that opened two days ago and closes in two weeks, and
 * about two teams in three already booked. Each division's first demo coach is left to book.
 */
export async function demoPractice(ctx: DemoContext): Promise<string> {
  const { deps } = ctx;
  const config = await getRegionConfig(deps.db);
  const season = findSeason(config, ctx.seasonId)!.season;
  let teams = await listTeams(deps.db, ctx.seasonId);
  const made = teams.length ? 0 : await makeTeams(ctx, config);
  if (made) teams = await listTeams(deps.db, ctx.seasonId);
  for (const w of roomyWindows(config)) await addWindow(deps, config, DEMO_ACTOR, ctx.seasonId, w);
  await generateSeasonSlots(deps, config, DEMO_ACTOR, ctx.seasonId);
  const now = deps.clock.now().getTime();
  const day = 86_400_000;
  await saveSignupSettings(deps, config, DEMO_ACTOR, ctx.seasonId, {
    opensAt: new Date(now - 2 * day).toISOString(),
    closesAt: new Date(now + 14 * day).toISOString(),
    divisionOpensAt: {},
    blackouts: demoBlackouts(season.startDate, season.endDate),
  });
  const slots = await listSlots(deps.db, ctx.seasonId);
  const firstCoaches = new Set(Object.values((ctx.facts.get('headCoaches') ?? {}) as Record<string, string[]>).map((list) => list[0]));
  const leaveOpen = new Set(teams.filter((t) => t.headCoachId && firstCoaches.has(t.headCoachId)).map((t) => t.id));
  const rows = allocate(config, teams, slots, leaveOpen, ctx.random);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute((trx) =>
    insertBookings(
      trx,
      rows.map((r) => ({ id: newId(), season_id: ctx.seasonId, slot_id: r.slot.id, team_id: r.teamId, booked_at: at, booked_by: null, via: 'admin' })),
    ),
  );
  const places = slots.reduce((n, s) => n + s.capacity, 0);
  const bookedTeams = new Set(rows.map((r) => r.teamId)).size;
  return `Practice: ${slots.length} weekly slots with ${places} places${made ? ` (${made} teams made for them)` : ''}; sign-up open for two weeks; ${rows.length} bookings for ${bookedTeams} of ${teams.length} teams, the rest left to book.`;
}

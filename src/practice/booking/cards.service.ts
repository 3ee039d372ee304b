import type { Deps } from '../../platform/feature.js';
import type { RegionConfig } from '../../region/index.js';
import { listTeams, teamsCoachedBy, type TeamRow } from '../../teams/index.js';
import { slotChoices, type SlotChoice } from './alternatives.rules.js';
import { signupState, type SignupState } from './countdown.rules.js';
import { bookingsWithSlots, type TeamBookingRow } from './bookings.store.js';
import { slotsWithCounts, type StoredSlot } from '../slots.store.js';
import { loadSignup, type SignupSettings } from './signup.store.js';
import { practiceOf } from '../practice.rules.js';
import { fieldPeaks } from '../field-load.rules.js';
import { slotView, type SlotView } from './booking.schemas.js';

/** What a coach sees for one team: its bookings, the slots it may pick, and the sign-up state. */
export interface TeamCard {
  team: TeamRow;
  perWeek: number;
  bookings: TeamBookingRow[];
  /** Slots of the team's division with places left and why the team may not take one (or null). */
  choices: SlotChoice[];
  signup: SignupState;
}

export interface SeasonData {
  slots: StoredSlot[];
  booked: Map<string, number>;
  /** Slot id -> the most teams on its field at once during its time (overlapping slots share a field). */
  peaks: Map<string, number>;
  signup: SignupSettings;
}

export async function seasonData(deps: Deps, seasonId: string): Promise<SeasonData> {
  const [{ slots, booked }, signup] = await Promise.all([slotsWithCounts(deps.db, seasonId), loadSignup(deps.db, seasonId)]);
  return { slots, booked, peaks: fieldPeaks(slots, booked), signup };
}

function card(deps: Deps, config: RegionConfig, data: SeasonData, team: TeamRow, bookings: TeamBookingRow[], skipBookingId?: string): TeamCard {
  const division = practiceOf(config, team.division);
  const held = bookings.filter((b) => b.teamId === team.id);
  const others = held.filter((b) => b.id !== skipBookingId);
  const choices = slotChoices({
    team: { id: team.id, division: team.division },
    division,
    slots: data.slots,
    booked: data.booked,
    peaks: data.peaks,
    fields: config.fields,
    teamBookings: others,
  }).filter((c) => c.refusal !== 'FIELD_NOT_ALLOWED');
  return { team, perWeek: division.practice.perWeek, bookings: held, choices, signup: signupState(deps.clock.now().toISOString(), data.signup, team.division) };
}

/** The cards of the teams a person coaches in a season (a coach with several teams books each). */
export async function coachCards(deps: Deps, config: RegionConfig, seasonId: string, personId: string): Promise<TeamCard[]> {
  const ids = (await teamsCoachedBy(deps.db, personId, seasonId)).map((t) => t.id);
  if (!ids.length) return [];
  const [teams, data, bookings] = await Promise.all([listTeams(deps.db, seasonId), seasonData(deps, seasonId), bookingsWithSlots(deps.db, seasonId, ids)]);
  return teams.filter((t) => ids.includes(t.id) && config.divisions.some((d) => d.code === t.division && d.practice.perWeek > 0)).map((t) => card(deps, config, data, t, bookings));
}

/**
 * One team's card (the htmx fragment after a booking). With `skipBookingId`, the choices are those
 * the team has when that booking moves (the change page).
 */
export async function teamCard(deps: Deps, config: RegionConfig, team: TeamRow, skipBookingId?: string): Promise<TeamCard> {
  const [data, bookings] = await Promise.all([seasonData(deps, team.seasonId), bookingsWithSlots(deps.db, team.seasonId, [team.id])]);
  return card(deps, config, data, team, bookings, skipBookingId);
}

/** The slots of a season as the API lists them; with a team, only those its division may book. */
export async function slotList(deps: Deps, config: RegionConfig, seasonId: string, team?: TeamRow): Promise<(SlotView & { refusal?: string | null })[]> {
  if (!team) {
    const data = await seasonData(deps, seasonId);
    return data.slots.map((s) => slotView(config, s, data.booked.get(s.id) ?? 0, data.peaks.get(s.id)));
  }
  const c = await teamCard(deps, config, team);
  return c.choices.map((ch) => ({ ...slotView(config, ch.slot, ch.booked), remaining: ch.free, refusal: ch.refusal }));
}

export interface UnbookedTeam {
  team: TeamRow;
  booked: number;
  perWeek: number;
}

/** Teams with fewer practices booked than their division's weekly allotment (the administrator's list). */
export async function unbookedTeams(deps: Deps, config: RegionConfig, seasonId: string): Promise<UnbookedTeam[]> {
  const [teams, bookings] = await Promise.all([listTeams(deps.db, seasonId), bookingsWithSlots(deps.db, seasonId)]);
  const count = new Map<string, number>();
  for (const b of bookings) count.set(b.teamId, (count.get(b.teamId) ?? 0) + 1);
  return teams
    .map((team) => ({ team, booked: count.get(team.id) ?? 0, perWeek: config.divisions.find((d) => d.code === team.division)?.practice.perWeek ?? 0 }))
    .filter((u) => u.booked < u.perWeek);
}

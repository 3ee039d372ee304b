import { AppError } from '../../platform/errors.js';
import type { Deps } from '../../platform/feature.js';
import type { RegionConfig, Season } from '../../region/index.js';
import { findSeason } from '../../region/index.js';
import { findTeam, type TeamRow } from '../../teams/index.js';
import { bookingsWithSlots, teamStaff, type StaffContact, type TeamBookingRow } from '../booking/bookings.store.js';
import { loadSignup } from '../booking/signup.store.js';
import { slotDates } from '../slots.rules.js';

/** A team's practice schedule: its staff, its weekly slots and the next practice dates. */
export interface TeamSchedule {
  team: TeamRow;
  season: Season;
  staff: StaffContact[];
  bookings: TeamBookingRow[];
  perWeek: number;
  /** The next practice dates (blackouts left out), soonest first. */
  upcoming: { date: string; booking: TeamBookingRow }[];
}

export async function teamSchedule(deps: Deps, config: RegionConfig, teamId: string, today: string): Promise<TeamSchedule> {
  const team = (await findTeam(deps.db, teamId)) ?? notFound();
  const season = findSeason(config, team.seasonId)?.season ?? notFound();
  const [bookings, staff, signup] = await Promise.all([bookingsWithSlots(deps.db, team.seasonId, [team.id]), teamStaff(deps.db, team.id), loadSignup(deps.db, team.seasonId)]);
  const upcoming = bookings
    .flatMap((booking) =>
      slotDates(booking.slot.weekday, season, signup.blackouts)
        .filter((d) => d >= today)
        .map((date) => ({ date, booking })),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.booking.slot.start.localeCompare(b.booking.slot.start))
    .slice(0, 8);
  return { team, season, staff, bookings, perWeek: config.divisions.find((d) => d.code === team.division)?.practice.perWeek ?? 0, upcoming };
}

function notFound(): never {
  throw new AppError('NOT_FOUND', 'There is no such team. Pick a team from the practice page.');
}

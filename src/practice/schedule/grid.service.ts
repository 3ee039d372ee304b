import type { Deps } from '../../platform/feature.js';
import type { Field, RegionConfig, Season } from '../../region/index.js';
import { findSeason } from '../../region/index.js';
import { listTeams, type TeamRow } from '../../teams/index.js';
import { bookingsWithSlots } from '../booking/bookings.store.js';
import { listSlots, type StoredSlot } from '../slots.store.js';
import { loadSignup } from '../booking/signup.store.js';
import { feedToken } from './feeds.store.js';
import { isNow, practiceDay, regionClock } from './grid.rules.js';

export interface GridSlot {
  slot: StoredSlot;
  teams: Pick<TeamRow, 'id' | 'name' | 'division'>[];
  now: boolean;
}

export interface GridDay {
  season: Season;
  weekday: number;
  /** The region's wall clock now. */
  clock: { date: string; weekday: number; time: string };
  /** Whether teams practise today (the day the clock shows). */
  today: 'practice' | 'blackout' | 'off-season';
  fields: { field: Field; slots: GridSlot[]; feedUrl: string | null }[];
}

/**
 * One weekday of the season as a field marshal reads it: each field's slots with the teams that
 * may be there, and the slots in progress now (from the clock, in the region's zone) marked.
 */
export async function gridDay(deps: Deps, config: RegionConfig, seasonId: string, weekday: number, feeds: boolean): Promise<GridDay> {
  const season = findSeason(config, seasonId)!.season;
  const [slots, bookings, teams, signup] = await Promise.all([
    listSlots(deps.db, seasonId),
    bookingsWithSlots(deps.db, seasonId),
    listTeams(deps.db, seasonId),
    loadSignup(deps.db, seasonId),
  ]);
  const clock = regionClock(deps.clock.now().toISOString(), config.region.timeZone);
  const today = practiceDay(clock.date, season, signup.blackouts);
  const byId = new Map(teams.map((t) => [t.id, t]));
  const at = deps.clock.now().toISOString();
  const fields = [];
  for (const field of config.fields) {
    const mine = slots.filter((s) => s.fieldId === field.id && s.weekday === weekday);
    if (!mine.length) continue;
    fields.push({
      field,
      feedUrl: feeds ? `/practice/feeds/${await feedToken(deps.db, seasonId, 'field', field.id, at)}.ics` : null,
      slots: mine.map((slot) => ({
        slot,
        teams: bookings
          .filter((b) => b.slotId === slot.id)
          .map((b) => byId.get(b.teamId))
          .filter((t) => t !== undefined)
          .map((t) => ({ id: t.id, name: t.name, division: t.division }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        now: today === 'practice' && isNow(slot, clock),
      })),
    });
  }
  return { season, weekday, clock, today, fields };
}

import type { Deps } from '../platform/feature.js';
import type { Field, RegionConfig, Season } from '../region/index.js';
import { findSeason } from '../region/index.js';
import { findTeam, listTeams, type TeamRow } from '../teams/index.js';
import { bookingsWithSlots } from './bookings.store.js';
import { listSlots, type StoredSlot } from './slots.store.js';
import { feedToken, findFeed, loadSignup } from './signup.store.js';
import { isNow, practiceDay, regionClock } from './grid.rules.js';
import { practiceEvent } from './feed.rules.js';
import { renderCalendar, type IcalEvent } from '../platform/time/ical.js';

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
  const [slots, bookings, teams, signup] = await Promise.all([listSlots(deps.db, seasonId), bookingsWithSlots(deps.db, seasonId), listTeams(deps.db, seasonId), loadSignup(deps.db, seasonId)]);
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
        teams: bookings.filter((b) => b.slotId === slot.id).map((b) => byId.get(b.teamId)).filter((t) => t !== undefined).map((t) => ({ id: t.id, name: t.name, division: t.division })).sort((a, b) => a.name.localeCompare(b.name)),
        now: today === 'practice' && isNow(slot, clock),
      })),
    });
  }
  return { season, weekday, clock, today, fields };
}

/** The address of a team's calendar feed (made on first use). */
export async function teamFeedPath(deps: Deps, seasonId: string, teamId: string): Promise<string> {
  return `/practice/feeds/${await feedToken(deps.db, seasonId, 'team', teamId, deps.clock.now().toISOString())}.ics`;
}

/** The iCalendar text behind a feed token, or undefined for an unknown token. */
export async function feedCalendar(deps: Deps, config: RegionConfig, token: string): Promise<{ name: string; text: string } | undefined> {
  const feed = await findFeed(deps.db, token);
  const season = feed && findSeason(config, feed.seasonId)?.season;
  if (!feed || !season) return undefined;
  const signup = await loadSignup(deps.db, feed.seasonId);
  let name: string;
  let bookings = await bookingsWithSlots(deps.db, feed.seasonId, feed.kind === 'team' ? [feed.refId] : undefined);
  const teams = new Map((await listTeams(deps.db, feed.seasonId)).map((t) => [t.id, t]));
  if (feed.kind === 'team') {
    const team = teams.get(feed.refId) ?? (await findTeam(deps.db, feed.refId));
    if (!team) return undefined;
    name = `${team.name} practices (${season.name})`;
  } else {
    const field = config.fields.find((f) => f.id === feed.refId);
    if (!field) return undefined;
    bookings = bookings.filter((b) => b.slot.fieldId === field.id);
    name = `${field.name} practices (${season.name})`;
  }
  const host = new URL(deps.config.baseUrl).hostname || 'touchline';
  const events: IcalEvent[] = [];
  for (const b of bookings) {
    const team = teams.get(b.teamId);
    const field = config.fields.find((f) => f.id === b.slot.fieldId) ?? { name: b.slot.fieldId, address: '' };
    if (!team) continue;
    const e = practiceEvent({ bookingId: b.id, uidDomain: host, teamName: team.name, division: team.division, slot: b.slot, field, season, blackouts: signup.blackouts });
    if (e) events.push(e);
  }
  return { name, text: renderCalendar({ name, timeZone: config.region.timeZone, events, dtstamp: deps.clock.now().toISOString() }) };
}

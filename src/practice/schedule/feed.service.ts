import type { Deps } from '../../platform/feature.js';
import type { RegionConfig } from '../../region/index.js';
import { findSeason } from '../../region/index.js';
import { findTeam, listTeams } from '../../teams/index.js';
import { bookingsWithSlots } from '../booking/bookings.store.js';
import { loadSignup } from '../booking/signup.store.js';
import { feedToken, findFeed } from './feeds.store.js';
import { practiceEvent } from './feed.rules.js';
import { renderCalendar, type IcalEvent } from '../../platform/time/ical.js';

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

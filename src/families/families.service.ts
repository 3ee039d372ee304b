/**
 * A parent's or guardian's view of their children this season: each child's team, its coaches'
 * names, practices with the team's calendar feed, upcoming games and the notices sent to the
 * team's families; and the "write to the coaches" form, which never shows an address.
 */
import { AppError, forbidden } from '../platform/errors.js';
import type { Deps } from '../platform/feature.js';
import type { Auth } from '../platform/http/access.js';
import type { RegionConfig } from '../region/index.js';
import { regionToday, seasonNow } from '../region/index.js';
import { teamFeedPath, teamSchedule } from '../practice/index.js';
import { listGames } from '../gamecards/index.js';
import { familyNoticesOf, type FamilyNotice } from '../messages/index.js';
import { childrenOf, coachNamesOf, rosterFirstNames, staffAddressesOf, type ChildRow } from './families.store.js';
import { coachMessageProblem, practiceItems, upcomingGames, visibleTeammates, type GameItem, type PracticeItem } from './families.rules.js';

export type Asker = Pick<Auth, 'personId' | 'email' | 'name'>;

export interface ChildTeam {
  id: string;
  name: string;
  coaches: { name: string; role: string }[];
  practices: PracticeItem[];
  games: GameItem[];
  /** The team's calendar feed (absolute address); null when the team books no practice yet. */
  feedUrl: string | null;
  /** First names on the roster when the region allows it, else null. */
  teammates: string[] | null;
  notices: FamilyNotice[];
}

export interface ChildView {
  playerId: string;
  firstName: string;
  lastName: string;
  division: string;
  team: ChildTeam | null;
}

export interface FamilyView {
  seasonName: string | null;
  children: ChildView[];
}

/** The region's "show teammates' first names" setting (off unless the region switched it on). */
export const showsTeammates = (config: RegionConfig): boolean => config.families?.showTeammatesFirstNames === true;

/** Everything the asker may see about their own children in the current season; no child: an empty list. */
export async function familyView(deps: Deps, config: RegionConfig, asker: Asker): Promise<FamilyView> {
  const season = seasonNow(config, deps.clock)?.season;
  if (!season) return { seasonName: null, children: [] };
  const rows = await childrenOf(deps.db, asker.personId, asker.email, season.id);
  const teamIds = [...new Set(rows.map((r) => r.teamId).filter((id): id is string => !!id))];
  const today = regionToday(config, deps.clock);
  const [coaches, names, notices, games] = await Promise.all([
    coachNamesOf(deps.db, teamIds),
    showsTeammates(config) ? rosterFirstNames(deps.db, teamIds) : Promise.resolve(new Map<string, string[]>()),
    familyNoticesOf(deps.db, teamIds),
    listGames(deps.db, { seasonId: season.id, teamIds }),
  ]);
  const teams = new Map<string, ChildTeam>();
  for (const teamId of teamIds) {
    const s = await teamSchedule(deps, config, teamId, today);
    const feedUrl = s.bookings.length ? `${deps.config.baseUrl}${await teamFeedPath(deps, season.id, teamId)}` : null;
    teams.set(teamId, {
      id: teamId,
      name: s.team.name,
      coaches: coaches.get(teamId) ?? [],
      practices: practiceItems(
        s.bookings,
        s.upcoming.map((u) => ({ date: u.date, bookingId: u.booking.id })),
        config.fields,
      ),
      games: upcomingGames(teamId, games, today, config.fields),
      feedUrl,
      teammates: visibleTeammates(showsTeammates(config), names.get(teamId)),
      notices: notices.filter((n) => n.teamId === teamId),
    });
  }
  return {
    seasonName: season.name,
    children: rows.map((r: ChildRow) => ({
      playerId: r.playerId,
      firstName: r.firstName,
      lastName: r.lastName,
      division: r.division,
      team: r.teamId ? (teams.get(r.teamId) ?? null) : null,
    })),
  };
}

/**
 * Sends a parent's message to the coaches of their child's team: the coaches get the parent's
 * name and address (Reply-To), the parent never sees theirs. Only a guardian of the child may write.
 */
export async function writeToCoaches(deps: Deps, config: RegionConfig, asker: Asker, playerId: string, message: string): Promise<{ teamName: string; coaches: number }> {
  const problem = coachMessageProblem(message);
  if (problem) throw new AppError('VALIDATION', problem);
  const view = await familyView(deps, config, asker);
  const child = view.children.find((c) => c.playerId === playerId);
  if (!child) throw forbidden('You can write only to the coaches of your own children. Pick your child on your family page.');
  if (!child.team) throw new AppError('VALIDATION', `${child.firstName} is not on a team yet: the coaches can be reached once the teams are published.`);
  const to = await staffAddressesOf(deps.db, child.team.id);
  if (!to.length) throw new AppError('VALIDATION', `${child.team.name} has no coach with an address yet. Write to the region through the contact page.`);
  const text = [
    `${asker.name}, a parent or guardian of ${child.firstName} ${child.lastName} (${child.team.name}), wrote to the team's coaches through Touchline:`,
    '',
    message.trim(),
    '',
    '--',
    `Answer by replying to this mail (it goes to ${asker.email}). The sender did not see your address.`,
  ].join('\n');
  await deps.db.transaction().execute(async (trx) => {
    for (const address of to)
      await deps.mailer.queue(trx, {
        to: address,
        subject: `Message from ${child.firstName}'s family (${child.team!.name})`,
        text,
        kind: COACH_MESSAGE_KIND,
        replyTo: asker.email,
      });
  });
  return { teamName: child.team.name, coaches: to.length };
}

/** The outbox kind of a parent's message to their child's coaches. */
export const COACH_MESSAGE_KIND = 'family-to-coaches';

/** "parent or guardian of Leo and Mia" for the home page's roles line; null for someone with no child this season. */
export async function guardianLabel(deps: Deps, config: RegionConfig, asker: Asker): Promise<string | null> {
  const season = seasonNow(config, deps.clock)?.season;
  const rows = season ? await childrenOf(deps.db, asker.personId, asker.email, season.id) : [];
  if (!rows.length) return null;
  const names = rows.map((r) => r.firstName);
  return `parent or guardian of ${names.length < 2 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`}`;
}

import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/feature.js';
import type { RegionConfig } from '../../region/index.js';
import { regionToday, seasonNow } from '../../region/index.js';
import { requirementFor, summarizePerson } from '../../compliance/index.js';
import { rulesOf } from '../../compliance/index.js';
import { catalogOf } from '../../training/index.js';
import { completionLabel } from '../../training/index.js';
import { loadVolunteerRecords } from '../../compliance/index.js';
import { currentBadges, latestPhotos } from '../../badges/index.js';
import { cardStatuses, listGames } from '../../gamecards/index.js';
import { cardsOwed, coachSteps, playedBy, type Step, type StepFacts } from './steps.rules.js';
import { confirmedMentoringSignups, practiceBookingCounts, upcomingRegistrations } from './steps.store.js';
import { teamsCoachedBy } from '../../teams/index.js';

/**
 * The visitor's own facts for the coaches page steps, in a few small reads: compliance records
 * (application, roles, completions), upcoming class registrations, teams coached with their
 * practice bookings and game cards, mentoring sign-ups of the season, and the badge photo and badge.
 */

async function upcomingClasses(db: Db, config: RegionConfig, personId: string, today: string) {
  const catalog = catalogOf(config);
  return (await upcomingRegistrations(db, personId, today)).map((r) => ({ label: completionLabel(catalog, r.training, r.part), date: r.date }));
}

async function teamsCoached(db: Db, config: RegionConfig, personId: string, seasonId: string) {
  const teams = await teamsCoachedBy(db, personId, seasonId);
  const booked = await practiceBookingCounts(
    db,
    teams.map((t) => t.id),
  );
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    division: t.division,
    booked: booked.get(t.id) ?? 0,
    perWeek: config.divisions.find((d) => d.code === t.division)?.practice.perWeek ?? 1,
  }));
}

/** For each team coached in a division with game cards: games played by today, and their cards not yet submitted. */
async function cardsOwedBy(db: Db, config: RegionConfig, seasonId: string, today: string, teams: { id: string; name: string; division: string }[]) {
  const carded = teams.filter((t) => config.divisions.find((d) => d.code === t.division)?.gameCard);
  if (!carded.length) return [];
  const played = playedBy(await listGames(db, { seasonId, teamIds: carded.map((t) => t.id) }), today);
  const cards = await cardStatuses(
    db,
    played.map((g) => g.id),
  );
  return cardsOwed(carded, played, (gameId, teamId) => cards.get(`${gameId}|${teamId}`)?.status === 'submitted');
}

export async function stepFacts(deps: Pick<Deps, 'db' | 'clock'>, config: RegionConfig, personId: string): Promise<StepFacts | null> {
  const season = seasonNow(config, deps.clock);
  if (!season) return null;
  const seasonId = season.season.id;
  const today = regionToday(config, deps.clock);
  const [mine] = await loadVolunteerRecords(deps.db, seasonId, personId);
  if (!mine) return null;
  const rules = rulesOf(config);
  const roles = mine.held.length ? mine.held : mine.records.roles;
  const summary = roles.length ? summarizePerson(rules, mine.records, today) : null;
  const [classes, teams, signups, photos, badges] = await Promise.all([
    upcomingClasses(deps.db, config, personId, today),
    teamsCoached(deps.db, config, personId, seasonId),
    confirmedMentoringSignups(deps.db, personId, seasonId),
    latestPhotos(deps.db, [personId]),
    currentBadges(deps.db, seasonId, personId),
  ]);
  const cards = await cardsOwedBy(deps.db, config, seasonId, today, teams);
  const photo = photos.get(personId);
  const badge = badges.get(personId);
  return {
    catalog: rules.catalog,
    summary: summary?.roles.length ? summary : null,
    hasApplication: mine.records.application !== null,
    needsCourse: roles.some((r) => requirementFor(rules, r.role, r.division).ageLevel !== null),
    classes,
    teams: teams.map((t) => ({ name: t.name, booked: t.booked, perWeek: t.perWeek })),
    cards,
    coach: mine.held.some((r) => r.role === 'head-coach' || r.role === 'assistant-coach'),
    mentoringSignups: signups,
    badge: { photo: photo ? { status: photo.status, reason: photo.reason } : null, current: !!badge, printed: !!badge?.printedAt },
  };
}

/** The coaches page steps for a visitor (statuses only when logged in). */
export async function stepsFor(deps: Pick<Deps, 'db' | 'clock'>, config: RegionConfig, personId: string | null): Promise<Step[]> {
  return coachSteps(config, personId ? await stepFacts(deps, config, personId) : null);
}

import type { Db } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import type { RegionConfig } from '../region/region.schema.js';
import { regionToday, seasonNow } from '../region/region.service.js';
import { requirementFor, summarizePerson } from '../compliance/compliance.rules.js';
import { rulesOf } from '../compliance/compliance.service.js';
import { catalogOf } from '../training/catalog.rules.js';
import { completionLabel } from '../training/training.rules.js';
import { loadVolunteerRecords } from '../notifications/records.store.js';
import { currentBadges, latestPhotos } from '../badges/badges.store.js';
import { cardStatuses, listGames } from '../gamecards/games.store.js';
import { coachSteps, type Step, type StepFacts } from './steps.rules.js';

/**
 * The visitor's own facts for the coaches page steps, in a few small reads: compliance records
 * (application, roles, completions), upcoming class registrations, teams coached with their
 * practice bookings and game cards, mentoring sign-ups of the season, and the badge photo and badge.
 */

async function upcomingClasses(db: Db, config: RegionConfig, personId: string, today: string) {
  const rows = await db
    .selectFrom('class_registrations as r')
    .innerJoin('class_sessions as s', 's.id', 'r.session_id')
    .select(['s.training', 's.part', 's.date'])
    .where('r.person_id', '=', personId)
    .where('r.credited_at', 'is', null)
    .where('s.cancelled_at', 'is', null)
    .where('s.date', '>=', today)
    .orderBy('s.date')
    .execute();
  const catalog = catalogOf(config);
  return rows.map((r) => ({ label: completionLabel(catalog, r.training, r.part), date: r.date }));
}

async function teamsCoached(db: Db, config: RegionConfig, personId: string, seasonId: string) {
  const teams = await db
    .selectFrom('team_staff')
    .innerJoin('teams', 'teams.id', 'team_staff.team_id')
    .select(['teams.id', 'teams.name', 'teams.division'])
    .where('team_staff.person_id', '=', personId)
    .where('teams.season_id', '=', seasonId)
    .orderBy('teams.name')
    .execute();
  if (!teams.length) return [];
  const counts = await db
    .selectFrom('practice_bookings')
    .select(['team_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('team_id', 'in', teams.map((t) => t.id))
    .groupBy('team_id')
    .execute();
  const booked = new Map(counts.map((c) => [c.team_id, Number(c.n)]));
  return teams.map((t) => ({ id: t.id, name: t.name, division: t.division, booked: booked.get(t.id) ?? 0, perWeek: config.divisions.find((d) => d.code === t.division)?.practice.perWeek ?? 1 }));
}

/** For each team coached in a division with game cards: games played by today, and their cards not yet submitted. */
async function cardsOwed(db: Db, config: RegionConfig, seasonId: string, today: string, teams: { id: string; name: string; division: string }[]) {
  const carded = teams.filter((t) => config.divisions.find((d) => d.code === t.division)?.gameCard);
  if (!carded.length) return [];
  const played = (await listGames(db, { seasonId, teamIds: carded.map((t) => t.id) })).filter((g) => g.date <= today);
  const cards = await cardStatuses(db, played.map((g) => g.id));
  return carded.map((t) => {
    const games = played.filter((g) => g.home.id === t.id || g.away.id === t.id);
    return { team: t.name, played: games.length, owed: games.filter((g) => cards.get(`${g.id}|${t.id}`)?.status !== 'submitted').length };
  });
}

async function mentoringSignups(db: Db, personId: string, seasonId: string): Promise<number> {
  const r = await db
    .selectFrom('mentoring_signups as m')
    .innerJoin('mentoring_sessions as s', 's.id', 'm.session_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.person_id', '=', personId)
    .where('m.status', '=', 'confirmed')
    .where('s.season_id', '=', seasonId)
    .where('s.cancelled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
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
    mentoringSignups(deps.db, personId, seasonId),
    latestPhotos(deps.db, [personId]),
    currentBadges(deps.db, seasonId, personId),
  ]);
  const cards = await cardsOwed(deps.db, config, seasonId, today, teams);
  const photo = photos.get(personId);
  const badge = badges.get(personId);
  return {
    catalog: rules.catalog,
    summary: summary && summary.roles.length ? summary : null,
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

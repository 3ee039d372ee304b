/**
 * Where each coach stands for a badge: one person (personCompliance for each coaching role) or the
 * whole season for the board (the compliance dashboard's three queries), with their photo and
 * current badge. Eligibility is decided by badges.rules.ts from these records.
 */
import { AppError } from '../platform/errors.js';
import type { Db } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import type { Role } from '../platform/roles.js';
import type { RegionConfig } from '../region/index.js';
import { allSeasons, findSeason } from '../region/index.js';
import { getRegionConfig, seasonNow } from '../region/index.js';
import { dashboard, personCompliance } from '../compliance/index.js';
import { loadGrants } from '../compliance/index.js';
import { badgeEligibility, boardStatus, isCoachRole, printedRoles, type BadgeFacts, type BoardStatus, type CoachRoleCheck, type Eligibility } from './badges.rules.js';
import { activePeopleByIds, currentBadges, findPersonForBadge, latestPhotos, type CurrentBadge, type PhotoRow } from './badges.store.js';
import { recordChecks, type BadgeCheck } from './validity.service.js';

/** Who manages badges: photo approval, the board list, print sheets. */
export const BADGE_BOARD: readonly Role[] = ['coach-administrator', 'region-administrator'];

export type BadgeDeps = Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>;

export interface SeasonInfo {
  id: string;
  name: string;
  endDate: string;
}

/** The season asked for, or the current one; VALIDATION naming the seasons when it does not exist. */
export function resolveSeason(config: RegionConfig, deps: Pick<Deps, 'clock'>, seasonId?: string): SeasonInfo {
  const id = seasonId?.trim() || seasonNow(config, deps.clock)?.season.id || '';
  const s = findSeason(config, id);
  if (!s) {
    const message = `There is no season "${id.slice(0, 40)}": use one of ${allSeasons(config)
      .map((x) => x.season.id)
      .join(', ')}.`;
    throw new AppError('VALIDATION', message, { errors: [message] });
  }
  return { id: s.season.id, name: s.season.name, endDate: s.season.endDate };
}

export interface CoachBadge {
  personId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  season: SeasonInfo;
  roles: CoachRoleCheck[];
  photo: PhotoRow | null;
  eligibility: Eligibility;
  /** What a badge issued now would print; null without a photo or a coaching role. */
  facts: BadgeFacts | null;
  current: CurrentBadge | null;
  status: BoardStatus;
}

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();

function assemble(
  p: { personId: string; firstName: string; lastName: string; email: string | null },
  season: SeasonInfo,
  roles: CoachRoleCheck[],
  photo: PhotoRow | null,
  current: CurrentBadge | null,
): CoachBadge {
  const eligibility = badgeEligibility(roles, photo);
  const facts = photo && roles.length ? { photoId: photo.id, name: fullName(p), roles: printedRoles(roles) } : null;
  const printed = current && { facts: { photoId: current.photoId, name: current.name, roles: current.roles }, printedAt: current.printedAt };
  return { ...p, season, roles, photo, eligibility, facts, current, status: boardStatus(eligibility, facts, printed) };
}

/** A person's coaching roles of the season, each with its compliance answer. */
async function coachRoleChecks(deps: BadgeDeps, personId: string, seasonId: string): Promise<CoachRoleCheck[]> {
  const grants = printedRoles((await loadGrants(deps.db, { seasonId, personId })).filter((g) => isCoachRole(g.role)));
  return Promise.all(
    grants.map(async (g) => {
      try {
        return { ...g, ...(await personCompliance(deps, { personId, seasonId, role: g.role, division: g.division })) };
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
        return {
          ...g,
          certified: false,
          missing: [{ element: 1 as const, code: 'UNKNOWN_DIVISION', message: `The region has no division "${g.division}": ask the coach administrator to fix your role.` }],
        };
      }
    }),
  );
}

async function personRow(db: Db, personId: string) {
  const p = await findPersonForBadge(db, personId);
  if (!p) throw new AppError('NOT_FOUND', 'There is no person with that id.');
  if (p.merged_into) throw new AppError('NOT_FOUND', `That account was merged into account ${p.merged_into}: ask for that one.`, { mergedInto: p.merged_into });
  return { personId: p.id, firstName: p.first_name, lastName: p.last_name, email: p.email };
}

/** One person's badge standing for a season (the current one by default). */
export async function personBadge(deps: BadgeDeps, personId: string, seasonId?: string): Promise<CoachBadge> {
  const config = await getRegionConfig(deps.db);
  const season = resolveSeason(config, deps, seasonId);
  const person = await personRow(deps.db, personId);
  const [roles, photos, currents] = await Promise.all([coachRoleChecks(deps, personId, season.id), latestPhotos(deps.db, [personId]), currentBadges(deps.db, season.id, personId)]);
  return assemble(person, season, roles, photos.get(personId) ?? null, currents.get(personId) ?? null);
}

export interface BoardRow extends CoachBadge {
  /** The check of the current badge (null without one), recorded as described in validity.service.ts. */
  check: BadgeCheck | null;
}

export interface BoardList {
  season: SeasonInfo;
  rows: BoardRow[];
}

/**
 * Every coach of the season (and anyone holding a badge of it), by name: eligible, printed or
 * blocked with what is missing. Checking the current badges here also records when one stopped
 * being valid, so "since when" is known as soon as the board looks.
 */
export async function boardList(deps: BadgeDeps, seasonId?: string, regionConfig?: RegionConfig): Promise<BoardList> {
  const config = regionConfig ?? (await getRegionConfig(deps.db));
  const season = resolveSeason(config, deps, seasonId);
  const d = await dashboard(deps, { season: season.id }, config);
  const people = new Map<string, { person: { personId: string; firstName: string; lastName: string; email: string | null }; roles: CoachRoleCheck[] }>();
  for (const r of d.rows.filter((x) => isCoachRole(x.role))) {
    let p = people.get(r.personId);
    if (!p) people.set(r.personId, (p = { person: { personId: r.personId, firstName: r.firstName, lastName: r.lastName, email: r.email }, roles: [] }));
    p.roles.push({ role: r.role, division: r.division, certified: r.certified, missing: r.missing });
  }
  const currents = await currentBadges(deps.db, season.id);
  const others = [...currents.keys()].filter((id) => !people.has(id));
  if (others.length) {
    const rows = await activePeopleByIds(deps.db, others);
    for (const r of rows) people.set(r.id, { person: { personId: r.id, firstName: r.first_name, lastName: r.last_name, email: r.email }, roles: [] });
  }
  const photos = await latestPhotos(deps.db, [...people.keys()]);
  const badges = [...people.values()].map((p) => assemble(p.person, season, p.roles, photos.get(p.person.personId) ?? null, currents.get(p.person.personId) ?? null));
  const checks = await recordChecks(
    deps,
    config,
    badges.flatMap((b) => (b.current ? [{ badge: b.current, roles: b.roles }] : [])),
  );
  const rows = badges.map((b) => ({ ...b, check: b.current ? (checks.get(b.current.id) ?? null) : null }));
  rows.sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || a.personId.localeCompare(b.personId));
  return { season, rows };
}

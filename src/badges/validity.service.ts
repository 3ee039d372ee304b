/**
 * Checking issued badges against the live records, and remembering since when one is not valid.
 *
 * "Since when" (decided here): a replaced badge is not valid from the day it was replaced, a badge of
 * a season that is over from the day after the season's end (both exact, from the records). For
 * the other causes (a role removed, a training expired, a background check flagged, a photo
 * withdrawn) the records keep no date of the change, so the first check that finds the badge not
 * valid stores that instant (badges.invalid_since) and later checks show it: the date is "no later
 * than". Checks run on every verification (the QR code) and whenever the board opens its badge list,
 * so the recorded date follows the change closely. A badge found valid again (a training renewed)
 * has the date cleared, and a later lapse records a new one.
 */
import { dateInZone } from '../platform/clock.js';
import type { Deps } from '../platform/feature.js';
import type { RegionConfig } from '../region/index.js';
import { findSeason } from '../region/index.js';
import { regionToday } from '../region/index.js';
import type { RoleInDivision } from '../compliance/index.js';
import { badgeValidity, invalidSince, type InvalidCause } from './badges.rules.js';
import { photoStatuses, setInvalidSince, type BadgeRow } from './badges.store.js';

export interface BadgeCheck {
  valid: boolean;
  cause: InvalidCause | null;
  /** YYYY-MM-DD (region date) the badge stopped being valid; null while valid. */
  since: string | null;
}

/** The region's date of an instant. */
export const regionDate = (config: RegionConfig, iso: string) => dateInZone(new Date(iso), config.region.timeZone);

export interface CheckItem {
  badge: BadgeRow;
  /** The coaching roles the person holds in the badge's season now, and whether certified for each. */
  roles: readonly (RoleInDivision & { certified: boolean })[];
}

const key = (r: RoleInDivision) => `${r.role}\u0000${r.division}`;

/** Checks badges and records (or clears) the first instant each was found not valid. */
export async function recordChecks(deps: Pick<Deps, 'db' | 'clock'>, config: RegionConfig, items: readonly CheckItem[]): Promise<Map<string, BadgeCheck>> {
  const out = new Map<string, BadgeCheck>();
  if (!items.length) return out;
  const statuses = await photoStatuses(
    deps.db,
    items.map((i) => i.badge.photoId),
  );
  const today = regionToday(config, deps.clock);
  const now = deps.clock.now().toISOString();
  const mark: string[] = [];
  const clear: string[] = [];
  for (const { badge, roles } of items) {
    const season = findSeason(config, badge.seasonId)?.season;
    const held = new Map(roles.map((r) => [key(r), r.certified]));
    const v = badgeValidity({
      replacedOn: badge.replacedAt ? regionDate(config, badge.replacedAt) : null,
      season: season ? { endDate: season.endDate } : null,
      today,
      photoApproved: statuses.get(badge.photoId) === 'approved',
      roles: badge.roles.map((r) => ({ ...r, held: held.has(key(r)), certified: held.get(key(r)) ?? false })),
    });
    const firstSeen = badge.invalidSince ?? (v.valid || v.derivedSince ? null : now);
    if (!v.valid && !v.derivedSince && !badge.invalidSince) mark.push(badge.id);
    if (v.valid && badge.invalidSince) clear.push(badge.id);
    out.set(badge.id, { valid: v.valid, cause: v.cause, since: invalidSince(v, firstSeen ? regionDate(config, firstSeen) : null, today) });
  }
  await setInvalidSince(deps.db, mark, now);
  await setInvalidSince(deps.db, clear, null);
  return out;
}

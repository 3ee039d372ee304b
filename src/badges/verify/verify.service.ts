/**
 * The public check of a badge, opened from its QR code: the printed facts (photo, name, roles,
 * season) and whether it is valid now, computed from the live records at every request. Nothing
 * else about the person is answered: no email, no phone, not what is missing.
 */
import { AppError } from '../../platform/errors.js';
import { readFile } from '../../platform/files.store.js';
import { ROLE_LABELS, isRole } from '../../platform/roles.js';
import { findSeason } from '../../region/index.js';
import { getRegionConfig } from '../../region/index.js';
import { personCompliance } from '../../compliance/index.js';
import { loadGrants } from '../../compliance/index.js';
import { publicCause } from '../badges.rules.js';
import type { BadgeDeps } from '../badges.service.js';
import { badgeByToken, findPhoto, type BadgeRow } from '../badges.store.js';
import { recordChecks } from '../validity.service.js';

export interface Verification {
  status: 'valid' | 'not-valid';
  /** YYYY-MM-DD the badge stopped being valid (see validity.service.ts); null while valid. */
  since: string | null;
  /** A neutral reason when it is about the badge itself (replaced, season over); else null. */
  note: string | null;
  name: string;
  roles: { role: string; label: string; division: string }[];
  season: { id: string; name: string };
  region: string;
  /** Path of the badge's photo (unguessable: it holds the badge token). */
  photoUrl: string;
  checkedAt: string;
}

const NOT_A_BADGE = 'This code is not a badge of the region: the badge may be forged or mistyped. Ask the coach for another proof, or call the region.';

async function findBadge(deps: BadgeDeps, token: string): Promise<BadgeRow> {
  const badge = /^[\w-]{20,100}$/.test(token) ? await badgeByToken(deps.db, token) : undefined;
  if (!badge) throw new AppError('NOT_FOUND', NOT_A_BADGE);
  return badge;
}

/** Whether the person holds each printed role now, and is certified for it. */
async function heldRoles(deps: BadgeDeps, badge: BadgeRow) {
  const grants = await loadGrants(deps.db, { seasonId: badge.seasonId, personId: badge.personId });
  const held = badge.roles.filter((r) => grants.some((g) => g.role === r.role && g.division === r.division));
  return Promise.all(
    held.map(async (r) => {
      try {
        return { ...r, certified: (await personCompliance(deps, { personId: badge.personId, seasonId: badge.seasonId, role: r.role, division: r.division })).certified };
      } catch (e) {
        if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'NOT_FOUND')) return { ...r, certified: false };
        throw e;
      }
    }),
  );
}

export async function verifyBadge(deps: BadgeDeps, token: string): Promise<Verification> {
  const badge = await findBadge(deps, token);
  const config = await getRegionConfig(deps.db);
  const check = (await recordChecks(deps, config, [{ badge, roles: await heldRoles(deps, badge) }])).get(badge.id)!;
  return {
    status: check.valid ? 'valid' : 'not-valid',
    since: check.since,
    note: publicCause(check.cause),
    name: badge.name,
    roles: badge.roles.map((r) => ({ role: r.role, label: isRole(r.role) ? ROLE_LABELS[r.role] : r.role, division: r.division })),
    season: { id: badge.seasonId, name: findSeason(config, badge.seasonId)?.season.name ?? badge.seasonId },
    region: `Region ${config.region.number} ${config.region.name}`,
    photoUrl: `/verify/${badge.token}/photo`,
    checkedAt: deps.clock.now().toISOString(),
  };
}

/** The photo printed on a badge. */
export async function badgePhoto(deps: BadgeDeps, token: string) {
  const badge = await findBadge(deps, token);
  const photo = await findPhoto(deps.db, badge.photoId);
  const file = photo && (await readFile(deps.db, photo.fileId));
  if (!file) throw new AppError('NOT_FOUND', 'The photo of this badge is no longer kept.');
  return file;
}

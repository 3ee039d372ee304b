/**
 * From issued badges to PDF: the printed facts of each badge, its coach's team in each division
 * (none while teams are not formed), the photo bytes (one query for all) and the verification link.
 */
import type { Db } from '../../platform/db/database.js';
import { ROLE_LABELS, isRole } from '../../platform/roles.js';
import type { RoleInDivision } from '../../compliance/index.js';
import { findSeason } from '../../region/index.js';
import { getRegionConfig } from '../../region/index.js';
import { teamsCoachedBy } from '../../teams/index.js';
import type { BadgeDeps } from '../badges.service.js';
import { renderCard, renderSheet, type BadgeCard } from './badges.pdf.js';
import { fileBytes } from './runs.store.js';

export interface Printable {
  badgeId: string;
  personId: string;
  token: string;
  name: string;
  roles: readonly RoleInDivision[];
  /** The file of the badge's photo. */
  fileId: string;
}

/** The public verification link of a badge: what its QR code holds. */
export const verifyUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/verify/${token}`;

/** For each person, the names of the teams they coach in the season, by division. */
export async function teamsByPerson(db: Db, seasonId: string, personIds: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const personId of new Set(personIds)) {
    const byDivision = new Map<string, string>();
    for (const t of await teamsCoachedBy(db, personId, seasonId)) byDivision.set(t.division, byDivision.has(t.division) ? `${byDivision.get(t.division)}, ${t.name}` : t.name);
    out.set(personId, byDivision);
  }
  return out;
}

export type RenderOptions = { single: true } | { single: false; printedAt: string; printedBy: string };

/** The PDF of badges: one card-size page (single) or letter print sheets. */
export async function renderBadges(deps: BadgeDeps, seasonId: string, items: readonly Printable[], opts: RenderOptions): Promise<Uint8Array> {
  const config = await getRegionConfig(deps.db);
  const seasonName = findSeason(config, seasonId)?.season.name ?? seasonId;
  const regionName = `Region ${config.region.number} ${config.region.name}`;
  const [teams, photos] = await Promise.all([
    teamsByPerson(
      deps.db,
      seasonId,
      items.map((i) => i.personId),
    ),
    fileBytes(
      deps.db,
      items.map((i) => i.fileId),
    ),
  ]);
  const cards: BadgeCard[] = items.map((i) => ({
    name: i.name,
    lines: i.roles.map((r) => ({ roleLabel: isRole(r.role) ? ROLE_LABELS[r.role] : r.role, division: r.division, team: teams.get(i.personId)?.get(r.division) ?? null })),
    seasonName,
    regionName,
    verifyUrl: verifyUrl(deps.config.baseUrl, i.token),
    photo: photos.get(i.fileId) ?? new Uint8Array(),
    photoKey: i.fileId,
  }));
  const createdAt = deps.clock.now();
  if (opts.single) return renderCard(cards[0]!, { title: `Coach badge: ${cards[0]!.name}, ${seasonName}`, regionName, createdAt });
  const footer = `${regionName} · Coach badges, ${seasonName} · ${cards.length} badge${cards.length === 1 ? '' : 's'} printed ${opts.printedAt.slice(0, 10)} by ${opts.printedBy}`;
  return renderSheet(cards, { title: `Coach badges, ${seasonName}`, regionName, createdAt, footer });
}

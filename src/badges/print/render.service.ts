/**
 * From issued badges to PDF: the printed facts of each badge, its coach's team in each division
 * (none while teams are not formed), the photo bytes (one query for all, each brought to the print
 * form when it was stored before it) and the verification link.
 */
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/db/database.js';
import { pdfBytes } from '../../platform/pdf.js';
import { ROLE_LABELS, isRole } from '../../platform/roles.js';
import type { RoleInDivision } from '../../compliance/index.js';
import { findSeason } from '../../region/index.js';
import { getRegionConfig } from '../../region/index.js';
import { teamsCoachedBy } from '../../teams/index.js';
import type { BadgeDeps } from '../badges.service.js';
import { printablePhoto } from '../photos/photo.rules.js';
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

/**
 * The photo of each badge as the PDF embeds it (see printablePhoto), by file id. A photo that
 * cannot be read stops the whole document with PHOTO_UNPRINTABLE naming its coach: a sheet is
 * printed whole or not at all.
 */
async function printablePhotos(db: Db, items: readonly Printable[]): Promise<Map<string, Uint8Array>> {
  const stored = await fileBytes(
    db,
    items.map((i) => i.fileId),
  );
  const out = new Map<string, Uint8Array>();
  for (const i of items) {
    if (out.has(i.fileId)) continue;
    try {
      const raw = stored.get(i.fileId);
      if (raw === undefined) throw new Error('the photo file is missing');
      out.set(i.fileId, await printablePhoto(pdfBytes(raw, 'badge photo')));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new AppError(
        'PHOTO_UNPRINTABLE',
        `The badge photo of ${i.name} cannot be printed: its file is damaged (${reason}). Nothing was printed. ${i.name} uploads a new photo on the badge page, the coach administrator approves it, and the badge can be printed again.`,
        { personId: i.personId, reason },
      );
    }
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
    printablePhotos(deps.db, items),
  ]);
  const cards: BadgeCard[] = items.map((i) => ({
    name: i.name,
    lines: i.roles.map((r) => ({ roleLabel: isRole(r.role) ? ROLE_LABELS[r.role] : r.role, division: r.division, team: teams.get(i.personId)?.get(r.division) ?? null })),
    seasonName,
    regionName,
    verifyUrl: verifyUrl(deps.config.baseUrl, i.token),
    photo: photos.get(i.fileId)!,
    photoKey: i.fileId,
  }));
  const createdAt = deps.clock.now();
  if (opts.single) return renderCard(cards[0]!, { title: `Coach badge: ${cards[0]!.name}, ${seasonName}`, regionName, createdAt });
  const footer = `${regionName} · Coach badges, ${seasonName} · ${cards.length} badge${cards.length === 1 ? '' : 's'} printed ${opts.printedAt.slice(0, 10)} by ${opts.printedBy}`;
  return renderSheet(cards, { title: `Coach badges, ${seasonName}`, regionName, createdAt, footer });
}

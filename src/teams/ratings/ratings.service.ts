/**
 * End-of-season ratings (spec "Player ratings"): each coach rates the players of their team on the
 * region's scale while the coach administrator keeps the season's rating window open; the coach
 * administrator may override any rating with a reason (audited). Ratings are kept per season.
 */
import { recordAudit, type Actor } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/feature.js';
import type { Auth } from '../../platform/http/access.js';
import { findSeason } from '../../region/index.js';
import { getRegionConfig } from '../../region/index.js';
import { ratingProblem } from '../../players/index.js';
import { putRating } from '../../players/index.js';
import { teamFor, type TeamView } from '../teams.access.js';
import { rosterOf } from '../teams.store.js';
import { closeRatingWindow, findRatingWindow, isRegistered, openRatingWindow, seasonRatingOf, seasonRatingsOf } from './ratings.store.js';

export interface RatingWindow {
  seasonId: string;
  open: boolean;
  openedAt: string | null;
  closedAt: string | null;
}

export interface TeamRating {
  playerId: string;
  name: string;
  jersey: number | null;
  rating: number | null;
  ratedBy: string | null;
  ratedAt: string | null;
  overrideReason: string | null;
}

export async function ratingWindow(db: Db, seasonId: string): Promise<RatingWindow> {
  const r = await findRatingWindow(db, seasonId);
  return { seasonId, open: !!r && r.closed_at === null, openedAt: r?.opened_at ?? null, closedAt: r?.closed_at ?? null };
}

/** Opens or closes a season's rating window (coach administrator; audited). */
export async function setRatingWindow(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, seasonId: string, open: boolean): Promise<RatingWindow> {
  if (!findSeason(await getRegionConfig(deps.db), seasonId)) throw new AppError('NOT_FOUND', `There is no season "${seasonId}" in the region configuration.`);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await ratingWindow(trx, seasonId);
    if (before.open === open) throw new AppError('CONFLICT', `The rating window of ${seasonId} is already ${open ? 'open' : 'closed'}.`);
    if (open) await openRatingWindow(trx, seasonId, at, actor.id);
    else await closeRatingWindow(trx, seasonId, at);
    await recordAudit(trx, { actor, at, action: open ? 'ratings.open' : 'ratings.close', entity: 'season', entityId: seasonId, before, after: { seasonId, open } });
  });
  return ratingWindow(deps.db, seasonId);
}

async function ratingsOfTeam(db: Db, teamId: string, seasonId: string): Promise<TeamRating[]> {
  const roster = await rosterOf(db, teamId);
  const rows = await seasonRatingsOf(
    db,
    seasonId,
    roster.map((p) => p.playerId),
  );
  const byPlayer = new Map(rows.map((r) => [r.player_id, r]));
  return roster.map((p) => {
    const r = byPlayer.get(p.playerId);
    return {
      playerId: p.playerId,
      name: `${p.firstName} ${p.lastName}`,
      jersey: p.jersey,
      rating: r ? Number(r.rating) : null,
      ratedBy: r?.first_name ? `${r.first_name} ${r.last_name}` : null,
      ratedAt: r?.rated_at ?? null,
      overrideReason: r?.override_reason ?? null,
    };
  });
}

/** A team's ratings of its season, for its coaches and the board. */
export async function teamRatings(deps: Pick<Deps, 'db'>, auth: Auth | null, teamId: string): Promise<{ view: TeamView; window: RatingWindow; ratings: TeamRating[] }> {
  const view = await teamFor(deps.db, auth, teamId);
  return { view, window: await ratingWindow(deps.db, view.team.seasonId), ratings: await ratingsOfTeam(deps.db, teamId, view.team.seasonId) };
}

/**
 * A coach rates players of their team (all or nothing): only while the window is open, only
 * players of the team, only values on the scale, and not a rating the coach administrator set.
 */
export async function rateTeam(
  deps: Pick<Deps, 'db' | 'clock'>,
  auth: Auth | null,
  teamId: string,
  entries: readonly { playerId: string; rating: number }[],
): Promise<TeamRating[]> {
  const view = await teamFor(deps.db, auth, teamId);
  if (!view.staff) throw new AppError('NOT_YOUR_TEAM', "Only this team's coaches rate its players; the coach administrator overrides a rating instead.");
  const seasonId = view.team.seasonId;
  if (!(await ratingWindow(deps.db, seasonId)).open) throw new AppError('RATING_WINDOW_CLOSED', 'Ratings are closed: the coach administrator opens them at the end of the season.');
  const scale = (await getRegionConfig(deps.db)).ratingScale;
  const current = new Map((await ratingsOfTeam(deps.db, teamId, seasonId)).map((r) => [r.playerId, r]));
  const problems: string[] = [];
  for (const e of entries) {
    const p = current.get(e.playerId);
    const bad = ratingProblem(e.rating, scale);
    if (!p) problems.push(`Player ${e.playerId} is not on this team.`);
    else if (bad) problems.push(`${p.name}: ${bad}`);
    else if (p.overrideReason !== null && p.rating !== e.rating) problems.push(`${p.name}: the coach administrator set this rating (${p.overrideReason}); ask them to change it.`);
  }
  if (problems.length) throw new AppError('VALIDATION', problems[0]!, { errors: problems });
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const e of entries) {
      const p = current.get(e.playerId)!;
      if (p.rating === e.rating) continue;
      await putRating(trx, { seasonId, playerId: e.playerId, rating: e.rating, ratedBy: auth!.personId, ratedAt: at, overrideReason: null });
    }
  });
  return ratingsOfTeam(deps.db, teamId, seasonId);
}

/** The coach administrator sets a player's rating of a season, window open or not, with a reason (audited). */
export async function overrideRating(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, seasonId: string, playerId: string, rating: number, reason: string): Promise<void> {
  const config = await getRegionConfig(deps.db);
  if (!findSeason(config, seasonId)) throw new AppError('NOT_FOUND', `There is no season "${seasonId}" in the region configuration.`);
  const problems = [
    ratingProblem(rating, config.ratingScale),
    reason.trim() ? null : 'Give the reason for the override (it is kept in the audit log).',
    reason.length > 500 ? 'Keep the reason under 500 characters.' : null,
  ].filter((x): x is string => !!x);
  if (problems.length) throw new AppError('VALIDATION', problems[0]!, { errors: problems });
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await isRegistered(trx, seasonId, playerId))) throw new AppError('NOT_FOUND', 'That player is not registered in this season.');
    const before = await seasonRatingOf(trx, seasonId, playerId);
    await putRating(trx, { seasonId, playerId, rating, ratedBy: actor.id, ratedAt: at, overrideReason: reason.trim() });
    await recordAudit(trx, {
      actor,
      at,
      action: 'rating.override',
      entity: 'player',
      entityId: playerId,
      before: before ? { seasonId, rating: Number(before.rating), ratedBy: before.rated_by, overrideReason: before.override_reason } : { seasonId, rating: null },
      after: { seasonId, rating, reason: reason.trim() },
    });
  });
}

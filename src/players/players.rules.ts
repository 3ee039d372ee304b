/**
 * Where a registered player plays, and which rating formation uses for them (spec "Team formation",
 * "Player ratings"). Pure: configuration and rows in, decisions out.
 */
import { divisionForBirthDate, findSeason } from '../region/index.js';
import type { Division, MembershipYear, RegionConfig } from '../region/index.js';
import { describeScale, gridIndex, type RatingScale } from './rating-scale.rules.js';

export type Program = 'boys' | 'girls' | 'coed';
export type Gender = 'M' | 'F';

export const PROGRAM_LABELS: Record<Program, string> = { boys: 'Boys', girls: 'Girls', coed: 'Coed' };

export const isProgram = (v: string): v is Program => v === 'boys' || v === 'girls' || v === 'coed';

/**
 * The season id under which ratings read from a registration export are kept: one per player,
 * replaced by each import. They stand for "last season" and are used only for a player with no
 * rating given in Touchline before the season being formed.
 */
export const IMPORTED_RATINGS = 'imported';

/** The program a player of this gender joins in a division: girls' or boys' program when the division has it, else co-ed. */
export function programFor(division: Division, gender: Gender): Program | null {
  const own: Program = gender === 'F' ? 'girls' : 'boys';
  if (division.programs.includes(own)) return own;
  return division.programs.includes('coed') ? 'coed' : null;
}

export type Placement = { ok: true; division: string; program: Program } | { ok: false; message: string };

/** A player's division (age on the membership year's cut-off date) and program (gender). */
export function placePlayer(config: RegionConfig, year: MembershipYear, birthDate: string, gender: Gender): Placement {
  const division = divisionForBirthDate(config, year, birthDate);
  if (!division) {
    const ages = config.divisions.map((d) => d.ageMin).concat(config.divisions.map((d) => d.ageMax));
    return {
      ok: false,
      message: `born ${birthDate}: no division of ${year.name} takes this age (the region's divisions cover ages ${Math.min(...ages)} to ${Math.max(...ages)}). Check the date of birth.`,
    };
  }
  const program = programFor(division, gender);
  if (!program) return { ok: false, message: `${division.code} has no program for ${gender === 'F' ? 'girls' : 'boys'} (programs: ${division.programs.join(', ')}).` };
  return { ok: true, division: division.code, program };
}

/** A division/program pair is one the region runs. */
export function programProblem(config: RegionConfig, division: string, program: string): string | null {
  const d = config.divisions.find((x) => x.code === division);
  if (!d) return `Division "${division}" is not one of the region's divisions (${config.divisions.map((x) => x.code).join(', ')}).`;
  if (!isProgram(program) || !d.programs.includes(program)) return `${division} has no "${program}" program; its programs are ${d.programs.join(', ')}.`;
  return null;
}

/** Why a rating cannot be recorded on the region's scale (null when it can). */
export function ratingProblem(rating: number, scale: RatingScale): string | null {
  if (!Number.isFinite(rating) || gridIndex(rating, scale) === null) return `${String(rating)} is not on the region's rating scale (${describeScale(scale)}).`;
  return null;
}

export interface StoredRating {
  seasonId: string;
  rating: number;
  ratedAt: string;
}

/**
 * The rating formation uses for a player in a season: the most recently given rating of an
 * earlier season (any season other than this one and not a configured season starting on or after
 * it; unknown season ids count as earlier), else the rating imported from the registration export,
 * else none (a new player).
 */
export function ratingForFormation(rows: readonly StoredRating[], seasonId: string, config: RegionConfig): StoredRating | null {
  const start = findSeason(config, seasonId)?.season.startDate ?? '9999-12-31';
  const earlier = rows.filter((r) => {
    if (r.seasonId === seasonId || r.seasonId === IMPORTED_RATINGS) return false;
    const s = findSeason(config, r.seasonId);
    return !s || s.season.startDate < start;
  });
  earlier.sort((a, b) => (a.ratedAt < b.ratedAt ? 1 : a.ratedAt > b.ratedAt ? -1 : a.seasonId < b.seasonId ? 1 : -1));
  return earlier[0] ?? rows.find((r) => r.seasonId === IMPORTED_RATINGS) ?? null;
}

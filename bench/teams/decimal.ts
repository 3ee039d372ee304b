/**
 * Decimal ratings for the team formation benchmark: regions that average several evaluators' whole
 * 1-5 ratings and keep the average on a finer step (0.5, 0.25, 0.1). Each player has a latent
 * level; one to four evaluators rate it (each off by one now and then); the average is rounded to
 * the step. Averages of three land on x.0, x.3 and x.7 only, so team totals move in lumps: the
 * case a search tuned on whole numbers finds hardest. Deterministic for a seed.
 */
import { seededRandom } from '../../src/platform/clock.js';
import type { RatingScale } from '../../src/players/index.js';
import type { RegionPlayer, RegionTeam } from '../../src/teams/index.js';
import { weighted, type Region } from './generate.js';

const LEVEL_WEIGHTS = [0.08, 0.22, 0.38, 0.22, 0.1];

export function scaleOf(step: number): RatingScale {
  return { min: 1, max: 5, step, higherIsStronger: true };
}

/**
 * The average of 1 to 4 evaluators' whole ratings of a player of this level, rounded to the step
 * (a step of 1 / units: 0.5, 0.25, 0.1), in whole numbers so no binary noise creeps in.
 */
export function averagedRating(rand: () => number, level: number, step: number): number {
  const evaluators = 1 + Math.floor(rand() * 4);
  let total = 0;
  for (let e = 0; e < evaluators; e++) {
    const off = rand() < 0.2 ? -1 : rand() < 0.25 ? 1 : 0;
    total += Math.min(5, Math.max(1, 1 + level + off));
  }
  const units = Math.round(1 / step);
  return 1 + Math.round(((total - evaluators) * units) / evaluators) / units;
}

export interface DecimalCase {
  name: string;
  step: number;
  players: RegionPlayer[];
  teams: RegionTeam[];
}

/** One co-ed division of n players and k teams with ratings averaged onto the step. */
export function decimalDivision(seed: number, n: number, k: number, step: number): DecimalCase {
  const rand = seededRandom(seed);
  const name = `D${n}-k${k}-s${step}`;
  const unratedShare = 0.15 + rand() * 0.15;
  const players: RegionPlayer[] = Array.from({ length: n }, (_, i) => ({
    id: `P${String(i + 1).padStart(4, '0')}`,
    division: name,
    gender: rand() < 0.4 ? 'F' : 'M',
    birthDate: `${2015 + Math.floor(rand() * 2)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-15`,
    rating: rand() < unratedShare ? null : averagedRating(rand, weighted(rand, LEVEL_WEIGHTS), step),
    coachChildOf: null,
    goalkeeper: rand() < 0.05,
  }));
  const teams: RegionTeam[] = Array.from({ length: k }, (_, t) => ({ division: name, teamId: `T${String(t + 1).padStart(2, '0')}`, coachId: `C${t + 1}` }));
  for (const t of teams) {
    if (rand() >= 0.75) continue;
    const kids = rand() < 0.85 ? 1 : 2;
    for (let c = 0; c < kids; c++) {
      const free = players.filter((p) => p.coachChildOf === null);
      free[Math.floor(rand() * free.length)]!.coachChildOf = t.teamId;
    }
  }
  return { name, step, players, teams };
}

/** The benchmark region with every rating replaced by an average of evaluators on the step. */
export function averagedRegion(region: Region, seed: number, step: number): Region {
  const rand = seededRandom(seed);
  const players = region.players.map((p) => (p.rating === null ? p : { ...p, rating: averagedRating(rand, p.rating - 1, step) }));
  return { ...region, players };
}

/**
 * A realistic made-up region for the team formation benchmark: 25 divisions, 375 teams, 5,000
 * players; 1 to 3 birth years per division; 10 to 45% new (unrated) players; girls in co-ed
 * divisions; a few goalkeepers; most head coaches with one child in their division, some with two
 * or three. Deterministic for a seed.
 */
import { seededRandom } from '../../src/platform/clock.js';
import type { RegionPlayer, RegionTeam } from '../../src/teams/index.js';

export interface DivisionSpec {
  name: string;
  /** Age group: players turn this age in the season year at most. */
  age: number;
  years: number;
  coed: boolean;
  gender: 'M' | 'F' | 'mixed';
  teamSize: number;
}

export interface Region {
  players: RegionPlayer[];
  teams: RegionTeam[];
  divisions: DivisionSpec[];
}

const SEASON_YEAR = 2025;
const TEAMS = 375;
const PLAYERS = 5000;
const RATING_WEIGHTS = [0.08, 0.22, 0.38, 0.22, 0.1];

function specs(): DivisionSpec[] {
  const out: DivisionSpec[] = [
    { name: '04U Coed', age: 4, years: 1, coed: true, gender: 'mixed', teamSize: 6 },
    { name: 'VIP Coed', age: 19, years: 3, coed: true, gender: 'mixed', teamSize: 8 },
    { name: 'Jr Coed', age: 12, years: 2, coed: true, gender: 'mixed', teamSize: 10 },
  ];
  const ages: Array<[number, number, number]> = [
    [5, 1, 7],
    [6, 1, 8],
    [7, 1, 9],
    [8, 1, 9],
    [9, 1, 11],
    [10, 2, 12],
    [11, 2, 13],
    [12, 2, 14],
    [14, 2, 15],
    [16, 2, 16],
    [19, 3, 17],
  ];
  for (const [age, years, teamSize] of ages) {
    for (const g of ['M', 'F'] as const) {
      const label = `${String(age).padStart(2, '0')}U ${g === 'M' ? 'Boys' : 'Girls'}`;
      out.push({ name: label, age, years, coed: false, gender: g, teamSize });
    }
  }
  return out;
}

const pick = (rand: () => number, n: number) => Math.floor(rand() * n);

/** An index drawn with the given weights (they sum to 1). */
export function weighted(rand: () => number, weights: readonly number[]): number {
  let x = rand();
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** Team counts per division adding up to 375, more teams where teams are small. */
function teamCounts(rand: () => number, divs: readonly DivisionSpec[]): number[] {
  const raw = divs.map((d) => (0.75 + rand() * 0.5) / d.teamSize);
  const total = raw.reduce((a, b) => a + b, 0);
  const counts = raw.map((x) => Math.max(4, Math.round((x / total) * TEAMS)));
  let diff = TEAMS - counts.reduce((a, b) => a + b, 0);
  while (diff !== 0) {
    const i = pick(rand, counts.length);
    if (diff < 0 && counts[i]! <= 4) continue;
    counts[i]! += Math.sign(diff);
    diff -= Math.sign(diff);
  }
  return counts;
}

/** Player counts near team count x team size, scaled to add up to 5,000. */
function playerCounts(rand: () => number, divs: readonly DivisionSpec[], teams: readonly number[]): number[] {
  const raw = divs.map((d, i) => teams[i]! * d.teamSize + pick(rand, teams[i]!));
  const total = raw.reduce((a, b) => a + b, 0);
  const counts = raw.map((x, i) => Math.max(teams[i]! * 3, Math.round((x * PLAYERS) / total)));
  let diff = PLAYERS - counts.reduce((a, b) => a + b, 0);
  while (diff !== 0) {
    const i = pick(rand, counts.length);
    counts[i]! += Math.sign(diff);
    diff -= Math.sign(diff);
  }
  return counts;
}

function birthDate(rand: () => number, d: DivisionSpec): string {
  const year = SEASON_YEAR - d.age + 1 + pick(rand, d.years);
  const month = 1 + pick(rand, 12);
  const day = 1 + pick(rand, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function divisionPlayers(rand: () => number, d: DivisionSpec, count: number, firstId: number): RegionPlayer[] {
  const unratedShare = 0.1 + rand() * 0.35;
  const keeperShare = d.age >= 9 ? 0.07 : 0.02;
  return Array.from(
    { length: count },
    (_, x): RegionPlayer => ({
      id: `P${String(firstId + x).padStart(5, '0')}`,
      division: d.name,
      gender: d.gender === 'mixed' ? (rand() < 0.4 ? 'F' : 'M') : d.gender,
      birthDate: birthDate(rand, d),
      rating: rand() < unratedShare ? null : 1 + weighted(rand, RATING_WEIGHTS),
      coachChildOf: null,
      goalkeeper: rand() < keeperShare,
    }),
  );
}

/** Most coaches have one child in the division, some two or three (twins, siblings a year apart). */
function pinCoachChildren(rand: () => number, players: RegionPlayer[], teams: readonly RegionTeam[]): void {
  for (const t of teams) {
    if (rand() >= 0.75) continue;
    const kids = weighted(rand, [0.8, 0.15, 0.05]) + 1;
    for (let c = 0; c < kids; c++) {
      const free = players.filter((p) => p.coachChildOf === null);
      free[pick(rand, free.length)]!.coachChildOf = t.teamId;
    }
  }
}

/** The benchmark region for a seed. */
export function generateRegion(seed: number): Region {
  const rand = seededRandom(seed);
  const divisions = specs();
  const teamsPer = teamCounts(rand, divisions);
  const playersPer = playerCounts(rand, divisions, teamsPer);
  const players: RegionPlayer[] = [];
  const teams: RegionTeam[] = [];
  let coach = 1;
  divisions.forEach((d, i) => {
    const ps = divisionPlayers(rand, d, playersPer[i]!, players.length + 1);
    const ts = Array.from(
      { length: teamsPer[i]! },
      (_, x): RegionTeam => ({
        division: d.name,
        teamId: `${d.name.replace(/\s+/g, '-')}-T${String(x + 1).padStart(2, '0')}`,
        coachId: `C${String(coach++).padStart(4, '0')}`,
      }),
    );
    pinCoachChildren(rand, ps, ts);
    players.push(...ps);
    teams.push(...ts);
  });
  return { players, teams, divisions };
}

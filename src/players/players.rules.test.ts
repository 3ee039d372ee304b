import { describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../region/region.testkit.js';
import { IMPORTED_RATINGS, placePlayer, programFor, ratingForFormation, ratingProblem } from './players.rules.js';

const config = defaultRegionConfig('2026-09-15');
const year = config.membershipYears[0]!;

describe('placePlayer', () => {
  it('takes the age on the membership year cut-off (31 December 2027 for MY2026) and the gender', () => {
    expect(placePlayer(config, year, '2017-12-31', 'F')).toEqual({ ok: true, division: '10U', program: 'girls' });
    expect(placePlayer(config, year, '2018-01-01', 'M')).toEqual({ ok: true, division: '10U', program: 'boys' });
    expect(placePlayer(config, year, '2019-01-01', 'M')).toEqual({ ok: true, division: '8U', program: 'boys' });
    expect(placePlayer(config, year, '2016-12-31', 'F')).toEqual({ ok: true, division: '12U', program: 'girls' });
    expect(placePlayer(config, year, '2021-06-01', 'F')).toEqual({ ok: true, division: '6U', program: 'coed' });
    expect(placePlayer(config, year, '2008-01-01', 'M')).toEqual({ ok: true, division: '19U', program: 'boys' });
  });

  it('refuses an age no division takes, saying which ages the region covers', () => {
    const r = placePlayer(config, year, '2024-01-01', 'F');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('cover ages 5 to 19') });
  });

  it('puts a player in the co-ed program when the division has no program for their gender, and nowhere when it has neither', () => {
    const d = { ...config.divisions[3]!, programs: ['girls', 'coed'] as ('girls' | 'coed')[] };
    expect(programFor(d, 'F')).toBe('girls');
    expect(programFor(d, 'M')).toBe('coed');
    expect(programFor({ ...d, programs: ['girls'] }, 'M')).toBeNull();
  });
});

describe('ratingForFormation', () => {
  const r = (seasonId: string, rating: number, ratedAt: string) => ({ seasonId, rating, ratedAt });

  it('takes the latest rating of an earlier season, never one of the season being formed or a later one', () => {
    const rows = [
      r('2026-fall', 5, '2026-12-20T00:00:00Z'),
      r('2025-fall', 2, '2025-12-01T00:00:00Z'),
      r('2026-spring', 3, '2026-06-01T00:00:00Z'),
      r('2027-spring', 1, '2027-06-01T00:00:00Z'),
      r(IMPORTED_RATINGS, 4, '2026-08-01T00:00:00Z'),
    ];
    expect(ratingForFormation(rows, '2026-fall', config)).toEqual(r('2026-spring', 3, '2026-06-01T00:00:00Z'));
    expect(ratingForFormation(rows, '2027-spring', config)).toEqual(r('2026-fall', 5, '2026-12-20T00:00:00Z'));
  });

  it('falls back on the imported rating, and answers null for a new player', () => {
    expect(ratingForFormation([r(IMPORTED_RATINGS, 4, '2026-08-01T00:00:00Z'), r('2026-fall', 2, '2026-12-01T00:00:00Z')], '2026-fall', config)?.rating).toBe(4);
    expect(ratingForFormation([], '2026-fall', config)).toBeNull();
  });
});

it('ratingProblem checks the scale and its steps', () => {
  expect(ratingProblem(3, config.ratingScale)).toBeNull();
  expect(ratingProblem(3.5, config.ratingScale)).toContain('1 to 5 in steps of 1');
  expect(ratingProblem(0, config.ratingScale)).not.toBeNull();
});

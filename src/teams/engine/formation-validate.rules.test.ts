import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import type { FormationOptions, FormationPlayer, FormationTeam, RegionPlayer, RegionTeam } from './formation.rules.js';
import { DEFAULT_RATING_SCALE, formDivision, formRegion } from './formation.rules.js';

const OPTIONS: FormationOptions = { seed: 1, scale: DEFAULT_RATING_SCALE, coed: false };

function player(id: string, over: Partial<FormationPlayer> = {}): FormationPlayer {
  return { id, gender: 'M', birthDate: '2015-04-02', rating: 3, coachChildOf: null, goalkeeper: false, ...over };
}

const players = (n: number, over: Partial<FormationPlayer> = {}) => Array.from({ length: n }, (_, i) => player(`p${i}`, over));
const teams = (k: number): FormationTeam[] => Array.from({ length: k }, (_, t) => ({ teamId: `t${t}`, coachId: `c${t}` }));

/** The AppError thrown by fn (fails the test if none is thrown). */
function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the request to be refused');
}

const messages = (e: AppError) => (e.details as { problems: Array<{ message: string }> }).problems.map((p) => p.message);

describe('formDivision refuses impossible requests with a clear reason', () => {
  it('refuses a division without teams', () => {
    const e = refusal(() => formDivision(players(4), [], OPTIONS));
    expect(e.code).toBe('FORMATION_IMPOSSIBLE');
    expect(e.message).toMatch(/no teams to form/);
  });

  it('refuses more teams than players', () => {
    const e = refusal(() => formDivision(players(2), teams(3), OPTIONS));
    expect(e.code).toBe('FORMATION_IMPOSSIBLE');
    expect(e.message).toMatch(/2 players cannot fill 3 teams/);
  });

  it("refuses more coach's children on a team than a team can hold", () => {
    const ps = players(6);
    for (const p of ps.slice(0, 4)) p.coachChildOf = 't0';
    const e = refusal(() => formDivision(ps, teams(2), OPTIONS));
    expect(e.code).toBe('FORMATION_IMPOSSIBLE');
    expect(e.message).toMatch(/Team t0 has 4 coach's children but teams of this division hold at most 3 players/);
  });

  it("accepts teams filled by coach's children up to the sizes the division allows", () => {
    const ps = players(11); // 11 players over 3 teams: sizes 4, 4, 3
    ps.slice(0, 4).forEach((p) => {
      p.coachChildOf = 't0';
    });
    ps.slice(4, 8).forEach((p) => {
      p.coachChildOf = 't1';
    });
    ps.slice(8, 11).forEach((p) => {
      p.coachChildOf = 't2';
    });
    expect(formDivision(ps, teams(3), OPTIONS).teams.map((t) => t.size)).toEqual([4, 4, 3]);
  });

  it("refuses when more teams are filled by coach's children than may have the extra player", () => {
    const ps = players(10); // 10 players over 3 teams: sizes 4, 3, 3, so only one team of 4
    ps.slice(0, 4).forEach((p) => {
      p.coachChildOf = 't0';
    });
    ps.slice(4, 8).forEach((p) => {
      p.coachChildOf = 't1';
    });
    const e = refusal(() => formDivision(ps, teams(3), OPTIONS));
    expect(e.code).toBe('FORMATION_IMPOSSIBLE');
    expect(e.message).toMatch(/2 teams are filled to 4 by coach's children alone, but only 1 team/);
  });

  it('refuses a child pinned to a team that is not in the division', () => {
    const ps = players(4);
    ps[1]!.coachChildOf = 'elsewhere';
    const e = refusal(() => formDivision(ps, teams(2), OPTIONS));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/Player p1 is a coach's child of team elsewhere, which is not a team of this division/);
  });

  it('refuses duplicate player ids and duplicate team ids', () => {
    const e = refusal(() => formDivision([...players(3), player('p1')], [...teams(2), { teamId: 't1', coachId: 'x' }], OPTIONS));
    expect(messages(e)).toEqual(expect.arrayContaining(['Player id p1 is listed twice.', 'Team id t1 is listed twice.']));
  });

  it('refuses bad genders, dates, ratings off the scale and a bad seed, listing every problem', () => {
    const ps = [player('a', { gender: 'X' as 'M' }), player('b', { birthDate: '2015-02-30' }), player('c', { rating: 6 }), player('d', { rating: 2.5 }), player('e')];
    const e = refusal(() => formDivision(ps, teams(2), { ...OPTIONS, seed: 1.5 }));
    expect(e.code).toBe('VALIDATION');
    expect(messages(e)).toEqual([
      'The seed must be a whole number, not 1.5.',
      'Player a has gender "X": use M or F.',
      'Player b has birth date "2015-02-30": use a real date written YYYY-MM-DD.',
      'Player c has rating 6, which is not on the scale 1 to 5 in steps of 1.',
      'Player d has rating 2.5, which is not on the scale 1 to 5 in steps of 1.',
    ]);
    expect(e.message).toMatch(/and 4 more problems/);
  });

  it('refuses an unusable rating scale or objective', () => {
    expect(refusal(() => formDivision(players(4), teams(2), { ...OPTIONS, scale: { ...DEFAULT_RATING_SCALE, step: 0 } })).message).toMatch(/step must be greater than 0/);
    expect(refusal(() => formDivision(players(4), teams(2), { ...OPTIONS, scale: { ...DEFAULT_RATING_SCALE, max: 4.5 } })).message).toMatch(/whole steps/);
    expect(refusal(() => formDivision(players(4), teams(2), { ...OPTIONS, objective: 'median' as 'mean' })).message).toMatch(/objective must be "mean" or "sum"/);
  });

  it('accepts a division of exactly one player per team', () => {
    const r = formDivision(players(3), teams(3), OPTIONS);
    expect(r.teams.map((t) => t.size)).toEqual([1, 1, 1]);
  });
});

describe('formRegion refuses the whole region when any division is impossible', () => {
  const rp = (id: string, division: string, over: Partial<FormationPlayer> = {}): RegionPlayer => ({ ...player(id, over), division });
  const rt = (teamId: string, division: string): RegionTeam => ({ teamId, coachId: `c-${teamId}`, division });

  it('names the division of each problem and forms nothing', () => {
    const ps = [rp('a1', 'A'), rp('a2', 'A'), rp('b1', 'B'), rp('b2', 'B', { coachChildOf: 'ta' })];
    const ts = [rt('ta', 'A'), rt('tb1', 'B'), rt('tb2', 'B'), rt('tb3', 'B'), rt('tc', 'C')];
    const e = refusal(() => formRegion(ps, ts, { seed: 3, scale: DEFAULT_RATING_SCALE }));
    expect(messages(e)).toEqual([
      "Division B: Player b2 is a coach's child of team ta, which is not a team of this division.",
      'Division B: 2 players cannot fill 3 teams: remove teams or add players.',
      'Division C: 0 players cannot fill 1 team: remove teams or add players.',
    ]);
  });

  it('refuses players without any team in their division, and ids listed in two divisions', () => {
    const ps = [rp('a1', 'A'), rp('a1', 'B'), rp('x', 'D')];
    const ts = [rt('ta', 'A'), rt('ta', 'B')];
    const e = refusal(() => formRegion(ps, ts, { seed: 3, scale: DEFAULT_RATING_SCALE }));
    expect(messages(e)).toEqual([
      'Player a1 is listed in both division A and division B.',
      'Team ta is listed in both division A and division B.',
      'Division D: There are no teams to form: add at least one team to the division.',
    ]);
  });
});

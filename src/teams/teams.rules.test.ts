import { describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../region/region.testkit.js';
import type { Program } from '../players/index.js';
import { defaultTeamCount, jerseyProblems, seedProblem, shareCoaches, teamName, type CoachPool, type HeadCoach } from './teams.rules.js';
import { applyAdjustment, balanceOf, type AdjustContext } from './formation/adjust.rules.js';
import { teamUploadRows, TEAM_UPLOAD_HEADER } from './roster/export.rules.js';
import type { FormationFigures } from './engine/formation.rules.js';

const config = defaultRegionConfig('2026-09-15');
const u10 = config.divisions.find((d) => d.code === '10U')!;
const u6 = config.divisions.find((d) => d.code === '6U')!;
const coach = (id: string, lastName: string): HeadCoach => ({ id, firstName: 'C', lastName, email: `${id}@example.org` });
const pool = (o: Partial<CoachPool> & { coaches: HeadCoach[] }): CoachPool => ({ reserved: new Map(), childPrograms: new Map(), players: {}, formed: new Set(), ...o });

describe('shareCoaches', () => {
  const coaches = ['Evans', 'Adams', 'Davis', 'Baker', 'Clark'].map((n) => coach(n[0]!.toLowerCase(), n));

  it('gives each program its default teams: coaches with a child there first, the others by name in program order', () => {
    const p = pool({
      coaches,
      players: { boys: 12, girls: 25 },
      childPrograms: new Map<string, Program[]>([
        ['e', ['girls']],
        ['d', ['boys']],
      ]),
    });
    const boys = shareCoaches(u10, 'boys', p);
    expect(boys.coaches.map((c) => c.lastName)).toEqual(['Adams', 'Davis']);
    const girls = shareCoaches(u10, 'girls', p);
    expect(girls.coaches.map((c) => c.lastName)).toEqual(['Baker', 'Clark', 'Evans']);
    expect([girls.teams, girls.bound, girls.problems]).toEqual([3, 1, []]);
  });

  it('leaves coaches already with another program alone, and says how many are missing', () => {
    const p = pool({
      coaches,
      players: { boys: 12, girls: 45 },
      reserved: new Map<string, Program>([
        ['a', 'boys'],
        ['b', 'boys'],
      ]),
      formed: new Set<Program>(['boys']),
    });
    const girls = shareCoaches(u10, 'girls', p);
    expect(girls.coaches).toHaveLength(3);
    expect(girls.problems).toEqual([
      '10U Girls needs 5 team(s) (45 players, rosters of 10) but only 3 head coach(es) of 10U are free for it (2 already coach another program). Grant the head-coach role for 10U to more volunteers, or form fewer teams.',
    ]);
    expect(shareCoaches(u10, 'girls', p, 3).problems).toEqual([]);
  });

  it('never forms fewer teams than coaches with a child in the program, and lists the coaches left over', () => {
    const p = pool({
      coaches,
      players: { coed: 10 },
      childPrograms: new Map<string, Program[]>([
        ['a', ['coed']],
        ['b', ['coed']],
        ['c', ['coed']],
      ]),
    });
    expect(shareCoaches(u6, 'coed', p).coaches.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(shareCoaches(u6, 'coed', p).unused.map((c) => c.id)).toEqual(['d', 'e']);
    expect(shareCoaches(u6, 'coed', p, 2).problems[0]).toBe("3 head coaches have a child in 6U Coed, and each coaches their child's team: form at least 3 teams.");
  });
});

it('names teams after the division, program, number and coach; sizes them from the roster size; checks seeds', () => {
  expect(teamName(u10, 'girls', 3, 'Smith')).toBe('10U Girls 3 (Smith)');
  expect(teamName(u6, 'coed', 12, "O'Brien")).toBe("6U 12 (O'Brien)");
  expect([defaultTeamCount(0, 10), defaultTeamCount(1, 10), defaultTeamCount(30, 10), defaultTeamCount(31, 10)]).toEqual([0, 1, 3, 4]);
  expect([seedProblem(0), seedProblem(2147483647)]).toEqual([null, null]);
  expect(seedProblem(-1)).not.toBeNull();
  expect(seedProblem(1.5)).not.toBeNull();
});

it('jerseyProblems lists every bad number and every number given twice', () => {
  const current = new Map([
    ['p1', { name: 'Ana', jersey: 7 }],
    ['p2', { name: 'Ben', jersey: null }],
    ['p3', { name: 'Cy', jersey: 9 }],
  ]);
  expect(
    jerseyProblems(current, [
      { playerId: 'p2', jersey: 9 },
      { playerId: 'p3', jersey: 7 },
    ]).problems,
  ).toEqual(['Number 7 is given to Ana and Cy; every player needs a different number.']);
  expect(
    jerseyProblems(current, [
      { playerId: 'p1', jersey: 9 },
      { playerId: 'p3', jersey: 7 },
    ]).problems,
  ).toEqual([]);
  expect(
    jerseyProblems(current, [
      { playerId: 'p2', jersey: 100 },
      { playerId: 'zz', jersey: 1 },
    ]).problems,
  ).toEqual(['Ben: a jersey number is a whole number from 0 to 99.', 'Player zz is not on this team.']);
});

describe('moves and swaps', () => {
  const player = (id: string, coachChildOf: string | null = null) => ({
    id,
    name: id.toUpperCase(),
    gender: 'F' as const,
    birthDate: '2017-01-01',
    rating: 3,
    coachChildOf,
    goalkeeper: false,
  });
  const ctx: AdjustContext = {
    teamOf: new Map([
      ['a', 't1'],
      ['b', 't1'],
      ['c', 't2'],
    ]),
    players: new Map([
      ['a', player('a', 't1')],
      ['b', player('b')],
      ['c', player('c')],
      ['d', player('d')],
    ]),
    teams: new Map([
      ['t1', { name: 'One' }],
      ['t2', { name: 'Two' }],
    ]),
  };

  it('moves and swaps players, placing a player without a team with a move', () => {
    expect(applyAdjustment(ctx, { kind: 'move', playerId: 'b', toTeamId: 't2' })).toEqual({
      assignments: [
        { playerId: 'a', teamId: 't1' },
        { playerId: 'b', teamId: 't2' },
        { playerId: 'c', teamId: 't2' },
      ],
      description: 'Move B from One to Two',
      touched: ['t1', 't2'],
    });
    expect(applyAdjustment(ctx, { kind: 'move', playerId: 'd', toTeamId: 't1' })).toMatchObject({ description: 'Move D from no team to One', touched: ['t1'] });
    expect(applyAdjustment(ctx, { kind: 'swap', playerId: 'b', otherPlayerId: 'c' })).toMatchObject({ description: 'Swap B (One) with C (Two)', touched: ['t1', 't2'] });
  });

  it("refuses to take a coach's child off the parent's team, and other impossible changes", () => {
    expect(applyAdjustment(ctx, { kind: 'move', playerId: 'a', toTeamId: 't2' })).toEqual({
      problems: ["A is the child of One's head coach and plays on that team (the one exception to the draw)."],
    });
    expect(applyAdjustment(ctx, { kind: 'swap', playerId: 'a', otherPlayerId: 'c' })).toHaveProperty('problems');
    expect(applyAdjustment(ctx, { kind: 'move', playerId: 'b', toTeamId: 't1' })).toEqual({ problems: ['B is already on One.'] });
    expect(applyAdjustment(ctx, { kind: 'swap', playerId: 'b', otherPlayerId: 'a' })).toEqual({ problems: ['B and A are on the same team.'] });
    expect(applyAdjustment(ctx, { kind: 'swap', playerId: 'b', otherPlayerId: 'd' })).toHaveProperty('problems');
    expect(applyAdjustment(ctx, { kind: 'move', playerId: 'zz', toTeamId: 't1' })).toHaveProperty('problems');
  });

  it('measures the spread from the teams themselves once sizes differ by more than one', () => {
    const team = (teamId: string, size: number, ratingMean: number) => ({
      teamId,
      coachId: 'c',
      size,
      ratingSum: size * ratingMean,
      ratingMean,
      girls: 0,
      unrated: 0,
      keepers: 0,
      birthYears: {},
    });
    const f: FormationFigures = {
      teams: [team('t1', 10, 3.2), team('t2', 8, 2.5)],
      objective: 'mean',
      unratedCountsAs: 3,
      spread: 99,
      lowerBound: 0.1,
      reachesBound: false,
      meanStdDev: 0,
      counts: { girls: 0, unrated: 0, keepers: 0, birthYears: {} },
      countsEven: true,
    };
    expect(balanceOf(f)).toMatchObject({ spread: 0.7, sizeSpread: 2, reachesBound: false });
    expect(balanceOf({ ...f, teams: [team('t1', 9, 3), team('t2', 9, 3)], spread: 0, lowerBound: 0, reachesBound: true })).toMatchObject({
      spread: 0,
      reachesBound: true,
      sizeSpread: 0,
    });
  });
});

it('writes one upload row per staff member and per player, seven columns each, with the association ids or MISSING', () => {
  const rows = teamUploadRows([
    {
      name: '10U Girls 1 (Lee)',
      staff: [
        { personId: 'p-1', associationId: '1234567', role: 'head-coach', firstName: 'Ann', lastName: 'Lee' },
        { personId: 'p-2', associationId: null, role: 'assistant-coach', firstName: 'Bo', lastName: 'Ray' },
      ],
      players: [
        { externalId: '318', firstName: 'Zoe', lastName: 'Young' },
        { externalId: null, firstName: 'Amy', lastName: 'Adams' },
      ],
    },
  ]);
  expect(TEAM_UPLOAD_HEADER).toHaveLength(7);
  expect(rows).toEqual([
    ['10U Girls 1 (Lee)', '', '1234567', '1', '', 'Ann Lee', 'Head Coach'],
    ['10U Girls 1 (Lee)', '', 'MISSING', '2', '', 'Bo Ray', 'Assistant Coach'],
    ['10U Girls 1 (Lee)', 'MISSING', '', '', 'Amy Adams', '', ''],
    ['10U Girls 1 (Lee)', '318', '', '', 'Zoe Young', '', ''],
  ]);
});

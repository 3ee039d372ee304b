import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../platform/csv.js';
import { COVERAGE_HEADER, coverage, coverageRows, missingOf, type StaffMember } from './coverage.rules.js';

const staff = (teamId: string, division: string, personId: string, role = 'head-coach'): StaffMember => ({ teamId, teamName: `${division} Team ${teamId}`, division, personId, name: `Coach ${personId}`, role });

describe('missingOf', () => {
  it.each([
    [0, 0, 'both'],
    [1, 0, 'game'],
    [0, 2, 'practice'],
    [1, 1, 'none'],
    [3, 2, 'none'],
  ] as const)('practice %i, game %i: missing %s', (p, g, expected) => {
    expect(missingOf(p, g)).toBe(expected);
  });
});

describe('coverage', () => {
  const people = [staff('a', '10U', 'p1'), staff('a', '10U', 'p2', 'assistant-coach'), staff('b', '10U', 'p3'), staff('c', '8U', 'p4'), staff('d', '8U', 'p1')];
  const facts = [
    { coachId: 'p1', kind: 'practice' },
    { coachId: 'p1', kind: 'game' },
    { coachId: 'p2', kind: 'practice' },
    { coachId: 'p4', kind: 'game' },
    { coachId: 'p4', kind: 'game' },
    { coachId: 'nobody-on-staff', kind: 'practice' },
  ];

  it('groups by division in the region order, then team, head coach first', () => {
    const t = coverage(people, facts, ['8U', '10U']);
    expect(t.map((d) => d.division)).toEqual(['8U', '10U']);
    expect(t[1]!.teams.map((x) => x.teamId)).toEqual(['a', 'b']);
    expect(t[1]!.teams[0]!.coaches.map((c) => [c.personId, c.missing])).toEqual([
      ['p1', 'none'],
      ['p2', 'game'],
    ]);
    expect(t[1]!.teams[1]!.coaches[0]!.missing).toBe('both');
    expect(t[0]!.teams.find((x) => x.teamId === 'c')!.coaches[0]).toMatchObject({ personId: 'p4', practice: 0, game: 2, missing: 'practice' });
  });

  it('counts an assessment for the coach whatever team it was made at', () => {
    const t = coverage(people, facts, ['8U', '10U']);
    expect(t[0]!.teams.find((x) => x.teamId === 'd')!.coaches[0]!.missing).toBe('none');
  });

  it('counts coaches missing something per division, each person once', () => {
    const t = coverage([...people, staff('b', '10U', 'p2', 'assistant-coach')], facts, ['8U', '10U']);
    expect(t[1]).toMatchObject({ coaches: 3, coachesMissing: 2 });
    expect(t[0]).toMatchObject({ coaches: 2, coachesMissing: 1 });
  });

  it('with onlyMissing drops covered coaches, then empty teams and divisions', () => {
    const t = coverage(people.concat(staff('e', '6U', 'p1')), facts, ['6U', '8U', '10U'], true);
    expect(t.map((d) => d.division)).toEqual(['8U', '10U']);
    expect(t[0]!.teams.map((x) => x.teamId)).toEqual(['c']);
    expect(t[1]!.teams.flatMap((x) => x.coaches.map((c) => c.personId))).toEqual(['p2', 'p3']);
  });

  it('puts unknown divisions last and sorts team names by number', () => {
    const t = coverage([staff('x', 'ZZ', 'q1'), { ...staff('y', '8U', 'q2'), teamName: 'Team 10' }, { ...staff('z', '8U', 'q3'), teamName: 'Team 9' }], [], ['8U']);
    expect(t.map((d) => d.division)).toEqual(['8U', 'ZZ']);
    expect(t[0]!.teams.map((x) => x.teamName)).toEqual(['Team 9', 'Team 10']);
  });

  it('is empty without staff', () => {
    expect(coverage([], facts, ['8U'])).toEqual([]);
  });

  it('exports one CSV row per coach and team, formula-protected', () => {
    const rows = coverageRows(coverage([{ ...staff('a', '8U', 'p9'), name: '=HYPERLINK("x")' }], [], ['8U']));
    expect(rows).toEqual([['8U', '8U Team a', '=HYPERLINK("x")', 'head-coach', 0, 0, 'Needs a practice and a game assessment']]);
    const csv = writeCsv(COVERAGE_HEADER, rows);
    expect(csv.split('\r\n')[0]).toBe('Division,Team,Coach,Role,Practice assessments,Game assessments,Status');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

import { describe, expect, it } from 'vitest';
import { formatAssignmentsCsv, parsePlayersCsv, parseTeamsCsv } from './formation.csv.js';
import type { RegionTeam } from './formation.rules.js';
import { DEFAULT_RATING_SCALE, formRegion } from './formation.rules.js';

const HEADER = 'player_id,division,gender,birth_date,rating,coach_child_of,goalkeeper';
const TEAMS: RegionTeam[] = [
  { division: '10U Girls', teamId: 'G1', coachId: 'c1' },
  { division: '10U Girls', teamId: 'G2', coachId: 'c2' },
  { division: '10U Boys', teamId: 'B1', coachId: 'c3' },
];

describe('parsePlayersCsv', () => {
  it('reads a good file into players (empty rating = new player, Y = goalkeeper)', () => {
    const text = `\uFEFF${HEADER}\r\nP1,10U Girls,F,2016-03-04,4,G1,Y\r\nP2,10U Girls,f,2016-11-30,,,\r\nP3,10U Boys,M,2015-01-01,2.0,,N\r\n`;
    const r = parsePlayersCsv(text, DEFAULT_RATING_SCALE, TEAMS);
    expect(r).toEqual({
      ok: true,
      players: [
        { id: 'P1', division: '10U Girls', gender: 'F', birthDate: '2016-03-04', rating: 4, coachChildOf: 'G1', goalkeeper: true },
        { id: 'P2', division: '10U Girls', gender: 'F', birthDate: '2016-11-30', rating: null, coachChildOf: null, goalkeeper: false },
        { id: 'P3', division: '10U Boys', gender: 'M', birthDate: '2015-01-01', rating: 2, coachChildOf: null, goalkeeper: false },
      ],
    });
  });

  it('finds the columns in any order', () => {
    const r = parsePlayersCsv('goalkeeper,rating,player_id,gender,coach_child_of,birth_date,division\nY,3,P9,M,,2015-06-07,10U Boys\n', DEFAULT_RATING_SCALE);
    expect(r.ok && r.players[0]).toMatchObject({ id: 'P9', rating: 3, goalkeeper: true, division: '10U Boys' });
  });

  it('refuses the whole file, listing each bad line by its file line number', () => {
    const lines = [
      HEADER,
      'P1,10U Girls,F,2016-03-04,4,G1,Y', // line 2: fine
      'P2,10U Girls,X,2016-03-04,4,,', // 3: gender
      '', // 4: blank, skipped but counted
      'P3,10U Girls,F,03/04/2016,4,,', // 5: date format
      'P4,10U Girls,F,2016-02-30,6,,', // 6: impossible date and rating off the scale
      'P5,10U Girls,F,2016-01-01,abc,,', // 7: rating not a number
      'P1,10U Girls,F,2016-01-01,3,,', // 8: duplicate id
      'P6,10U Girls,F,2016-01-01,3,,yes', // 9: goalkeeper
      'P7,10U Girls,F,2016-01-01,3,G9,', // 10: unknown team
      'P8,10U Girls,F,2016-01-01,3,B1,', // 11: team of another division
      ',,F,2016-01-01,3,,', // 12: empty id and division
    ];
    const r = parsePlayersCsv(lines.join('\n'), DEFAULT_RATING_SCALE, TEAMS);
    expect(r).toEqual({
      ok: false,
      errors: [
        { row: 3, message: 'gender "X" must be M or F.' },
        { row: 5, message: 'birth_date "03/04/2016" must be a real date written YYYY-MM-DD.' },
        { row: 6, message: 'birth_date "2016-02-30" must be a real date written YYYY-MM-DD.' },
        { row: 6, message: 'rating 6 is off the scale (1 to 5 in steps of 1).' },
        { row: 7, message: 'rating "abc" is not a number; leave it empty for a new player.' },
        { row: 8, message: 'player_id P1 is already on line 2.' },
        { row: 9, message: 'goalkeeper "yes" must be Y or empty.' },
        { row: 10, message: 'coach_child_of "G9" is not a team_id of the teams file.' },
        { row: 11, message: 'coach_child_of team B1 is in division 10U Boys, not 10U Girls.' },
        { row: 12, message: 'player_id is empty.' },
        { row: 12, message: 'division is empty.' },
      ],
    });
  });

  it('checks ratings against the region scale, including steps', () => {
    const scale = { min: 0, max: 10, step: 0.5, higherIsStronger: true };
    const r = parsePlayersCsv(`${HEADER}\nP1,A,M,2015-01-01,7.5,,\nP2,A,M,2015-01-01,7.25,,\n`, scale);
    expect(r).toEqual({ ok: false, errors: [{ row: 3, message: 'rating 7.25 is off the scale (0 to 10 in steps of 0.5).' }] });
  });

  it('refuses a file with missing columns on line 1', () => {
    const r = parsePlayersCsv('player_id,division,gender,birth_date\nP1,A,M,2015-01-01\n', DEFAULT_RATING_SCALE);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      { row: 1, message: 'Missing required columns: rating, coach_child_of, goalkeeper. Columns found: player_id, division, gender, birth_date.' },
    ]);
  });

  it('refuses a line with more cells than the header', () => {
    const r = parsePlayersCsv(`${HEADER}\nP1,A,M,2015-01-01,3,,,extra\n`, DEFAULT_RATING_SCALE);
    expect(!r.ok && r.errors.map((e) => e.row)).toEqual([2]);
  });

  it('refuses an empty file', () => {
    expect(parsePlayersCsv('', DEFAULT_RATING_SCALE)).toEqual({ ok: false, errors: [{ row: 1, message: 'The file is empty: it has no header line.' }] });
  });
});

describe('parseTeamsCsv', () => {
  it('reads one team per line', () => {
    expect(parseTeamsCsv('division,team_id,coach_id\r\n10U Girls,G1,c1\r\n10U Boys,B1,c3\r\n')).toEqual({
      ok: true,
      teams: [
        { division: '10U Girls', teamId: 'G1', coachId: 'c1' },
        { division: '10U Boys', teamId: 'B1', coachId: 'c3' },
      ],
    });
  });

  it('refuses duplicate team ids and empty cells with their line numbers', () => {
    const r = parseTeamsCsv('division,team_id,coach_id\nA,T1,c1\nA,T1,c2\n,T2,c3\nA,T3,\n');
    expect(r).toEqual({
      ok: false,
      errors: [
        { row: 3, message: 'team_id T1 is already on line 2.' },
        { row: 4, message: 'division is empty.' },
        { row: 5, message: 'coach_id is empty: every team to form needs its head coach.' },
      ],
    });
  });

  it('refuses a file without the team_id column', () => {
    const r = parseTeamsCsv('division,team,coach_id\nA,T1,c1\n');
    expect(!r.ok && r.errors[0]!.row).toBe(1);
    expect(!r.ok && r.errors[0]!.message).toMatch(/Missing required column: team_id/);
  });
});

describe('formatAssignmentsCsv', () => {
  it('writes player_id,team_id lines in the order given', () => {
    expect(
      formatAssignmentsCsv([
        { playerId: 'P2', teamId: 'G1' },
        { playerId: 'P1, Jr', teamId: 'G2' },
      ]),
    ).toBe('player_id,team_id\r\nP2,G1\r\n"P1, Jr",G2\r\n');
  });

  it('round-trips with the parsers and the engine: every player assigned once', () => {
    const teamsText = 'division,team_id,coach_id\nA,T1,c1\nA,T2,c2\nB,T3,c3\nB,T4,c4\n';
    const row = (i: number) =>
      [`P${i}`, i < 10 ? 'A' : 'B', i % 2 ? 'F' : 'M', `2015-0${1 + (i % 9)}-01`, i % 4 === 0 ? '' : 1 + (i % 5), i === 3 ? 'T2' : '', i % 7 === 0 ? 'Y' : ''].join(',');
    const rows = Array.from({ length: 20 }, (_, i) => row(i));
    const teams = parseTeamsCsv(teamsText);
    if (!teams.ok) throw new Error('teams file should be fine');
    const players = parsePlayersCsv([HEADER, ...rows].join('\n'), DEFAULT_RATING_SCALE, teams.teams);
    if (!players.ok) throw new Error(JSON.stringify(players.errors));
    const result = formRegion(players.players, teams.teams, { seed: 42, scale: DEFAULT_RATING_SCALE });
    const out = formatAssignmentsCsv(result.assignments).trim().split('\r\n');
    expect(out[0]).toBe('player_id,team_id');
    expect(
      out
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(rows.map((r) => r.split(',')[0]).sort());
    expect(out).toContain('P3,T2');
  });
});

import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../platform/csv.js';
import { gameProblems, parseTime, readSchedule, resolveTeam, type ScheduleContext } from './schedule.rules.js';
import { roundRobin } from '../gamecards.demo.js';

const teams = [
  { id: 't1', name: 'Comets', division: '10U', program: 'girls', number: 1 },
  { id: 't2', name: 'Rockets', division: '10U', program: 'girls', number: 2 },
  { id: 't3', name: 'Stars', division: '10U', program: 'boys', number: 1 },
  { id: 't4', name: 'Stars', division: '12U', program: 'boys', number: 1 },
  { id: 't5', name: 'Hawks', division: '12U', program: 'boys', number: 2 },
];
const ctx: ScheduleContext = {
  teams,
  fields: [
    { id: 'brett', name: 'Brett' },
    { id: 'campus-el-segundo', name: 'Campus El Segundo' },
  ],
  season: { id: '2026-fall', name: 'Fall 2026', startDate: '2026-08-01', endDate: '2026-12-31' },
  existing: [{ id: 'g0', date: '2026-09-12', time: '09:00', fieldId: 'brett', homeTeamId: 't1', awayTeamId: 't2' }],
};

describe('parseTime', () => {
  it.each([
    ['9:30', '09:30'],
    ['09:05', '09:05'],
    ['14:00', '14:00'],
    ['2:30 PM', '14:30'],
    ['12:00 am', '00:00'],
    ['12:15pm', '12:15'],
    ['9 AM', '09:00'],
    ['11:00 a.m.', '11:00'],
  ])('reads %s as %s', (text, time) => expect(parseTime(text)).toEqual({ ok: true, value: time }));
  it.each(['25:00', '9', '9:60', '13:00 PM', 'noon', ''])('refuses %s', (text) => expect(parseTime(text).ok).toBe(false));
});

describe('resolveTeam', () => {
  it('finds a team by id or by name, asking for the division or an id when a name is shared', () => {
    expect(resolveTeam(teams, ' comets ')).toMatchObject({ ok: true, value: { id: 't1' } });
    expect(resolveTeam(teams, 't4')).toMatchObject({ ok: true, value: { id: 't4' } });
    expect(resolveTeam(teams, 'Stars', '12U')).toMatchObject({ ok: true, value: { id: 't4' } });
    const shared = resolveTeam(teams, 'Stars');
    expect(shared.ok).toBe(false);
    expect(!shared.ok && shared.message).toContain('write the team id instead');
  });
});

describe('gameProblems', () => {
  it('accepts a game of two teams of one division and program inside the season', () => {
    expect(gameProblems({ date: '2026-09-19', time: '09:00', fieldId: 'brett', homeTeamId: 't1', awayTeamId: 't2' }, ctx)).toEqual([]);
  });
  it('names each problem', () => {
    expect(gameProblems({ date: '2027-01-09', time: '09:00', fieldId: 'brett', homeTeamId: 't1', awayTeamId: 't3' }, ctx)).toEqual([
      'Comets (10U girls) and Stars (10U boys) are not in the same division and program',
      '2027-01-09 is outside Fall 2026 (2026-08-01 to 2026-12-31)',
    ]);
    expect(gameProblems({ date: '2026-09-12', time: '15:00', fieldId: 'brett', homeTeamId: 't2', awayTeamId: 't1' }, ctx)).toEqual([
      'Rockets already plays on 2026-09-12',
      'Comets already plays on 2026-09-12',
    ]);
  });
});

describe('readSchedule', () => {
  const read = (text: string) => {
    const t = readCsvTable(text);
    if (!t.ok) throw new Error('unreadable');
    return readSchedule(t.table, ctx);
  };

  it('reads every row into games with ids, 24-hour times and ISO dates', () => {
    const r = read('Date,Kickoff,Location,Home Team,Away Team,Division\n9/19/2026,9:00 AM,campus el segundo,Stars,Hawks,12U\n2026-09-26,13:30,Brett,t2,Comets,\n');
    expect(r).toEqual({
      ok: true,
      games: [
        { date: '2026-09-19', time: '09:00', fieldId: 'campus-el-segundo', homeTeamId: 't4', awayTeamId: 't5' },
        { date: '2026-09-26', time: '13:30', fieldId: 'brett', homeTeamId: 't2', awayTeamId: 't1' },
      ],
    });
  });

  it('refuses the whole file, listing every bad row with its file line and every reason', () => {
    const r = read(
      'date,time,field,home,away\n2026-09-19,9:00,Brett,Comets,Rockets\n2/30/2026,9:00,Moon,Comets,Rockets\n2026-09-19,10:00,Brett,Rockets,Comets\n2026-09-20,10:00,Brett,Stars,Hawks\n',
    );
    expect(r.ok).toBe(false);
    const errors = !r.ok ? r.errors : [];
    expect(errors.map((e) => e.row)).toEqual([3, 4, 5]);
    expect(errors[0]!.message).toBe(
      'Row 3: date: "2/30/2026" is not a real date: February 2026 has 28 days; field: there is no field "Moon"; use one of: Brett, Campus El Segundo.',
    );
    expect(errors[1]!.message).toBe('Row 4: Rockets already plays on 2026-09-19; Comets already plays on 2026-09-19.');
    expect(errors[2]!.message).toContain('write the team id instead');
  });

  it('names missing columns and refuses a file with no games', () => {
    const missing = read('date,time,home\n');
    expect(!missing.ok && missing.errors[0]!.message).toBe('Missing required columns: field, away. Columns found: date, time, home.');
    const empty = read('date,time,field,home,away\n');
    expect(!empty.ok && empty.errors[0]!.message).toBe('The file has a header but no games.');
  });
});

describe('roundRobin (demo schedule)', () => {
  it('pairs every team once per round, never twice against the same team in n-1 rounds', () => {
    const rounds = roundRobin(['a', 'b', 'c', 'd', 'e'], 8);
    expect(rounds).toHaveLength(5);
    const seen = new Set<string>();
    for (const r of rounds) {
      const inRound = r.flat();
      expect(new Set(inRound).size).toBe(inRound.length);
      for (const [x, y] of r) {
        const key = [x, y].sort().join();
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    expect(seen.size).toBe(10);
  });
});

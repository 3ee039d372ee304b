import { describe, expect, it } from 'vitest';
import type { PlayerLine } from '../../players/index.js';
import { formRegion } from '../engine/formation.rules.js';
import { parsePlayersCsv, parseTeamsCsv } from '../engine/formation.csv.js';
import { compareAssignments } from '../verify.rules.js';
import { assignmentsFile, drawFiles, drawFromFiles, playerKeys, publicFigures, verifyCommand } from './draw.rules.js';

const SCALE = { min: 1, max: 5, step: 1, higherIsStronger: true };

let n = 0;
function line(o: Partial<PlayerLine> & { rating?: number | null; parent?: string } = {}): PlayerLine {
  n++;
  const { rating, parent, ...rest } = o;
  return {
    id: `db-${(n * 7919) % 1000}-${n}`,
    externalId: `A${1000 + n}`,
    firstName: `Kid${n}`,
    lastName: 'Player',
    birthDate: n % 2 ? '2017-03-01' : '2016-11-20',
    gender: n % 3 ? 'M' : 'F',
    division: '10U',
    program: 'coed',
    goalkeeper: n % 7 === 0,
    movedReason: null,
    rating: rating === null ? null : { seasonId: '2026-spring', rating: rating ?? 1 + (n % 5), ratedAt: '2026-05-01T00:00:00.000Z' },
    guardians: parent ? [{ personId: parent, firstName: 'P', lastName: 'Q', email: null, phone: null, isPrimary: true }] : [],
    team: null,
    ...rest,
  };
}

const TEAMS = [
  { key: '1', coachId: 'coach-db-a', coachKey: 'a@example.org' },
  { key: '2', coachId: 'coach-db-b', coachKey: 'b@example.org' },
];

describe('the draw files', () => {
  it('keys players by the association id, else by name and birth date, told apart when they share one', () => {
    const twins = [
      line({ externalId: null, firstName: 'Sam', lastName: 'Lee', birthDate: '2017-01-02', gender: 'F' }),
      line({ externalId: null, firstName: 'Sam', lastName: 'Lee', birthDate: '2017-01-02', gender: 'M' }),
    ];
    const lines = [line({ externalId: ' 31800000 ' }), line({ externalId: null, firstName: 'Ana', lastName: 'Ruiz', birthDate: '2016-05-06' }), ...twins];
    const keys = playerKeys(lines, () => null);
    expect([...keys.values()]).toEqual(['31800000', 'Ruiz, Ana 2016-05-06', 'Lee, Sam 2017-01-02 #1', 'Lee, Sam 2017-01-02 #2']);
    // Told apart by what the draw sees (gender here), not by database ids or the order given.
    expect(playerKeys([...lines].reverse(), () => null)).toEqual(keys);
    expect(keys.get(twins[0]!.id)).toBe('Lee, Sam 2017-01-02 #1');
  });

  it('writes P.csv and T.csv in one order whatever the order given, and the offline readers read them back', () => {
    const lines = Array.from({ length: 12 }, (_, i) => line({ parent: i === 4 ? 'coach-db-b' : undefined, rating: i === 3 ? null : undefined }));
    const a = drawFiles(lines, TEAMS, '10U-coed', SCALE);
    const b = drawFiles([...lines].reverse(), [...TEAMS].reverse(), '10U-coed', SCALE);
    expect(b.players).toBe(a.players);
    expect(b.teams).toBe(a.teams);
    expect(b.digest).toBe(a.digest);
    expect(a.teams).toBe('division,team_id,coach_id\r\n10U-coed,1,a@example.org\r\n10U-coed,2,b@example.org\r\n');
    const child = lines[4]!;
    expect(a.players).toContain(`\r\n${child.externalId},10U-coed,${child.gender},${child.birthDate},${child.rating!.rating},2,${child.goalkeeper ? 'Y' : ''}\r\n`);
    expect(a.players).toContain(`\r\n${lines[3]!.externalId},10U-coed,${lines[3]!.gender},${lines[3]!.birthDate},,,`);
    const readTeams = parseTeamsCsv(a.teams);
    expect(readTeams.ok && parsePlayersCsv(a.players, SCALE, readTeams.teams).ok).toBe(true);
    expect(a.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('draws exactly what the offline command draws from the same files, mapped back to the database ids', () => {
    const lines = [...Array.from({ length: 15 }, () => line()), line({ externalId: '-7', parent: 'coach-db-a' }), line({ externalId: null, firstName: '=Bo', lastName: '@Lee' })];
    const files = drawFiles(lines, TEAMS, '10U-coed', SCALE);
    const drawn = drawFromFiles(files, TEAMS, { seed: 42, objective: 'mean', scale: SCALE });
    const teams = parseTeamsCsv(files.teams);
    const players = teams.ok ? parsePlayersCsv(files.players, SCALE, teams.teams) : teams;
    if (!teams.ok || !players.ok) throw new Error('unreadable');
    const offline = formRegion(players.players, teams.teams, { seed: 42, objective: 'mean', scale: SCALE });
    expect(compareAssignments(offline.assignments, drawn.result.assignments).identical).toBe(true);
    expect(new Set(drawn.assignments.map((a) => a.playerId))).toEqual(new Set(lines.map((l) => l.id)));
    expect(drawn.assignments.find((a) => a.playerId === lines[15]!.id)?.teamId).toBe('1');
    expect(drawn.result.teams.map((t) => t.coachId)).toEqual(['coach-db-a', 'coach-db-b']);
    // A.csv uses the files' ids, as the offline command writes them (a formula-like id is defused the same way).
    const a = assignmentsFile(files, drawn.assignments);
    expect(a.split('\r\n')[0]).toBe('player_id,team_id');
    expect(a).toContain("'-7,1");
    expect(a).not.toContain('db-');
    const figures = publicFigures(drawn.result, drawn.result.provenOptimal, lines.length);
    expect(JSON.stringify(figures)).not.toMatch(/coach-db|@example/);
    expect(figures.teams.map((t) => t.number)).toEqual([1, 2]);
  });

  it('names the verify command with the options that differ from the defaults', () => {
    expect(verifyCommand({ seed: 7, objective: 'mean', scale: SCALE })).toBe('touchline teams verify --players P.csv --teams T.csv --seed 7 --assign A.csv');
    expect(verifyCommand({ seed: 7, objective: 'sum', scale: { ...SCALE, step: 0.5 } })).toBe(
      'touchline teams verify --players P.csv --teams T.csv --seed 7 --assign A.csv --objective sum --scale 1:5:0.5',
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../../region/index.js';
import { parseDivision, parseVolunteerExport, roleFromExport, seasonOfLine, type VolunteerExport } from './volunteer-export.rules.js';

const config = defaultRegionConfig('2026-09-15');
const sample = readFileSync(new URL('./fixtures/volunteers-export.csv', import.meta.url));
const HEADER =
  'AYSO Volunteer ID,Volunteer First Name,Volunteer Last Name,Volunteer Email,Volunteer Cellphone,Volunteer Date Of Birth,Volunteer Role:(44102),Division Name,Team Name,Program Name,Application Date';
const line = (over: Partial<Record<'id' | 'first' | 'email' | 'birth' | 'role' | 'division' | 'program' | 'applied', string>> = {}) =>
  [
    over.id ?? '90200001',
    over.first ?? 'Ana',
    'Núñez',
    over.email ?? 'ana@example.org',
    '310-555-0000',
    over.birth ?? '04/09/1985',
    over.role ?? 'Head Coach',
    over.division ?? '10U Boys',
    'Team 1',
    over.program ?? 'Fall 2026 Core',
    over.applied ?? '08/10/2026',
  ].join(',');
const file = (...lines: string[]) => [HEADER, ...lines].join('\r\n');

function ok(r: VolunteerExport) {
  if (!r.ok) throw new Error(`refused: ${r.message}`);
  return r;
}

describe('the sample export', () => {
  const r = ok(parseVolunteerExport(sample, config));

  it('reads every line, BOM and question id in the header included', () => {
    expect(r.lines).toBe(50);
    expect(r.rows.length + r.skipped.length).toBe(50);
    const first = r.rows[0]!;
    expect(first).toMatchObject({
      row: 2,
      volunteerId: '90100000',
      firstName: 'Maya',
      lastName: 'Ward',
      birthDate: '2013-08-25',
      role: 'youth-volunteer',
      division: '6U',
      program: 'girls',
    });
    expect(first.seasonId).toBe('2026-fall');
    expect(first.applicationDate).toBe('2026-08-13');
  });

  it('reports the roles the product does not have, with their lines', () => {
    const parents = r.skipped.filter((s) => s.message.includes('"Team Parent"'));
    expect(parents.map((s) => s.row)).toContain(5);
    expect(parents.length).toBeGreaterThan(0);
    expect(r.skipped.every((s) => s.message.includes('Team Parent'))).toBe(true);
  });

  it('keeps accents and trims trailing spaces', () => {
    expect(r.rows.find((x) => x.volunteerId === '90100004')).toMatchObject({ lastName: 'López', email: 'emma.lópez.4@example.org' });
    expect(r.rows.find((x) => x.volunteerId === '90100018')!.firstName).toBe('Hiro');
  });
});

describe('files refused whole', () => {
  it('names the missing columns', () => {
    const r = parseVolunteerExport('Volunteer First Name,Volunteer Last Name,Division Name\r\nAna,Núñez,10U Boys\r\n', config);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.missingColumns).toEqual(['AYSO Volunteer ID', 'Volunteer Date Of Birth', 'Volunteer Role', 'Program Name or Application Date (or choose the season)']);
    expect(r.message).toContain('Columns found: Volunteer First Name, Volunteer Last Name, Division Name');
  });

  it('does not ask for the season columns when the season is chosen', () => {
    const r = parseVolunteerExport('AYSO Volunteer ID,First Name,Last Name,DOB,Role,Division\r\n1,Ana,Núñez,04/09/1985,Head Coach,10U Boys\r\n', config, { season: '2026-fall' });
    expect(ok(r).rows[0]).toMatchObject({ seasonId: '2026-fall', role: 'head-coach', division: '10U' });
  });

  it('refuses an empty file, naming the columns it needs', () => {
    const r = parseVolunteerExport('', config);
    expect(r).toMatchObject({
      ok: false,
      missingColumns: ['AYSO Volunteer ID', 'Volunteer First Name', 'Volunteer Last Name', 'Volunteer Date Of Birth', 'Volunteer Role', 'Division Name'],
    });
  });

  it('refuses a file with a delimiter it does not read (the header is one cell)', () => {
    const r = parseVolunteerExport(file(line()).replace(/,/g, '|'), config);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.missingColumns).toContain('Volunteer Role');
  });
});

describe('encodings and delimiters', () => {
  it('reads tab-separated files', () => {
    const r = ok(parseVolunteerExport(file(line()).replace(/,/g, '\t'), config));
    expect(r.rows[0]).toMatchObject({ lastName: 'Núñez', division: '10U' });
  });

  it('reads Latin-1 bytes', () => {
    const r = ok(parseVolunteerExport(Buffer.from(file(line()), 'latin1'), config));
    expect(r.rows[0]!.lastName).toBe('Núñez');
  });

  it('reads UTF-8 with a byte-order mark', () => {
    const r = ok(parseVolunteerExport(Buffer.from(`\uFEFF${file(line())}`, 'utf8'), config));
    expect(r.rows[0]!.volunteerId).toBe('90200001');
  });
});

describe('lines that cannot be used', () => {
  it('lists each with its line number and reason', () => {
    const r = ok(
      parseVolunteerExport(
        file(
          line({ id: '1', role: 'Team Parent' }),
          line({ id: '2', birth: '02/30/1985' }),
          line({ id: '3', division: '11U Boys' }),
          line({ id: '4', division: 'Seniors' }),
          line({ id: '5', program: 'Summer Camp', applied: '' }),
          line({ id: '6', email: 'not-an-email' }),
          line({ id: '7' }),
          line({ id: '7' }),
          line({ id: '7', role: 'Assistant Coach', birth: '04/10/1985' }),
        ),
        config,
      ),
    );
    const reasons = Object.fromEntries(r.skipped.map((s) => [s.row, s.message]));
    expect(reasons[2]).toContain('Role "Team Parent" is not a role Touchline has');
    expect(reasons[3]).toContain('February 1985 has 28 days');
    expect(reasons[4]).toContain('the region has no 11U division');
    expect(reasons[5]).toContain('Division "Seniors" is not a division of the region');
    expect(reasons[6]).toContain('No configured season matches Program Name "Summer Camp"');
    expect(reasons[7]).toContain('"not-an-email" is not an email address');
    expect(reasons[9]).toBe('Repeats line 8 (the same person, role, division and season).');
    expect(reasons[10]).toContain('but line 8 gives 1985-04-09');
    expect(r.rows.map((x) => x.row)).toEqual([8]);
  });
});

describe('the pieces', () => {
  it('maps role names without guessing', () => {
    expect(roleFromExport('HEAD COACH')).toBe('head-coach');
    expect(roleFromExport('Asst. Coach')).toBe('assistant-coach');
    expect(roleFromExport('Team Parent')).toBeNull();
    expect(roleFromExport('Referee')).toBeNull();
  });

  it('reads divisions as age and program', () => {
    expect(parseDivision('10U Boys', config)).toEqual({ division: '10U', program: 'boys' });
    expect(parseDivision('U-12 Girls', config)).toEqual({ division: '12U', program: 'girls' });
    expect(parseDivision('19U Coed', config)).toEqual({ division: '19U', program: 'coed' });
    expect(parseDivision('8U', config)).toEqual({ division: '8U', program: null });
    expect(parseDivision('10U Adults', config)).toMatchObject({ error: expect.stringContaining('"Adults" is not a program') });
  });

  it('finds the season by program name, else by application date', () => {
    expect(seasonOfLine('Fall 2026 Core', null, config)).toBe('2026-fall');
    expect(seasonOfLine('Core', '2027-02-01', config)).toBe('2027-spring');
    expect(seasonOfLine('Core', '2026-07-20', config)).toBe('2026-fall');
    expect(seasonOfLine('', null, config)).toBeNull();
  });
});

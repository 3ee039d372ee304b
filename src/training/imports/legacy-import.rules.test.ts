import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEGACY_TRAINING_ALIASES, legacyTrainingCode, normalizeTrainingName, parseLegacyCertifications, type LegacyCompletionRow } from './legacy-import.rules.js';

const sample = readFileSync(new URL('./fixtures/legacy-certifications.csv', import.meta.url));
const HEADER = 'AYSO ID,First Name,Last Name,Email,DOB,Certification,Completed';
const unknown = (row: number, name: string) => ({
  row,
  message: `Certification "${name}" is not a training Touchline tracks; leave the line out, or ask for the name to be added to the legacy alias table.`,
});

describe('parseLegacyCertifications on the sample export (Latin-1, CRLF)', () => {
  it('is really Latin-1 bytes (the test would prove nothing otherwise)', () => {
    expect(sample.includes(Buffer.from([0xed]))).toBe(true);
    expect(sample.includes(Buffer.from('\r\n'))).toBe(true);
  });

  it('reads 24 completions and reports unknown trainings and future dates by line', () => {
    const { rows, errors } = parseLegacyCertifications(sample, { today: '2026-05-01' });
    expect(rows).toHaveLength(24);
    expect(errors).toEqual([
      { row: 5, message: 'Completed 7/6/2026 is after today (2026-05-01); a completion cannot be in the future.' },
      unknown(19, 'Regional Referee'),
      { row: 20, message: 'Completed 10/16/2026 is after today (2026-05-01); a completion cannot be in the future.' },
      unknown(23, 'CA Mandated Fingerprinting'),
      unknown(25, 'CA Mandated Fingerprinting'),
      unknown(29, 'CA Mandated Fingerprinting'),
    ]);
    const reported = new Set(errors.map((e) => e.row));
    expect(rows.every((r) => !reported.has(r.rowNumber))).toBe(true);
    expect(rows.length + reported.size).toBe(30);
  });

  it('decodes names and dates and maps training names to codes', () => {
    const { rows } = parseLegacyCertifications(sample, { today: '2026-05-01' });
    expect(rows[0]).toEqual<LegacyCompletionRow>({
      rowNumber: 2,
      associationId: '97000000',
      firstName: 'Lucía',
      lastName: 'Park',
      email: 'coach0@example.org',
      birthDate: '1977-04-17',
      training: 'safe-haven',
      completedOn: '2021-04-28',
    });
    const byRow = new Map(rows.map((r) => [r.rowNumber, r]));
    expect(byRow.get(3)).toMatchObject({ lastName: 'Hernández', training: 'cardiac-arrest', birthDate: '1986-03-07', completedOn: '2023-07-28' });
    expect(byRow.get(15)).toMatchObject({ firstName: 'Sofía', lastName: 'Patel', training: 'coach-advanced' });
    expect(byRow.get(22)).toMatchObject({ associationId: '97000020', completedOn: '2026-04-01' });
    const codes: Record<string, number> = {};
    for (const r of rows) codes[r.training] = (codes[r.training] ?? 0) + 1;
    expect(codes).toEqual({
      'safe-haven': 2,
      'cardiac-arrest': 3,
      'coach-6u': 4,
      'coach-intermediate': 5,
      concussion: 3,
      'coach-10u': 3,
      'coach-advanced': 3,
      safesport: 1,
    });
  });

  it('accepts every sample completion once today is past them', () => {
    const { rows, errors } = parseLegacyCertifications(sample, { today: '2026-11-28' });
    expect(rows).toHaveLength(26);
    expect(errors.map((e) => e.row)).toEqual([19, 23, 25, 29]);
  });

  it('takes more names from the region through extraAliases', () => {
    const { rows, errors } = parseLegacyCertifications(sample, { today: '2026-11-28', extraAliases: { 'regional referee': 'referee-regional' } });
    expect(rows.find((r) => r.rowNumber === 19)?.training).toBe('referee-regional');
    expect(errors.map((e) => e.row)).toEqual([23, 25, 29]);
  });
});

describe('legacyTrainingCode', () => {
  it('maps every name the old system uses', () => {
    const names: [string, string][] = [
      ['AYSOs Safe Haven', 'safe-haven'],
      ['Safe Haven', 'safe-haven'],
      ['Concussion Awareness', 'concussion'],
      ['CDC Concussion Awareness', 'concussion'],
      ['Sudden Cardiac Arrest', 'cardiac-arrest'],
      ['SafeSport', 'safesport'],
      ['6U Coach', 'coach-6u'],
      ['8U Coach', 'coach-8u'],
      ['10U Coach', 'coach-10u'],
      ['12U Coach', 'coach-12u'],
      ['Intermediate (14U) Coach', 'coach-intermediate'],
      ['Advanced (19U) Coach', 'coach-advanced'],
    ];
    expect(names.map(([n]) => legacyTrainingCode(n))).toEqual(names.map(([, c]) => c));
  });

  it('ignores case, spaces and punctuation', () => {
    expect(["  ayso's SAFE-haven ", 'safe sport', 'INTERMEDIATE 14U COACH', 'cdc: concussion awareness', '10 u coach'].map((n) => legacyTrainingCode(n))).toEqual([
      'safe-haven',
      'safesport',
      'coach-intermediate',
      'concussion',
      'coach-10u',
    ]);
    expect(normalizeTrainingName("AYSO's Safe Haven")).toBe('aysossafehaven');
  });

  it('never guesses: unknown or partial names are null', () => {
    expect(['Regional Referee', 'CA Mandated Fingerprinting', 'Coach', 'Safe', '', '14U Coach'].map((n) => legacyTrainingCode(n))).toEqual([null, null, null, null, null, null]);
  });

  it('maps only to catalog codes', () => {
    const catalog = ['safe-haven', 'concussion', 'cardiac-arrest', 'safesport', 'coach-6u', 'coach-8u', 'coach-10u', 'coach-12u', 'coach-intermediate', 'coach-advanced'];
    expect(new Set(Object.values(LEGACY_TRAINING_ALIASES))).toEqual(new Set(catalog));
  });
});

describe('parseLegacyCertifications row checks', () => {
  it('reports missing ids, impossible dates and blank trainings, and allows a blank DOB', () => {
    const csv = [
      HEADER,
      ',Ana,Diaz,a@example.org,1/2/1980,Safe Haven,1/2/2020',
      '5,Leo,Kim,,2/30/1980,Safe Haven,1/2/2020',
      '6,Mia,Lee,m@example.org,,,2/29/2021',
      '7,Max,Ng,x@example.org,,12U Coach,2026-05-01',
      '8,Eva,Ng,,1/2/1980,SafeSport,',
    ].join('\r\n');
    const { rows, errors } = parseLegacyCertifications(csv, { today: '2026-05-01' });
    expect(rows).toEqual([
      { rowNumber: 5, associationId: '7', firstName: 'Max', lastName: 'Ng', email: 'x@example.org', birthDate: null, training: 'coach-12u', completedOn: '2026-05-01' },
    ]);
    expect(errors).toEqual([
      { row: 2, message: 'AYSO ID is missing.' },
      { row: 3, message: 'DOB: "2/30/1980" is not a real date: February 1980 has 29 days.' },
      { row: 4, message: 'Certification is missing.' },
      { row: 4, message: 'Completed: "2/29/2021" is not a real date: February 2021 has 28 days.' },
      { row: 6, message: 'Completed date is missing.' },
    ]);
  });

  it('reports missing columns once for the file', () => {
    expect(parseLegacyCertifications('AYSO ID,First Name,Last Name,Email\n1,A,B,c@example.org\n', { today: '2026-05-01' })).toEqual({
      rows: [],
      errors: [{ row: 1, message: 'Missing required columns: Certification, Completed. Columns found: AYSO ID, First Name, Last Name, Email.' }],
    });
  });

  it('refuses a today that is not a YYYY-MM-DD date', () => {
    expect(() => parseLegacyCertifications(sample, { today: '5/1/2026' })).toThrow('today must be a YYYY-MM-DD date, got "5/1/2026"');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlayerExport, splitPlayerName, type PlayerImportRow } from './players-import.rules.js';

const sample = readFileSync(new URL('./fixtures/players-export.tsv', import.meta.url));

const HEADER = 'PlayerID,Player First Name,Player Last Name,Date Of Birth,Gender,Parent FirstName,Parent LastName,Primary Contact Email,Player Evaluation Rating';

describe('parsePlayerExport on the sample export (UTF-8 BOM, TSV, CRLF)', () => {
  const result = parsePlayerExport(sample);

  it('reads all 40 players without errors', () => {
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(40);
    expect(result.rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
  });

  it('keeps accents and apostrophes intact and maps every field', () => {
    const leo = result.rows.find((r) => r.externalId === '31800037');
    expect(leo).toEqual<PlayerImportRow>({
      rowNumber: 3,
      externalId: '31800037',
      firstName: 'Leo',
      lastName: 'Rodríguez',
      birthDate: '2016-01-02',
      gender: 'M',
      parent: { firstName: 'Mark', lastName: 'Rodríguez', email: 'leo.1@example.org' },
      rating: 1,
      divisionName: '10U Boys',
    });
    expect(result.rows[2]).toMatchObject({ rowNumber: 4, firstName: 'Miles', lastName: "O'Brien", parent: { lastName: "O'Brien" } });
    expect(result.rows[18]).toMatchObject({ rowNumber: 20, externalId: '31800666', firstName: 'Sebastián', lastName: 'Kim', birthDate: '2015-02-08' });
    expect(result.rows[0]).toMatchObject({ firstName: 'Chloe', gender: 'F', birthDate: '2016-11-25', rating: 2, divisionName: '10U Girls' });
  });

  it('treats blank and "No Answer" ratings as unrated', () => {
    const unrated = result.rows.filter((r) => r.rating === null).map((r) => r.rowNumber);
    expect(unrated).toEqual([7, 11, 16, 21, 22, 26, 39, 41]);
  });

  it('reads the same players from a Latin-1 re-encoded copy', () => {
    const latin1 = Buffer.from(sample.toString('utf8').replace(/^\uFEFF/, ''), 'latin1');
    expect(latin1.includes(Buffer.from('Rodríguez', 'utf8'))).toBe(false);
    expect(parsePlayerExport(latin1)).toEqual(result);
  });
});

describe('parsePlayerExport on other shapes', () => {
  it('splits a single Player Name column written "Last, First" or "First Last" and reads gender words', () => {
    const csv = [
      'PlayerID,Player Name,DOB,Gender,Parent FirstName,Parent LastName,Primary Contact Email,Primary Contact Phone',
      '1,"Martínez, Ana Sofía",2015-03-04,Girl,Rosa,Martínez,rosa@example.org,310-555-0100',
      "2,Mary Ann O'Neil,3/4/2015,boy,Tom,O'Neil,tom@example.org,",
      '3,"Kim, Ezra",3/4/2015,F,Jen,Kim,jen@example.org,',
      '4,Sebastián Smith,3/4/2015,m,Ana,Smith,ana@example.org,',
    ].join('\n');
    const { rows, errors } = parsePlayerExport(csv);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.firstName, r.lastName, r.gender, r.birthDate])).toEqual([
      ['Ana Sofía', 'Martínez', 'F', '2015-03-04'],
      ['Mary Ann', "O'Neil", 'M', '2015-03-04'],
      ['Ezra', 'Kim', 'F', '2015-03-04'],
      ['Sebastián', 'Smith', 'M', '2015-03-04'],
    ]);
    expect(rows[0].parent).toEqual({ firstName: 'Rosa', lastName: 'Martínez', email: 'rosa@example.org', phone: '310-555-0100' });
    expect(rows[1].parent).toEqual({ firstName: 'Tom', lastName: "O'Neil", email: 'tom@example.org' });
    expect(rows[0].rating).toBeNull();
    expect('divisionName' in rows[0]).toBe(false);
  });

  it('matches columns carrying question ids and reads goalkeeper answers', () => {
    const tsv = [
      'Player ID\tPlayer First Name\tPlayer Last Name\tDate Of Birth\tGender\tParent FirstName\tParent LastName\tPrimary Contact Email\tPlayer Evaluation Rating:(18939070)\tGoalkeeper:(18939071)',
      '10\tNora\tPark\t6/1/2015\tFemale\tMark\tPark\tnora@example.org\t4\tYes',
      '11\tZoe\tSmith\t4/8/2016\tFemale\tPriya\tSmith\tzoe@example.org\t3.5\tNo',
      '12\tMia\tKim\t4/8/2016\tFemale\tPriya\tKim\tmia@example.org\t\tNo Answer',
    ].join('\r\n');
    const { rows, errors } = parsePlayerExport(tsv);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.externalId, r.rating, r.goalkeeper])).toEqual([
      ['10', 4, true],
      ['11', 3.5, false],
      ['12', null, undefined],
    ]);
  });

  it('reports every bad row with its line and reason, and keeps only good rows', () => {
    const csv = [
      HEADER,
      '100,Ana,Diaz,1/2/2016,Female,Rosa,Diaz,rosa@example.org,3',
      ',Leo,Kim,1/2/2016,Male,Jen,Kim,jen@example.org,2',
      '100,Ana,Diaz,1/2/2016,Female,Rosa,Diaz,rosa@example.org,3',
      '102,Mia,Lee,2/30/2016,Female,Sam,Lee,sam@example.org,',
      '103,Max,Lee,2/3/2016,X,Sam,Lee,sam@example.org,',
      '104,Eva,Ng,2/3/2016,Female,Tam,Ng,tam@example.org,good',
      '105,Ivy,,2/3/2016,,Tam,Ng,not-an-email,',
      '106,Liv,Ng,,Female,Tam,Ng,,-1',
    ].join('\r\n');
    const { rows, errors } = parsePlayerExport(csv);
    expect(rows.map((r) => r.rowNumber)).toEqual([2]);
    expect(errors).toEqual([
      { row: 3, message: 'PlayerID is missing.' },
      { row: 4, message: 'PlayerID 100 is already on line 2; each player must appear once.' },
      { row: 5, message: 'Date Of Birth: "2/30/2016" is not a real date: February 2016 has 29 days.' },
      { row: 6, message: 'Gender "X" is not recognised; use Male or Female (M/F, Boy/Girl).' },
      { row: 7, message: 'Player Evaluation Rating "good" is not a number; leave it blank for an unrated player.' },
      { row: 8, message: 'Player Last Name is missing.' },
      { row: 8, message: 'Gender is missing.' },
      { row: 8, message: 'Primary Contact Email "not-an-email" is not an email address.' },
      { row: 9, message: 'Date Of Birth is missing.' },
      { row: 9, message: 'Primary Contact Email is missing.' },
      { row: 9, message: 'Player Evaluation Rating "-1" is not a number; leave it blank for an unrated player.' },
    ]);
  });

  it('checks ratings against the region scale when given', () => {
    const csv = [HEADER, '1,Ana,Diaz,1/2/2016,F,Rosa,Diaz,rosa@example.org,6', '2,Leo,Diaz,1/2/2016,M,Rosa,Diaz,rosa@example.org,5'].join('\n');
    const { rows, errors } = parsePlayerExport(csv, { ratingRange: { min: 1, max: 5 } });
    expect(rows.map((r) => r.externalId)).toEqual(['2']);
    expect(errors).toEqual([{ row: 2, message: "Player Evaluation Rating 6 is outside the region's scale 1 to 5." }]);
  });

  it('reports missing required columns once for the file, with the columns found', () => {
    const csv = 'PlayerID\tFirst\tDate Of Birth\tPrimary Contact Email\n1\tAna\t1/2/2016\ta@example.org\n2\tLeo\t1/2/2016\tb@example.org\n';
    expect(parsePlayerExport(csv)).toEqual({
      rows: [],
      errors: [
        {
          row: 1,
          message:
            'Missing required columns: Gender, Parent FirstName, Parent LastName, Player First Name and Player Last Name (or Player Name). ' +
            'Columns found: PlayerID, First, Date Of Birth, Primary Contact Email.',
        },
      ],
    });
  });

  it('passes on file-level read errors and lines with extra cells', () => {
    expect(parsePlayerExport('')).toEqual({ rows: [], errors: [{ row: 1, message: 'The file is empty: it has no header line.' }] });
    const csv = [HEADER, '1,Ana,Diaz,1/2/2016,F,Rosa,Diaz,rosa@example.org,3,extra'].join('\n');
    expect(parsePlayerExport(csv).errors).toEqual([{ row: 2, message: 'This line has 10 cells but the header has 9; look for a stray delimiter or an unquoted cell.' }]);
  });
});

describe('splitPlayerName', () => {
  it('refuses one-word and half-empty names instead of guessing', () => {
    expect(splitPlayerName('Cher')).toEqual({ error: 'Player Name "Cher" is one word; write "First Last" or "Last, First".' });
    expect(splitPlayerName('Kim,')).toEqual({ error: 'Player Name "Kim," needs both parts: write "Last, First".' });
    expect(splitPlayerName('Ana  de la Cruz')).toEqual({ value: { first: 'Ana  de la', last: 'Cruz' } });
  });
});

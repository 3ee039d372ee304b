import { describe, expect, it } from 'vitest';
import { newId } from './clock.js';
import {
  cellAt,
  decodeText,
  detectDelimiter,
  headerMatch,
  isIsoDate,
  matchColumns,
  missingColumnsError,
  normalizeHeader,
  parseDate,
  protectFormula,
  readCsvTable,
  rowError,
  writeCsv,
  type CsvTable,
} from './csv.js';

function table(input: Uint8Array | string): CsvTable {
  const r = readCsvTable(input);
  if (!r.ok) throw new Error(`expected a table, got ${JSON.stringify(r.errors)}`);
  return r.table;
}

describe('decodeText', () => {
  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Rodríguez', 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: 'Rodríguez', encoding: 'utf-8' });
  });

  it('reads UTF-8 without a byte-order mark', () => {
    expect(decodeText(Buffer.from("Sebastián O'Brien", 'utf8'))).toEqual({ text: "Sebastián O'Brien", encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    const latin1 = Buffer.from([0x52, 0x6f, 0x64, 0x72, 0xed, 0x67, 0x75, 0x65, 0x7a]); // "Rodr\xEDguez"
    expect(decodeText(latin1)).toEqual({ text: 'Rodríguez', encoding: 'windows-1252' });
    // 0x93/0x94 are curly quotes, 0x92 a curly apostrophe and 0x80 the euro sign in Windows-1252.
    expect(decodeText(Buffer.from([0x93, 0x4f, 0x92, 0x42, 0x94, 0x80])).text).toBe('\u201cO\u2019B\u201d\u20ac');
  });

  it('reads UTF-16 little-endian with its byte-order mark (Excel "Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Lucía\tKim', 'utf16le')]);
    expect(decodeText(bytes)).toEqual({ text: 'Lucía\tKim', encoding: 'utf-16le' });
  });

  it('strips a byte-order mark from text input', () => {
    expect(decodeText('\uFEFFa,b')).toEqual({ text: 'a,b', encoding: 'utf-8' });
  });
});

describe('detectDelimiter', () => {
  it('picks the most frequent of tab, comma and semicolon on the header line', () => {
    expect(detectDelimiter('PlayerID\tPlayer First Name\tDate Of Birth\r\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('AYSO ID,First Name,Last Name\n')).toBe(',');
    expect(detectDelimiter('Nom;Prénom;Date\n1,5;2,5;3')).toBe(';');
  });

  it('ignores delimiters inside quotes and leading blank lines', () => {
    expect(detectDelimiter('\r\n"Last, First"\tGender\tDOB')).toBe('\t');
  });

  it('defaults to comma for a single column', () => {
    expect(detectDelimiter('Email\nx@example.org')).toBe(',');
  });
});

describe('readCsvTable', () => {
  it('keeps file line numbers across CRLF, quoted line breaks and blank lines', () => {
    const t = table('Name,Note\r\nAna,"two\r\nlines"\r\n\r\nLeo,ok\r\n,\r\n\t\r\nMia\r\n\r\n\r\n');
    expect(t.header).toEqual(['Name', 'Note']);
    expect(t.records).toEqual([
      { row: 2, cells: ['Ana', 'two\nlines'] },
      { row: 5, cells: ['Leo', 'ok'] },
      { row: 8, cells: ['Mia'] },
    ]);
    expect(t.problems).toEqual([]);
    expect(t.delimiter).toBe(',');
  });

  it('reads quoted cells with delimiters and doubled quotes, trims cells, keeps stray inner quotes', () => {
    const t = table('a,b,c\n"Smith, Jo"," say ""hi"" ",Robert "Bobby" Tables\n');
    expect(t.records[0].cells).toEqual(['Smith, Jo', 'say "hi"', 'Robert "Bobby" Tables']);
  });

  it('reports a line with more filled cells than the header and keeps it out of the records', () => {
    const t = table('a,b\n1,2\n3,4,5\n6,7,,\n');
    expect(t.records).toEqual([
      { row: 2, cells: ['1', '2'] },
      { row: 4, cells: ['6', '7'] },
    ]);
    expect(t.problems).toEqual([rowError(3, 'This line has 3 cells but the header has 2; look for a stray delimiter or an unquoted cell.')]);
  });

  it('refuses a file with an unclosed quote, naming a line', () => {
    const r = readCsvTable('a,b\n1,"open\n2,3\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ row: 3, message: 'Line 3: a quote (") opened on or before this line is never closed; remove the stray quote or close it.' }]);
  });

  it('refuses an empty file and accepts a header without rows', () => {
    expect(readCsvTable(Buffer.from('\r\n\r\n'))).toEqual({ ok: false, errors: [{ row: 1, message: 'The file is empty: it has no header line.' }] });
    expect(table('a,b\r\n').records).toEqual([]);
  });

  it('reads a TSV from bytes with a BOM, and Latin-1 bytes, with the encoding used', () => {
    const tsv = table(Buffer.from('\uFEFFID\tName\r\n1\tSebastián\r\n', 'utf8'));
    expect([tsv.delimiter, tsv.encoding, tsv.header[0], tsv.records[0].cells[1]]).toEqual(['\t', 'utf-8', 'ID', 'Sebastián']);
    const latin = table(Buffer.from('ID;Name\r\n1;Martínez\r\n', 'latin1'));
    expect([latin.delimiter, latin.encoding, latin.records[0].cells[1]]).toEqual([';', 'windows-1252', 'Martínez']);
  });
});

describe('header matching', () => {
  it('normalises case, accents, apostrophes, punctuation and trailing question ids', () => {
    expect(normalizeHeader('Years of Experience:(18939060)')).toBe('years of experience');
    expect(normalizeHeader("Player's Experience Level(18939062)")).toBe('players experience level');
    expect(normalizeHeader('  Date_Of-Birth ')).toBe('date of birth');
    expect(normalizeHeader('Catégorie')).toBe('categorie');
  });

  it('matches exactly ignoring spaces, or by a prefix ending on a word', () => {
    expect(headerMatch('Parent FirstName', 'Parent First Name')).toBe('exact');
    expect(headerMatch('Years of Experience:(18939060)', 'Years of Experience')).toBe('exact');
    expect(headerMatch('Primary Contact Email Address', 'Primary Contact Email')).toBe('prefix');
    expect(headerMatch('Goalkeeper 2024(123)', 'goalkeeper')).toBe('prefix');
    expect(headerMatch('Emails', 'Email')).toBeNull();
    expect(headerMatch('Player First Name', 'Player Name')).toBeNull();
    expect(headerMatch('Anything', '')).toBeNull();
  });

  it('prefers an exact column over an earlier prefix one and uses each column once', () => {
    const header = ['Division Code', 'Email Address', 'Division', 'Email'];
    const m = matchColumns(header, {
      division: { label: 'Division' },
      email: { label: 'Email', aliases: ['E-mail'] },
      email2: { label: 'Email' },
      phone: { label: 'Phone', required: true },
      dob: { label: 'DOB', required: false },
    });
    expect(m.index).toEqual({ division: 2, email: 3, email2: 1 });
    expect(m.missing).toEqual(['phone']);
  });

  it('matches aliases and reads cells by matched index', () => {
    const t = table('Player ID,Birth Date\n7,1/2/2016\n');
    const m = matchColumns(t.header, { id: { label: 'PlayerID', aliases: ['Player ID'] }, dob: { label: 'Date Of Birth', aliases: ['Birth Date'] }, x: { label: 'X' } });
    expect([cellAt(t.records[0], m.index.id), cellAt(t.records[0], m.index.dob), cellAt(t.records[0], m.index.x)]).toEqual(['7', '1/2/2016', '']);
  });

  it('words the missing-column error once for the file, with the columns found', () => {
    expect(missingColumnsError(['Gender'], ['PlayerID', '', 'DOB'])).toEqual({ row: 1, message: 'Missing required column: Gender. Columns found: PlayerID, DOB.' });
    expect(missingColumnsError(['A', 'B'], []).message).toBe('Missing required columns: A, B. Columns found: none.');
  });
});

describe('parseDate', () => {
  it.each([
    ['1/2/2016', '2016-01-02'],
    ['01/02/2016', '2016-01-02'],
    ['12/31/1999', '1999-12-31'],
    ['2016-01-02', '2016-01-02'],
    [' 2/29/2020 ', '2020-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('reads %s as %s', (text, date) => {
    expect(parseDate(text)).toEqual({ ok: true, date });
  });

  it.each([
    ['2/30/2020', '"2/30/2020" is not a real date: February 2020 has 29 days.'],
    ['2/29/2019', '"2/29/2019" is not a real date: February 2019 has 28 days.'],
    ['1900-02-29', '"1900-02-29" is not a real date: February 1900 has 28 days.'],
    ['4/31/2021', '"4/31/2021" is not a real date: April 2021 has 30 days.'],
    ['1/0/2021', '"1/0/2021" is not a real date: January 2021 has 31 days.'],
    ['13/1/2020', '"13/1/2020" is not a real date: there is no month 13.'],
    ['1/2/16', '"1/2/16" is not a date; write it as M/D/YYYY or YYYY-MM-DD.'],
    ['2016-1-2', '"2016-1-2" is not a date; write it as M/D/YYYY or YYYY-MM-DD.'],
    ['', '"" is not a date; write it as M/D/YYYY or YYYY-MM-DD.'],
  ])('refuses %s', (text, message) => {
    expect(parseDate(text)).toEqual({ ok: false, message });
  });

  it('recognises exact YYYY-MM-DD dates only', () => {
    expect([isIsoDate('2026-05-01'), isIsoDate('2026-02-30'), isIsoDate('5/1/2026'), isIsoDate('2026-5-1')]).toEqual([true, false, false, false]);
  });
});

describe('writeCsv', () => {
  it('writes CRLF, quotes where needed and formats cells', () => {
    const out = writeCsv(
      ['Name', 'Rating', 'Note'],
      [
        ["O'Brien, Miles", 3, 'said "hi"'],
        ['Lucía', null, 'two\nlines'],
        ['Kim', 2.5, true],
      ],
    );
    expect(out).toBe('Name,Rating,Note\r\n"O\'Brien, Miles",3,"said ""hi"""\r\nLucía,,"two\nlines"\r\nKim,2.5,true\r\n');
  });

  it('adds a UTF-8 byte-order mark on request and writes other delimiters', () => {
    expect(writeCsv(['a', 'b'], [['1', '2']], { bom: true, delimiter: '\t' })).toBe('\uFEFFa\tb\r\n1\t2\r\n');
    expect(writeCsv(['a'], []).startsWith('\uFEFF')).toBe(false);
  });

  it('defuses formulas in text cells and headers but not in numbers', () => {
    const out = writeCsv(['=Total'], [['=HYPERLINK("http://x")'], ['+1'], ['-2'], ['@SUM(A1)'], [-5], ['a=b']]);
    expect(out).toBe('\'=Total\r\n"\'=HYPERLINK(""http://x"")"\r\n\'+1\r\n\'-2\r\n\'@SUM(A1)\r\n-5\r\na=b\r\n');
    expect([protectFormula('\tx'), protectFormula('Chen')]).toEqual(["'\tx", 'Chen']);
  });

  it('round-trips through readCsvTable', () => {
    const t = table(
      writeCsv(
        ['Name', 'Note'],
        [
          ['Martínez, Ana', 'line1\nline2'],
          ['Kim', ''],
        ],
        { bom: true },
      ),
    );
    expect(t.records).toEqual([
      { row: 2, cells: ['Martínez, Ana', 'line1\nline2'] },
      { row: 4, cells: ['Kim', ''] },
    ]);
  });
});

describe('ids in CSV files', () => {
  it('never start with a character a spreadsheet takes for a formula, so exports keep them as they are', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(ids.filter((id) => /^[=+\-@]/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(5000);
    expect(ids.every((id) => /^[\w-]{22}$/.test(id))).toBe(true);
  });
});

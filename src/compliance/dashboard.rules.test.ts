import { describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../region/region.testkit.js';
import { catalogOf } from '../training/index.js';
import { prepareCompliance, summarizePerson, type ComplianceRecords, type MissingItem } from './compliance.rules.js';
import {
  checkRows,
  csvCells,
  DEFAULT_PAGE_SIZE,
  filterRows,
  itemLabel,
  MAX_PAGE_SIZE,
  mergeSorted,
  pageOf,
  readFilters,
  readPage,
  rowOrder,
  searchText,
  sortRows,
  totalsOf,
  type ComplianceRow,
  type DashboardFilters,
} from './dashboard.rules.js';

const config = defaultRegionConfig('2026-09-15');
const catalog = catalogOf(config);
const ORDER = config.divisions.map((d) => d.code);
const item = (element: 1 | 2 | 3, code: string): MissingItem => ({ element, code, message: `do ${code}` });
const row = (first: string, last: string, role: string, division: string, missing: MissingItem[] = []): ComplianceRow => ({
  personId: `${first}${last}`,
  firstName: first,
  lastName: last,
  email: `${first.toLowerCase()}@example.org`,
  role,
  division,
  team: null,
  certified: missing.length === 0,
  missing,
});
const NONE: DashboardFilters = { seasonId: '2026-fall', division: '', role: '', status: '', element: '', q: '' };

describe('readFilters', () => {
  it('defaults the season and accepts empty filters', () => {
    expect(readFilters({}, config, '2026-fall')).toEqual({ filters: NONE, errors: [] });
  });

  it('lists every problem at once, each saying what to use', () => {
    const { errors } = readFilters({ season: 'x', division: '9U', role: 'registrar', status: 'done', element: '4' }, config, '2026-fall');
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(/no season "x": pick one of 2026-fall, 2027-spring/);
    expect(errors[1]).toMatch(/no division "9U": pick one of 6U, 7U, 8U/);
    expect(errors[2]).toMatch(/"registrar" is not a division role/);
  });
});

describe('rows', () => {
  const rows = [
    row('Zoe', 'Adams', 'assistant-coach', '10U', [item(2, 'safesport')]),
    row('Ann', 'Baker', 'head-coach', '10U'),
    row('Lucía', 'Núñez', 'youth-volunteer', '6U', [item(1, 'APPLICATION_MISSING'), item(3, 'coach-10u:field')]),
    row('Bob', 'Adams', 'head-coach', '10U', [item(3, 'coach-10u:online')]),
    row('Old', 'Division', 'head-coach', '5U', [item(1, 'UNKNOWN_DIVISION')]),
  ];

  it('sort by division order, role (head coach first) and name; unknown divisions last', () => {
    expect(sortRows([...rows], ORDER).map((r) => `${r.division} ${r.role} ${r.firstName}`)).toEqual([
      '6U youth-volunteer Lucía',
      '10U head-coach Bob',
      '10U head-coach Ann',
      '10U assistant-coach Zoe',
      '5U head-coach Old',
    ]);
  });

  it.each([
    [{ status: 'certified' }, ['Ann']],
    [{ status: 'missing', division: '10U' }, ['Zoe', 'Bob']],
    [{ element: '3' }, ['Lucía', 'Bob']],
    [{ q: 'LUCIA nunez' }, ['Lucía']],
    [{ q: 'lucia baker' }, []],
    [{ q: 'lucia' }, ['Lucía']],
    [{ q: 'ADAMS', role: 'head-coach' }, ['Bob']],
    [{ q: 'zoe@' }, ['Zoe']],
  ] as [Partial<DashboardFilters>, string[]][])('filter %j', (f, expected) => {
    expect(filterRows(rows, { ...NONE, ...f }).map((r) => r.firstName)).toEqual(expected);
  });

  it('filter with search texts worked out once, as without them', () => {
    const folded = rows.map(searchText);
    for (const q of ['lucia', 'ADAMS', 'zoe@', 'nobody']) expect(filterRows(rows, { ...NONE, q }, folded)).toEqual(filterRows(rows, { ...NONE, q }));
  });

  it('merge two sorted lists into the order a whole sort gives', () => {
    const order = rowOrder(ORDER);
    const sorted = sortRows([...rows], ORDER);
    for (let mask = 0; mask < 1 << sorted.length; mask++) {
      const a = sorted.filter((_, i) => mask & (1 << i));
      const b = sorted.filter((_, i) => !(mask & (1 << i)));
      expect(mergeSorted(a, b, order)).toEqual(sorted);
    }
  });

  it('order one person holding two unknown divisions the same way whatever came first', () => {
    const x = row('Old', 'Division', 'head-coach', '5U');
    const y = { ...x, division: '4U' };
    expect(sortRows([x, y], ORDER)).toEqual(sortRows([y, x], ORDER));
  });

  it('total certified per division and role', () => {
    expect(totalsOf(sortRows([...rows], ORDER))).toEqual([
      { division: '6U', role: 'youth-volunteer', certified: 0, total: 1 },
      { division: '10U', role: 'head-coach', certified: 1, total: 2 },
      { division: '10U', role: 'assistant-coach', certified: 0, total: 1 },
      { division: '5U', role: 'head-coach', certified: 0, total: 1 },
    ]);
  });
});

describe('readPage', () => {
  it('defaults to the first page of 50 and reads whole numbers', () => {
    expect(readPage({})).toEqual({ page: { page: 1, pageSize: DEFAULT_PAGE_SIZE }, errors: [] });
    expect(readPage({ page: ' 3 ', pageSize: '500' })).toEqual({ page: { page: 3, pageSize: 500 }, errors: [] });
    expect(readPage({ page: '', pageSize: '' })).toEqual({ page: { page: 1, pageSize: 50 }, errors: [] });
  });

  it('lists every problem, saying what to use', () => {
    const { errors } = readPage({ page: '0', pageSize: '501' });
    expect(errors).toEqual([
      'page is the page number, a whole number from 1: "0" is not one.',
      `pageSize is the number of rows per page, a whole number from 1 to ${MAX_PAGE_SIZE}: "501" is not one (use the CSV export for every row at once).`,
    ]);
    for (const bad of ['-1', '1.5', '1e3', 'two', '0x10', '9999999999']) expect(readPage({ page: bad }).errors).toHaveLength(1);
  });

  it('cut the rows into pages, empty past the last', () => {
    const rows = [1, 2, 3, 4, 5];
    expect(pageOf(rows, { page: 2, pageSize: 2 })).toEqual([3, 4]);
    expect(pageOf(rows, { page: 3, pageSize: 2 })).toEqual([5]);
    expect(pageOf(rows, { page: 4, pageSize: 2 })).toEqual([]);
  });
});

describe('labels and CSV cells', () => {
  it.each([
    [item(1, 'SSN_MISSING'), 'no SSN'],
    [item(2, 'cardiac-arrest'), 'Sudden Cardiac Arrest'],
    [item(3, 'coach-10u:field'), '10U Coach: Field session'],
    [item(3, 'coach-intermediate'), 'Intermediate Coach (14U)'],
    [item(2, 'retired-course'), 'retired-course'],
  ])('%j reads "%s"', (m, label) => {
    expect(itemLabel(m, catalog)).toBe(label);
  });

  it('put each element in its own column', () => {
    const r = row('Ann', 'Baker', 'field-helper', '12U', [item(1, 'SIGNATURE_MISSING'), item(3, 'coach-12u:online'), item(3, 'coach-12u:in-person')]);
    expect(csvCells(r, catalog)).toEqual([
      'Ann Baker',
      'ann@example.org',
      '12U',
      'Field helper',
      'Missing',
      'not signed',
      '',
      '12U Coach: Online part; 12U Coach: In-person class',
    ]);
  });
});

describe('checkRows', () => {
  const rules = prepareCompliance(config);
  const records: ComplianceRecords = {
    application: { complete: true, adult: true, hasSsn: true, signed: false },
    roles: [{ role: 'head-coach', division: '10U' }],
    held: [
      { role: 'head-coach', division: '10U' },
      { role: 'head-coach', division: '10U' },
      { role: 'field-helper', division: '6U' },
    ],
    completions: [{ training: 'safe-haven', part: 'online', completedOn: '2026-01-01' }],
    backgroundCheck: 'clear',
  };
  it('gives one row per role held, as summarizePerson checks it', () => {
    const rows = checkRows(rules, [{ personId: 'p', name: { firstName: 'A', lastName: 'B', email: null }, records }], '2026-09-15');
    const summary = summarizePerson(rules, records, '2026-09-15');
    expect(rows.map((r) => ({ role: r.role, division: r.division, certified: r.certified, missing: r.missing }))).toEqual(summary.roles);
    expect(rows.map((r) => `${r.role} ${r.division}`)).toEqual(['head-coach 10U', 'field-helper 6U']);
  });
});

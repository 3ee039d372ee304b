import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { makeActor, type TestActor } from '../testing/actors.js';
import { dashboard } from './compliance.service.js';
import { certify, giveApplication, giveCompletions, giveRole, SAFETY } from './compliance.testkit.js';

/** GET /api/v1/compliance a page at a time: the same rows, in the same order, as the whole listing. */

const SEASON = '2026-fall';
const DIVISIONS = ['6U', '8U', '10U', '12U'];
const LAST = ['Ortiz', 'Berg', 'Ngata', 'Ames', 'Kowalski', 'Ibe', 'Lund'];

interface Item {
  personId: string;
  name: string;
  role: string;
  division: string;
  certified: boolean;
}

describe.each(testDialects())('GET /api/v1/compliance, paged (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestActor;
  const list = (query: string) => t.app.inject({ method: 'GET', url: `/api/v1/compliance?season=${SEASON}&${query}`, headers: admin.bearer });
  const key = (r: Item) => `${r.personId}|${r.role}|${r.division}`;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    admin = await makeActor(t.deps, ['coach-administrator']);
    const db = t.deps.db;
    // 21 volunteers over four divisions, a few with a second role: certified, half done and not started.
    for (let i = 0; i < 21; i++) {
      const v = await makeActor(t.deps, [], { email: `p${i}.${dialect}@example.org` });
      await db
        .updateTable('people')
        .set({ first_name: `Vol${String(i % 5)}`, last_name: LAST[i % LAST.length]! })
        .where('id', '=', v.id)
        .execute();
      const division = DIVISIONS[i % DIVISIONS.length]!;
      const role = i % 3 === 0 ? 'head-coach' : 'assistant-coach';
      if (i % 4 === 0) await certify(db, v.id, role, SEASON, division);
      else {
        await giveRole(db, v.id, role, SEASON, division);
        if (i % 2 === 1) await giveApplication(db, v.id, SEASON, [{ role, division }], { signed: i % 3 !== 1 });
        if (i % 5 === 1) await giveCompletions(db, v.id, [...SAFETY]);
      }
      if (i % 6 === 2) await giveRole(db, v.id, 'field-helper', SEASON, '6U');
    }
  });
  afterAll(async () => t?.close());

  /** Every page of `query` at `size` rows, one after the other, checking each page's envelope. */
  async function walk(query: string, size: number): Promise<{ items: Item[]; total: number }> {
    const items: Item[] = [];
    let total = -1;
    for (let page = 1; page <= 50; page++) {
      const r = await list(`${query}&page=${page}&pageSize=${size}`);
      expect(r.statusCode).toBe(200);
      const body = r.json() as { items: Item[]; total: number; page: number; pageSize: number };
      expect(Object.keys(body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
      expect(body.page).toBe(page);
      expect(body.pageSize).toBe(size);
      if (total < 0) total = body.total;
      expect(body.total).toBe(total);
      expect(body.items.length).toBe(Math.max(0, Math.min(size, total - (page - 1) * size)));
      if (!body.items.length) break;
      items.push(...body.items);
    }
    return { items, total };
  }

  it.each([
    ['', 5],
    ['', 7],
    ['division=6U', 2],
    ['status=missing', 4],
    ['role=assistant-coach&element=1', 3],
    ['q=ortiz', 1],
  ])('pages of %s (%i rows) add up to the whole listing, in order', async (query, size) => {
    const raw = Object.fromEntries(new URLSearchParams(query));
    const whole = (await dashboard(t.deps, { season: SEASON, ...raw })).rows;
    expect(whole.length).toBeGreaterThan(size);
    const { items, total } = await walk(query, size);
    expect(total).toBe(whole.length);
    expect(items.map(key)).toEqual(whole.map((r) => `${r.personId}|${r.role}|${r.division}`));
    const one = (await list(`${query}&pageSize=500`)).json() as { items: Item[] };
    expect(one.items).toEqual(items);
  });

  it('counts the rows the filters keep, over every page', async () => {
    const all = (await list('pageSize=500')).json() as { items: Item[]; total: number };
    expect(all.total).toBe(all.items.length);
    for (const division of DIVISIONS) {
      const r = (await list(`division=${division}&pageSize=2`)).json() as { items: Item[]; total: number };
      expect(r.total).toBe(all.items.filter((i) => i.division === division).length);
    }
    const certified = (await list('status=certified&pageSize=1')).json() as { total: number };
    const missing = (await list('status=missing&pageSize=1')).json() as { total: number };
    expect(certified.total + missing.total).toBe(all.total);
    expect(certified.total).toBe(all.items.filter((i) => i.certified).length);
  });

  it('gives 50 rows from page 1 by default, and an empty page past the last', async () => {
    const r = (await list('')).json() as { items: Item[]; total: number; page: number; pageSize: number };
    expect(r).toMatchObject({ page: 1, pageSize: 50 });
    expect(r.items.length).toBe(Math.min(50, r.total));
    const past = (await list('page=9&pageSize=10')).json() as { items: Item[]; total: number };
    expect(past).toEqual({ items: [], total: r.total, page: 9, pageSize: 10 });
  });

  it.each([
    ['page=0', /page is the page number, a whole number from 1: "0" is not one/],
    ['page=-2', /page is the page number, a whole number from 1: "-2" is not one/],
    ['page=two', /page is the page number.*"two"/],
    ['page=1.5', /page is the page number.*"1.5"/],
    ['pageSize=0', /pageSize is the number of rows per page, a whole number from 1 to 500: "0" is not one/],
    ['pageSize=501', /pageSize .* from 1 to 500: "501" is not one \(use the CSV export/],
    ['pageSize=ten', /pageSize .*"ten"/],
  ])('answers 422 for %s, saying what to use', async (query, message) => {
    const r = await list(query);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('VALIDATION');
    expect(r.json().error.message).toMatch(message);
  });

  it('lists every problem of filters and paging at once', async () => {
    const r = await list('division=11U&page=0&pageSize=1000');
    expect(r.statusCode).toBe(422);
    const errors = r.json().error.details.errors as string[];
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/no division "11U"/);
    expect(errors[1]).toMatch(/^page is/);
    expect(errors[2]).toMatch(/^pageSize is/);
  });

  it('documents page and pageSize and the envelope in the OpenAPI description', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/compliance'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['page', 'pageSize', 'division', 'status', 'q']));
    const schema = op.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
  });
});

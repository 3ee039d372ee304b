import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/clock.js';
import { openTestApp, testDialects, type TestApp } from '../../testing/harness.js';
import { makeActor, type TestActor } from '../../testing/actors.js';
import { AGE_LEVEL, SAFETY, giveApplication, giveCompletions, giveRole } from '../../compliance/compliance.testkit.js';
import { makeTeam, recordAssessment } from '../../mentoring/mentoring.testkit.js';
import type { DirectoryItem } from './directory.service.js';

/** GET /api/v1/people, a page at a time, its filters, and who may use the directory's API at all. */

const SEASON = '2026-fall';
const AT = '2026-09-01T16:00:00.000Z';
const SMITHS = 57;

interface Page {
  items: DirectoryItem[];
  total: number;
  page: number;
  pageSize: number;
}

describe.each(testDialects())('the people directory API (%s)', (dialect) => {
  let t: TestApp;
  const as: Record<string, TestActor> = {};
  const smithIds: string[] = [];
  let noAccountIds: string[] = [];
  let coachIds: string[] = [];
  let teamId = '';
  const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: as[who]!.bearer });

  async function seedPerson(first: string, last: string, over: { account?: boolean; mergedInto?: string; associationId?: string } = {}): Promise<string> {
    const id = newId();
    await t.deps.db
      .insertInto('people')
      .values({
        id,
        email: over.mergedInto ? null : `${first}.${last}.${id.slice(0, 8)}@example.org`.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, ''),
        first_name: first,
        last_name: last,
        birth_date: null,
        phone: null,
        password_hash: over.account === false ? null : 'not-a-real-hash',
        created_at: AT,
        updated_at: AT,
        merged_into: over.mergedInto ?? null,
        association_id: over.associationId ?? null,
      })
      .execute();
    return id;
  }

  beforeAll(async () => {
    t = await openTestApp(dialect);
    as.admin = await makeActor(t.deps, ['region-administrator']);
    as.registrar = await makeActor(t.deps, ['registrar']);
    as.coachAdmin = await makeActor(t.deps, ['coach-administrator']);
    as.safety = await makeActor(t.deps, ['safety-director']);
    as.coach = await makeActor(t.deps, ['head-coach'], { seasonId: SEASON, division: '10U' });
    as.volunteer = await makeActor(t.deps, []);
    as.mentor = await makeActor(t.deps, ['mentor'], { seasonId: SEASON });
    const firsts = ['Ana', 'Bo', 'Cy', 'Dee', 'Émile', 'Finn'];
    const lasts = ['Smith', 'smith', 'Smíth', 'SMITH', 'Smithers'];
    for (let i = 0; i < SMITHS; i++) {
      const id = await seedPerson(firsts[i % firsts.length]!, lasts[i % lasts.length]!, { account: i % 4 !== 0 });
      smithIds.push(id);
      if (i % 3 === 0) await giveRole(t.deps.db, id, 'head-coach', SEASON, i % 2 ? '8U' : '10U');
      if (i % 5 === 1) await giveRole(t.deps.db, id, 'field-helper', '2027-spring', '8U');
    }
    noAccountIds = smithIds.filter((_, i) => i % 4 === 0);
    coachIds = smithIds.filter((_, i) => i % 3 === 0);
    // A merged account is never listed, whatever its name.
    await seedPerson('Ghost', 'Smith', { mergedInto: smithIds[0]! });
    await seedPerson('Other', 'Person');
    teamId = (await makeTeam(t.deps, '10U', [{ personId: smithIds[0]! }, { personId: smithIds[3]!, role: 'assistant-coach' }])).id;
    // Compliance: one certified head coach; the other head coaches lack their trainings (elements 2, 3).
    await giveApplication(t.deps.db, smithIds[6]!, SEASON, [{ role: 'head-coach', division: '10U' }]);
    await giveCompletions(t.deps.db, smithIds[6]!, [...SAFETY, AGE_LEVEL['10U']!]);
  });
  afterAll(async () => t?.close());

  async function walk(query: string, size: number): Promise<{ ids: string[]; total: number; pages: number }> {
    const ids: string[] = [];
    let total = -1;
    let pages = 0;
    for (let page = 1; page <= 100; page++) {
      const r = await get('registrar', `/api/v1/people?${query}&page=${page}&pageSize=${size}`);
      expect(r.statusCode).toBe(200);
      const body = r.json() as Page;
      expect(Object.keys(body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
      expect(body.page).toBe(page);
      expect(body.pageSize).toBe(size);
      if (total >= 0) expect(body.total).toBe(total);
      total = body.total;
      if (!body.items.length) break;
      pages++;
      ids.push(...body.items.map((i) => i.id));
    }
    return { ids, total, pages };
  }

  it('reaches every match across pages, in order, with the total (no cap at 50)', async () => {
    const whole = await walk('q=smith', 200);
    expect(whole.total).toBe(SMITHS);
    expect(new Set(whole.ids)).toEqual(new Set(smithIds));
    const paged = await walk('q=smith', 7);
    expect(paged.pages).toBe(Math.ceil(SMITHS / 7));
    expect(paged.ids).toEqual(whole.ids);
    const first = (await get('coachAdmin', '/api/v1/people?q=SMÍTH')).json() as Page;
    expect(first.total).toBe(SMITHS);
    expect(first.items).toHaveLength(50);
    expect(first.items.map((i) => i.id)).toEqual(whole.ids.slice(0, 50));
  });

  it('sorts by last name, first name and id', async () => {
    const items = ((await get('registrar', '/api/v1/people?q=smith&pageSize=200')).json() as Page).items;
    const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const keys = items.map((i) => [fold(i.lastName), fold(i.firstName), i.id].join('\u0000'));
    expect(keys).toEqual([...keys].sort());
    expect(items.at(-1)!.lastName).toBe('Smithers');
  });

  it('filters by role, division, season, team, missing element and missing account, with right totals', async () => {
    const ids = async (q: string) => (await walk(q, 9)).ids.sort();
    const sorted = (a: string[]) => [...a].sort();
    expect(await ids('q=smith&role=head-coach')).toEqual(sorted(coachIds));
    expect(await ids('q=smith&role=head-coach&division=8U')).toEqual(sorted(smithIds.filter((_, i) => i % 3 === 0 && i % 2 === 1)));
    expect(await ids('q=smith&season=2027-spring')).toEqual(sorted(smithIds.filter((_, i) => i % 5 === 1)));
    expect(await ids(`team=${teamId}`)).toEqual(sorted([smithIds[0]!, smithIds[3]!]));
    expect(await ids('q=smith&noAccount=1')).toEqual(sorted(noAccountIds));
    const missing2 = await ids(`q=smith&season=${SEASON}&missing=2`);
    expect(missing2).toEqual(sorted(coachIds.filter((id) => id !== smithIds[6])));
    expect(await ids('q=smith&missing=3&role=head-coach&division=10U')).toEqual(sorted(smithIds.filter((_, i) => i % 3 === 0 && i % 2 === 0 && i !== 6)));
    const withRoles = ((await get('registrar', `/api/v1/people?q=smith&season=${SEASON}&role=head-coach&pageSize=1`)).json() as Page).items[0]!;
    expect(withRoles.roles.every((r) => r.season === SEASON || r.season === '')).toBe(true);
    expect(withRoles.roles.some((r) => r.role === 'head-coach')).toBe(true);
  });

  it('answers 422 with a clear message for bad paging or filters', async () => {
    for (const [q, text] of [
      ['page=0', 'page must be a whole number from 1'],
      ['pageSize=0', 'pageSize must be a whole number from 1 to 200'],
      ['pageSize=201', 'pageSize must be a whole number from 1 to 200 (got "201")'],
      ['page=two', 'page must be a whole number'],
      ['missing=4', 'missing is 1 (application), 2 (safety trainings) or 3'],
      ['role=boss', '"boss" is not a role'],
      ['team=nope', 'There is no team "nope"'],
    ]) {
      const r = await get('registrar', `/api/v1/people?${q}`);
      expect(r.statusCode, q).toBe(422);
      expect(r.json().error.message, q).toContain(text);
    }
    const last = (await get('registrar', '/api/v1/people?q=smith&page=99&pageSize=200')).json() as Page;
    expect(last).toMatchObject({ items: [], total: SMITHS, page: 99 });
  });

  it('lets the four board roles in and keeps coaches, mentors and volunteers out (403)', async () => {
    const id = smithIds[1]!;
    for (const who of ['admin', 'registrar', 'coachAdmin', 'safety']) {
      expect((await get(who, '/api/v1/people?q=x')).statusCode, who).toBe(200);
      expect((await get(who, `/api/v1/people/${id}`)).statusCode, who).toBe(200);
    }
    for (const who of ['coach', 'volunteer', 'mentor']) {
      expect((await get(who, '/api/v1/people')).statusCode, who).toBe(403);
      expect((await get(who, `/api/v1/people/${id}`)).statusCode, who).toBe(403);
      const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${id}`, headers: as[who]!.bearer, payload: { phone: '310 555 0100' } });
      expect(patch.statusCode, who).toBe(403);
      const put = await t.app.inject({ method: 'PUT', url: `/api/v1/people/${id}/roles`, headers: as[who]!.bearer, payload: { season: SEASON, roles: [] } });
      expect(put.statusCode, who).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/people' })).statusCode).toBe(401);
  });

  it('shows the person page by role: never the SSN, checks to the safety director, mentoring to the coach administrator', async () => {
    const id = smithIds[9]!;
    await giveApplication(t.deps.db, id, SEASON, [{ role: 'head-coach', division: '8U' }], { check: 'flagged' });
    const team = await makeTeam(t.deps, '8U', [{ personId: id }]);
    const mentor = await makeActor(t.deps, ['mentor'], { seasonId: SEASON });
    await recordAssessment(
      t.deps,
      { personId: mentor.id, roles: ['mentor'] },
      { teamId: team.id, coachId: id, kind: 'practice', date: '2026-09-10', ratings: { safety: 3 }, strengths: 'Calm', workOn: 'Warm-ups', notes: '' },
    );
    const seen: Record<string, Record<string, unknown>> = {};
    for (const who of ['admin', 'registrar', 'coachAdmin', 'safety']) {
      const r = await get(who, `/api/v1/people/${id}`);
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toMatch(/6789|ssn|sealed/i);
      seen[who] = r.json();
    }
    const apps = (who: string) => seen[who]!.applications as { backgroundCheck?: string }[];
    expect(apps('safety')[0]!.backgroundCheck).toBe('flagged');
    for (const who of ['admin', 'registrar', 'coachAdmin']) {
      expect(apps(who)[0]!.backgroundCheck, who).toBeUndefined();
      expect(JSON.stringify(seen[who]!.compliance), who).not.toContain('BACKGROUND_FLAGGED');
      expect(JSON.stringify(seen[who]!.compliance), who).toContain('SCREENING');
    }
    expect(JSON.stringify(seen.safety!.compliance)).toContain('BACKGROUND_FLAGGED');
    expect(seen.coachAdmin!.mentoring).toEqual([expect.objectContaining({ date: '2026-09-10', kind: 'practice' })]);
    for (const who of ['admin', 'registrar', 'safety']) expect(seen[who]!.mentoring, who).toBeUndefined();
    expect(seen.registrar!.teams).toEqual([{ id: team.id, name: team.name, division: '8U', role: 'head-coach' }]);
    expect(seen.registrar!.rights).toMatchObject({ edit: true, grant: ['field-helper', 'youth-volunteer'] });
    expect(seen.registrar!.trainings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'safe-haven', state: 'not-started' })]));
    expect((await get('registrar', `/api/v1/people/${newId()}`)).statusCode).toBe(404);
  });
});

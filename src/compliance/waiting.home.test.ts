import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor, type TestActor } from '../testing/actors.js';
import { testDialects, type TestApp } from '../testing/harness.js';
import { adultBody, installTestKey, makeApplicant, openVolunteerApp, type Applicant } from '../volunteers/volunteers.testkit.js';
import { homeSummary } from './compliance.service.js';

/**
 * Issue #17: a coach role asked for on the application waits for the board's decision; until then
 * the person is an applicant, and their home page still says what the role is missing.
 */

const WAITING = "(waiting for the board's decision)";

describe.each(testDialects())('roles waiting for the board on the home summary (%s)', (dialect) => {
  let t: TestApp;
  let coachAdmin: TestActor;
  beforeAll(async () => {
    t = await openVolunteerApp(dialect);
    await installTestKey(t.deps);
    coachAdmin = await makeActor(t.deps, ['coach-administrator']);
  });
  afterAll(async () => t?.close());

  const headers = (who: { bearer: object }) => who.bearer as Record<string, string>;
  const homePage = async (who: Applicant) => (await t.app.inject({ method: 'GET', url: '/', headers: headers(who) })).body;
  const roles = async (who: Applicant) =>
    (await homeSummary(t.deps, who.id))?.summary.roles.map((r) => ({ role: `${r.role}/${r.division}`, waiting: r.waiting, missing: r.missing.map((m) => m.code) })) ?? null;

  async function applicant(asked: { role: string; division: string }[]): Promise<Applicant> {
    const a = await makeApplicant(t.deps, '1990-05-17');
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/people/${a.id}/applications`, headers: headers(a), payload: adultBody(a.name, { roles: asked }) });
    expect(r.statusCode).toBe(201);
    return a;
  }
  async function decide(a: Applicant, decision: 'grant' | 'decline') {
    const req = await t.deps.db.selectFrom('role_requests').select('id').where('person_id', '=', a.id).where('role', '=', 'head-coach').executeTakeFirstOrThrow();
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/role-requests/decisions',
      headers: headers(coachAdmin),
      payload: { decisions: [{ id: req.id, decision, ...(decision === 'decline' ? { reason: 'We have enough coaches this fall.' } : {}) }] },
    });
    expect(r.statusCode).toBe(200);
  }

  it('lists a waiting head-coach role with what it misses, marked as waiting, sorted with the grants; after the grant the same without the mark', async () => {
    const a = await applicant([
      { role: 'head-coach', division: '10U' },
      { role: 'field-helper', division: '8U' },
    ]);
    const before = await roles(a);
    expect(before?.map((r) => [r.role, r.waiting])).toEqual([
      ['field-helper/8U', false],
      ['head-coach/10U', true],
    ]);
    const headCoachMissing = before![1]!.missing;
    expect(headCoachMissing.length).toBeGreaterThan(0);
    const page = await homePage(a);
    expect(page).toContain(`Head coach, 10U ${WAITING}: still missing elements`);
    expect(page).toContain('Field helper, 8U: not certified yet');

    await decide(a, 'grant');
    expect(await roles(a)).toEqual(before!.map((r) => ({ ...r, waiting: false })));
    const after = await homePage(a);
    expect(after).toContain('Head coach, 10U: not certified yet');
    expect(after).not.toContain(WAITING);
  });

  it('drops a declined role: with nothing else asked for or held, no compliance card is left', async () => {
    const b = await applicant([{ role: 'head-coach', division: '12U' }]);
    expect((await roles(b))?.map((r) => [r.role, r.waiting, r.missing.length > 0])).toEqual([['head-coach/12U', true, true]]);
    expect(await homePage(b)).toContain(`Head coach, 12U ${WAITING}: still missing elements`);

    await decide(b, 'decline');
    expect(await roles(b)).toBeNull();
    expect(await homePage(b)).not.toContain('Head coach, 12U');
  });
});

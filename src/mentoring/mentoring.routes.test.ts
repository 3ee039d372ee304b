/**
 * Every mentoring route (pages and API, from app.routeTable) walked with every role: the declared
 * access holds, and an assessment is readable only by its coach, its mentor and the coach
 * administrator (200); everyone else gets 401/403/404 and never a byte of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../platform/roles.js';
import { decideAccess, DENIED_HEADER, type Auth } from '../platform/http/access.js';
import { openTestApp, type TestApp } from '../testing/harness.js';
import { recordAssessment } from './assessments/assessments.service.js';
import { groupSession, makeTeam, person, type Person } from './mentoring.testkit.js';
import { publishSessions } from './sessions/sessions.service.js';

const SECRET = 'Keeps every player moving';
const isMentoringRoute = (url: string) => url.startsWith('/mentoring') || url.startsWith('/api/v1/mentoring');

describe('mentoring routes with every role', () => {
  let t: TestApp;
  let assessmentId: string;
  let sessionId: string;
  const who = new Map<string, Person | null>();
  const allowed = new Set(['the coach', 'its mentor', 'coach-administrator']);

  beforeAll(async () => {
    t = await openTestApp('sqlite');
    who.set('anonymous', null);
    for (const role of ROLES) who.set(role, await person(t.deps, [role]));
    const coach = await person(t.deps, ['head-coach']);
    const mentor = await person(t.deps, ['mentor']);
    who.set('the coach', coach);
    who.set('its mentor', mentor);
    const team = await makeTeam(t.deps, '10U', [{ personId: coach.id }, { personId: who.get('assistant-coach')!.id, role: 'assistant-coach' }]);
    assessmentId = await recordAssessment(t.deps, mentor.viewer, {
      teamId: team.id,
      coachId: coach.id,
      kind: 'practice',
      date: '2026-09-14',
      ratings: { safety: 4 },
      strengths: SECRET,
      workOn: 'Water breaks',
      notes: '',
    });
    sessionId = (await publishSessions(t.deps, mentor.viewer, groupSession({ capacity: 30 })))[0]!.id;
  });
  afterAll(async () => t?.close());

  const routes = () => t.app.routeTable.filter((r) => isMentoringRoute(r.url) && r.method !== 'HEAD');
  const urlOf = (url: string) => url.replace(':id', url.includes('/assessments/') ? assessmentId : sessionId);
  const authOf = (p: Person | null) => (p ? ({ roles: p.viewer.roles.map((role) => ({ role: role as Role, seasonId: '', division: '' })) } as unknown as Auth) : null);
  const send = (method: string, url: string, p: Person | null, payload?: object) => t.app.inject({ method: method as 'GET', url, headers: p ? p.bearer : {}, payload });

  it('covers pages and API, each with declared access', () => {
    const list = routes().map((r) => `${r.method} ${r.url}`);
    expect(list).toEqual(
      expect.arrayContaining([
        'GET /mentoring',
        'GET /mentoring/sessions',
        'GET /mentoring/assessments/:id',
        'GET /mentoring/coverage',
        'GET /api/v1/mentoring/assessments/:id',
        'POST /api/v1/mentoring/sessions/:id/signup',
        'GET /api/v1/mentoring/coverage',
      ]),
    );
    for (const r of routes()) expect(r.access, `${r.method} ${r.url}`).not.toBe('public');
  });

  it('lets in exactly the declared roles', async () => {
    const problems: string[] = [];
    for (const r of routes()) {
      for (const [name, p] of who) {
        const expected = decideAccess(r.access, authOf(p));
        const res = await send(r.method, urlOf(r.url), p, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        const denied = res.headers[DENIED_HEADER];
        if (expected === 'allow' && denied) problems.push(`${r.method} ${r.url} refused ${name} (${res.statusCode})`);
        if (expected !== 'allow' && (!denied || ![401, 403, 303].includes(res.statusCode))) problems.push(`${r.method} ${r.url} let in ${name} (${res.statusCode})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers an assessment (page and API) only to its coach, its mentor and the coach administrator', async () => {
    const reads = routes().filter((r) => r.method === 'GET' && r.url.includes('/assessments/:id'));
    expect(reads.map((r) => r.url).sort()).toEqual(['/api/v1/mentoring/assessments/:id', '/mentoring/assessments/:id']);
    for (const r of reads) {
      for (const [name, p] of who) {
        const res = await send('GET', urlOf(r.url), p);
        if (allowed.has(name)) {
          expect(res.statusCode, `${name} on ${r.url}`).toBe(200);
          expect(res.body).toContain(SECRET);
        } else {
          expect([303, 401, 403, 404], `${name} on ${r.url}: ${res.statusCode}`).toContain(res.statusCode);
        }
      }
    }
  });

  it('never shows an assessment, or that it exists, on any mentoring page to anyone else', async () => {
    const leaks: string[] = [];
    for (const r of routes().filter((x) => x.method === 'GET')) {
      for (const [name, p] of who) {
        if (allowed.has(name)) continue;
        const res = await send('GET', urlOf(r.url), p);
        if (res.body.includes(SECRET) || res.body.includes(assessmentId) || String(res.headers.location ?? '').includes(SECRET))
          leaks.push(`${r.url} shows it to ${name} (${res.statusCode})`);
      }
    }
    expect(leaks).toEqual([]);
    for (const url of ['/mentoring/assessments', '/api/v1/mentoring/assessments']) {
      for (const name of allowed) expect((await send('GET', url, who.get(name)!)).body, `${name} on ${url}`).toContain(assessmentId);
    }
  });

  it('lets only the coach acknowledge, only the coach and the mentor write, and nobody else touch it', async () => {
    const posts = routes().filter((r) => r.method === 'POST' && r.url.includes('/assessments/:id/'));
    expect(posts).toHaveLength(4);
    const outcome = new Map<string, number[]>();
    for (const r of posts) {
      for (const [name, p] of who) {
        const res = await send('POST', urlOf(r.url), p, { body: `from ${name}` });
        outcome.set(`${r.url} ${name}`, [...(outcome.get(`${r.url} ${name}`) ?? []), res.statusCode]);
        const isAck = r.url.endsWith('/acknowledge');
        const ok = isAck ? name === 'the coach' : name === 'the coach' || name === 'its mentor';
        if (ok) expect([201, 204, 303], `${name} on ${r.url}`).toContain(res.statusCode);
        else if (allowed.has(name)) expect(res.statusCode, `${name} on ${r.url}`).toBe(403);
        else expect([401, 403, 404], `${name} on ${r.url}: ${res.statusCode}`).toContain(res.statusCode);
      }
    }
    const thread = await t.deps.db.selectFrom('mentoring_messages').select(['author_id', 'body']).where('assessment_id', '=', assessmentId).orderBy('seq').execute();
    expect(thread.map((m) => m.body)).toEqual(['from the coach', 'from its mentor', 'from the coach', 'from its mentor']);
  });
});

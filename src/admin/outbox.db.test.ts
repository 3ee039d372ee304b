import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor } from '../testing/actors.js';

describe.each(testDialects())('the outbox page (%s)', (dialect) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await openTestApp(dialect);
    const admin = await makeActor(t.deps, ['region-administrator']);
    cookie = (await browserSession(t.app, admin.email, admin.password)).cookie;
    for (let i = 0; i < 120; i++) {
      t.clock.advance(1000);
      await t.deps.mailer.queue(t.deps.db, {
        to: `person${i}@example.org`,
        subject: `Mail number ${String(i).padStart(3, '0')}`,
        text: 'Hello',
        kind: i === 7 ? 'needle-kind' : 'test',
      });
    }
    await t.deps.db.updateTable('outbox').set({ state: 'failed', error: '550 no such user', attempts: 6 }).where('to_address', '=', 'person42@example.org').execute();
  });
  afterAll(async () => t?.close());

  const get = async (query: string) => (await t.app.inject({ method: 'GET', url: `/admin/outbox${query}`, headers: { cookie } })).body;
  const subjects = (body: string) => [...body.matchAll(/<strong>(Mail number \d+)<\/strong>/g)].map((m) => m[1]!);

  it('pages through every mail, newest first, with the total', async () => {
    const first = await get('');
    expect(first).toContain('Mails 1 to 50 of 120');
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) seen.push(...subjects(await get(`?page=${page}`)));
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen[0]).toBe('Mail number 119');
    expect(await get('?page=3')).toContain('Mails 101 to 120 of 120');
    expect(subjects(await get('?page=4'))).toEqual([]);
  });

  it('finds mails by address, subject, kind and state', async () => {
    expect(subjects(await get('?q=PERSON11%40'))).toEqual(['Mail number 011']);
    expect(subjects(await get('?q=number+10'))).toHaveLength(10);
    expect(subjects(await get('?q=needle'))).toEqual(['Mail number 007']);
    const failed = await get('?state=failed');
    expect(subjects(failed)).toEqual(['Mail number 042']);
    expect(failed).toContain('550 no such user');
    expect(await get('?q=nobody-matches')).toContain('No mail matches.');
  });
});

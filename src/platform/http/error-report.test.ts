import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../../testing/harness.js';
import { errorForLog, newRequestId } from './error-report.js';

/** Fastify's log lines, parsed, as a pino destination stream receives them. */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, stream };
}

describe.each(testDialects())('a 500 on %s', (dialect) => {
  let t: TestApp;
  const log = logSink();
  beforeAll(async () => {
    t = await openTestApp(dialect, { logger: { level: 'info', stream: log.stream } });
    // The database goes away under the app: every query now fails with a plain error (a fault, not an outage).
    await t.deps.database.close();
  });
  afterAll(async () => t.app.close());

  const failures = () => log.lines.filter((l) => l.msg === 'request failed');

  it('is logged with its cause and the request id the JSON answer shows, and nothing that was sent', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'private.person@example.org', password: 'a secret password 123' } });
    expect(r.statusCode).toBe(500);
    const error = r.json().error;
    expect(error).toEqual({ code: 'INTERNAL', message: expect.stringContaining('Something went wrong'), requestId: expect.stringMatching(/^[a-z2-9]{10}$/) });
    const line = failures().find((l) => l.reqId === error.requestId);
    expect(line).toMatchObject({
      level: 50,
      code: 'INTERNAL',
      route: '/api/v1/session',
      error: { type: expect.any(String), message: expect.any(String), stack: expect.stringContaining('    at ') },
    });
    const all = JSON.stringify(log.lines);
    expect(all).not.toContain('private.person');
    expect(all).not.toContain('a secret password');
  });

  it('shows the request id on the error page and in an htmx fragment', async () => {
    const token = { authorization: 'Bearer tl_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' };
    const pageRes = await t.app.inject({ method: 'GET', url: '/profile', headers: token });
    expect(pageRes.statusCode).toBe(500);
    expect(pageRes.headers['content-type']).toContain('text/html');
    const id = /Quote this reference: ([a-z2-9]{10})/.exec(pageRes.body)?.[1];
    expect(id).toBeDefined();
    expect(failures().some((l) => l.reqId === id)).toBe(true);
    const frag = await t.app.inject({ method: 'GET', url: '/profile', headers: { ...token, 'hx-request': 'true' } });
    expect(frag.statusCode).toBe(500);
    expect(frag.body).not.toContain('<html');
    expect(frag.body).toMatch(/Quote this reference: [a-z2-9]{10}/);
    const notFound = await t.app.inject({ method: 'GET', url: '/nothing-here' });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.body).not.toContain('Quote this reference');
  });

  it('gives each request its own id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer tl_x' } })).json().error.requestId);
    expect(ids.size).toBe(20);
  });
});

describe('what a failure logs', () => {
  it('keeps the class, code, message and stack, and masks emails and SSN-like numbers', () => {
    const e = Object.assign(new Error('duplicate key for jane.doe@example.org and 123-45-6789'), { code: '23505', detail: 'Key (email)=(jane.doe@example.org) already exists.' });
    const logged = errorForLog(e);
    expect(logged).toMatchObject({ type: 'Error', code: '23505', message: 'duplicate key for [email] and [number]' });
    expect(logged.stack).toMatch(/^Error: duplicate key for \[email\] and \[number\]\n\s+at /);
    expect(JSON.stringify(logged)).not.toContain('jane.doe');
    expect(JSON.stringify(logged)).not.toContain('detail');
  });

  it('follows the cause and cuts a long message', () => {
    const logged = errorForLog(new Error('outer', { cause: new RangeError('x'.repeat(1000)) }));
    expect(logged.cause).toMatchObject({ type: 'RangeError' });
    expect(logged.cause!.message.length).toBeLessThan(310);
  });

  it('makes short ids a person can read out', () => {
    expect(newRequestId()).toMatch(/^[a-z2-9]{10}$/);
  });
});

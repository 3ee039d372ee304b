import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor, type TestActor } from '../../testing/actors.js';
import { openTestApp, type TestApp } from '../../testing/harness.js';
import { classify } from '../http/errors.js';
import { openDatabase, ping } from './database.js';
import { DatabaseUnavailableError } from './faults.js';
import { migrateToLatest } from './migrate.js';

/*
 * A PostgreSQL outage under load: the app runs on a database of its own (the other test files
 * share the database `test`, each in its schema, and must not lose their connections), whose
 * every backend is terminated while requests run, then refused for a while, then let back.
 */
const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('a PostgreSQL outage', { timeout: 120_000 }, () => {
  const name = `tl_blip_${randomBytes(5).toString('hex')}`;
  const at = (database: string) => {
    const u = new URL(url!);
    u.pathname = `/${database}`;
    return u.toString();
  };
  let admin: pg.Client;
  let t: TestApp;
  let actor: TestActor;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: at('postgres') });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const database = openDatabase({ url: at(name), poolSize: 6 });
    await migrateToLatest(database.db);
    t = await openTestApp('postgres', { database });
    actor = await makeActor(t.deps, ['head-coach']);
  });
  afterAll(async () => {
    await t?.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  const terminateAll = () => admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
  const backends = async () => (await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name])).rows[0]!.n;
  const me = () => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: actor.bearer });
  const health = () => t.app.inject({ method: 'GET', url: '/healthz' });

  /** Every answer is a normal one or 503 DATABASE_UNAVAILABLE: never a 500, never a crash. */
  function expectNormalOrUnavailable(answers: Awaited<ReturnType<typeof me>>[]) {
    for (const r of answers) {
      if (r.statusCode === 503) expect(r.json().error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', requestId: expect.any(String) });
      else expect(r.statusCode).toBe(200);
    }
  }

  /** The portal serves again by itself: a few answers may still meet a dropped connection, then all are normal. */
  async function expectServingAgain() {
    let ok = false;
    for (let i = 0; i < 20 && !ok; i++) {
      const r = await me();
      expectNormalOrUnavailable([r]);
      ok = r.statusCode === 200;
    }
    expect(ok).toBe(true);
    const after = await Promise.all(Array.from({ length: 30 }, () => me()));
    expect(after.map((r) => r.statusCode)).toEqual(after.map(() => 200));
    expect((await health()).statusCode).toBe(200);
  }

  it('lives through every backend being terminated during load, then answers normally', async () => {
    expect((await me()).statusCode).toBe(200);
    const answers: Awaited<ReturnType<typeof me>>[] = [];
    for (let round = 0; round < 5; round++) {
      const load = Array.from({ length: 40 }, () => me());
      await terminateAll();
      answers.push(...(await Promise.all(load)));
      // Connections left idle in the pool are dropped too, between requests.
      await terminateAll();
    }
    expect(answers).toHaveLength(200);
    expectNormalOrUnavailable(answers);
    await expectServingAgain();
  });

  it('answers 503 while the database refuses connections, and serves again once it is back', async () => {
    await admin.query(`alter database ${name} allow_connections false`);
    try {
      await terminateAll();
      while ((await backends()) > 0) await terminateAll();
      const down = await health();
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: 'database unreachable' });
      const api = await me();
      expect(api.statusCode).toBe(503);
      expect(api.headers['retry-after']).toBe('10');
      expect(api.json().error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining('Try again') });
      const page = await t.app.inject({ method: 'GET', url: '/profile', headers: actor.bearer });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('Quote this reference');
    } finally {
      await admin.query(`alter database ${name} allow_connections true`);
    }
    await expectServingAgain();
  });
});

describe.skipIf(!url)('a PostgreSQL host that does not answer', () => {
  let silent: Server;
  const held: Socket[] = [];
  beforeAll(async () => {
    // Accepts connections and never says a word, like a database host behind a dead route.
    silent = createServer((s) => void held.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const s of held) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('gives up after the connect timeout: a 503 answer, not a hang', async () => {
    const port = (silent.address() as { port: number }).port;
    const database = openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/none`, connectTimeoutMs: 200 });
    try {
      expect(await ping(database.db)).toBe(false);
      const e = await database.db
        .selectFrom('app_meta')
        .selectAll()
        .execute()
        .then(
          () => null,
          (x: unknown) => x,
        );
      expect(e).toBeInstanceOf(DatabaseUnavailableError);
      expect(classify(e)).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
    } finally {
      await database.close();
    }
  });
});

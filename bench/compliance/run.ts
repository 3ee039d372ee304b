/**
 * Compliance dashboard benchmark: the demo region scaled to 2,000 volunteers, measured, then grown
 * to 20,000 (an area's regions together) and measured again, in a temporary SQLite file and in a
 * temporary PostgreSQL schema. Each figure is the server time through app.inject, median and p95
 * over N runs, printed beside the issue's aims (#21):
 *   - a page of 50 of the JSON list under 100 ms at 20,000, and at most 3 times its cost at 2,000;
 *   - the filtered dashboard under 150 ms at 20,000;
 *   - the CSV of everyone under 1.5 s at 20,000 (streamed).
 * The dashboard's rows are kept between requests until something they depend on changes (a data
 * version the database bumps on every write); "after a write" rows measure the first request after
 * such a change, which reads and checks again only the people changed since, and "new day" rows the
 * first request of a day, which checks again the people with a completion that starts counting or
 * expires that day; no aim of the issue for either, shown for what they cost.
 *
 *   npx tsx bench/compliance/run.ts [runs=30] [volunteers=20000] [small=2000]
 *
 * PostgreSQL: TEST_DATABASE_URL, by default postgres://postgres@127.0.0.1:5432/test (set it empty
 * to measure SQLite alone).
 */
import { performance } from 'node:perf_hooks';
import { PostgresAdapter, sql } from 'kysely';
import { onEachDatabase } from '../databases.js';
import { buildApp } from '../../src/app.js';
import { features } from '../../src/features.js';
import { fixedClock, newId } from '../../src/platform/clock.js';
import type { Database } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import type { App, Deps } from '../../src/platform/feature.js';
import { Mailer } from '../../src/platform/mail.js';
import { ensureRegionConfig, getRegionConfig, seasonNow } from '../../src/region/index.js';
import { accountDeps, createApiToken } from '../../src/people/index.js';
import { testConfig } from '../../src/testing/harness.js';
import { complianceFeature } from '../../src/compliance/index.js';
import { generateRegion } from './generate.js';

const RUNS = Number(process.argv[2] ?? 30);
const LARGE = Number(process.argv[3] ?? 20000);
const SMALL = Number(process.argv[4] ?? 2000);
const NOW = '2026-09-15T17:00:00.000Z';
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';

interface Target {
  name: string;
  url: string;
  htmx?: boolean;
  /** p95 at the large size must stay under this many ms. */
  aim?: number;
  /** The large size's median must stay within this many times the small size's. */
  ratio?: number;
  /** Write something the rows depend on before each request (the first read after a change). */
  afterWrite?: boolean;
  /** Move the clock a day on before each request (completions that start counting or expire are checked again). */
  newDay?: boolean;
}

const TARGETS: Target[] = [
  { name: 'page of 50, JSON list', url: '/api/v1/compliance?page=3&pageSize=50', aim: 100, ratio: 3 },
  { name: 'page of 50, JSON list, filtered', url: '/api/v1/compliance?division=10U&status=missing&page=2&pageSize=50', aim: 100, ratio: 3 },
  { name: 'dashboard, 10U missing something', url: '/compliance?division=10U&status=missing', aim: 150 },
  { name: 'dashboard htmx filter, element 3', url: '/compliance?element=3', htmx: true, aim: 150 },
  { name: 'dashboard, name search, page 2', url: '/compliance?q=garcia&page=2', aim: 150 },
  { name: 'dashboard, all divisions', url: '/compliance', aim: 150 },
  { name: 'CSV of everyone (streamed)', url: '/compliance/export.csv', aim: 1500 },
  { name: 'page of 50, first read after a write', url: '/api/v1/compliance?page=3&pageSize=50', afterWrite: true },
  { name: 'page of 50, first read of a new day', url: '/api/v1/compliance?page=3&pageSize=50', newDay: true },
];

interface Figure {
  median: number;
  p95: number;
  bytes: number;
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
function stats(times: number[]): { median: number; p95: number } {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

/** A completion written for one volunteer (then removed again), so that the data version moves. */
async function touch(database: Database, personId: string, i: number): Promise<void> {
  const id = newId();
  await database.db
    .insertInto('completions')
    .values({
      id,
      person_id: personId,
      training: 'bench-touch',
      part: 'online',
      completed_on: '2026-09-01',
      source: 'online',
      certificate_no: `T${i}`,
      class_session_id: null,
      recorded_by: null,
      recorded_at: NOW,
    })
    .execute();
  await database.db.deleteFrom('completions').where('id', '=', id).execute();
}

/**
 * Brings the database to its steady state after a bulk write, as autovacuum and a day of use would:
 * statistics for the planner and, on PostgreSQL, the dead row versions cleared, so that the
 * measurements do not share the two cores with an autovacuum run set off by the generator.
 */
async function settle(database: Database): Promise<void> {
  const pg = database.db.getExecutor().adapter instanceof PostgresAdapter;
  await sql.raw(pg ? 'vacuum analyze' : 'analyze').execute(database.db);
}

async function measure(app: App, database: Database, clock: ReturnType<typeof fixedClock>, headers: Record<string, string>, t: Target, someone: string): Promise<Figure> {
  const h = { ...headers, ...(t.htmx ? { 'hx-request': 'true' } : {}) };
  const runs = t.afterWrite || t.newDay ? Math.max(5, Math.ceil(RUNS / 4)) : RUNS;
  for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: t.url, headers: h });
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    if (t.afterWrite) await touch(database, someone, i);
    if (t.newDay) clock.advance(24 * 3600 * 1000);
    const start = performance.now();
    const r = await app.inject({ method: 'GET', url: t.url, headers: h });
    times.push(performance.now() - start);
    if (r.statusCode !== 200) throw new Error(`${t.url} answered ${r.statusCode}: ${r.body.slice(0, 300)}`);
    bytes = r.rawPayload.length;
  }
  return { ...stats(times), bytes };
}

async function bench(label: string, database: Database, migrate: boolean): Promise<void> {
  const clock = fixedClock(NOW);
  if (migrate) await migrateToLatest(database.db);
  await ensureRegionConfig(database.db, clock);
  const season = seasonNow(await getRegionConfig(database.db), clock)!.season.id;
  const config = testConfig();
  const deps: Deps = { database, db: database.db, clock, mailer: new Mailer(clock, config.mailFrom, null), config };
  const names = new Set(features.map((f) => f.name));
  const app = await buildApp(deps, { features: [...features, ...(names.has(complianceFeature.name) ? [] : [complianceFeature])] });
  const results = new Map<number, Figure[]>();
  let headers: Record<string, string> = {};
  console.log(`\n${label}`);
  for (const [size, from, seed] of [
    [SMALL, 0, 1],
    [LARGE, SMALL, 2],
  ] as const) {
    const t0 = performance.now();
    const g = await generateRegion(database.db, size - from, season, seed, from);
    const generated = performance.now() - t0;
    await settle(database);
    if (from === 0) {
      const admin = await database.db.selectFrom('people').select('id').where('email', '=', g.adminEmail).executeTakeFirstOrThrow();
      headers = { authorization: `Bearer ${(await createApiToken(accountDeps(deps), admin.id, 'bench')).token}` };
    }
    const count = async (table: 'role_grants' | 'applications' | 'completions') =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    console.log(
      `  ${size} volunteers: ${await count('role_grants')} role grants, ${await count('applications')} applications, ${await count('completions')} completions (${size - from} written in ${ms(generated)})`,
    );
    const someone = (await database.db.selectFrom('people').select('id').where('email', '=', 'v1@bench.touchline.invalid').executeTakeFirstOrThrow()).id;
    const figures: Figure[] = [];
    for (const t of TARGETS) figures.push(await measure(app, database, clock, headers, t, someone));
    clock.set(NOW);
    results.set(size, figures);
  }
  await app.close();
  print(results.get(SMALL)!, results.get(LARGE)!);
}

function print(small: Figure[], large: Figure[]): void {
  const col = (f: Figure) => `${ms(f.median).padStart(9)} ${ms(f.p95).padStart(9)}`;
  console.log(`  ${''.padEnd(38)} ${`at ${SMALL}: median, p95`.padEnd(20)}  ${`at ${LARGE}: median, p95`.padEnd(20)}  ${'size'.padStart(8)}   aim at ${LARGE}`);
  TARGETS.forEach((t, i) => {
    const s = small[i]!;
    const l = large[i]!;
    const aims: string[] = [];
    if (t.aim) aims.push(`p95 < ${t.aim} ms: ${l.p95 < t.aim ? 'met' : 'NOT met'}`);
    if (t.ratio) {
      const r = l.median / s.median;
      aims.push(`<= ${t.ratio}x the cost at ${SMALL}: ${r.toFixed(2)}x, ${r <= t.ratio ? 'met' : 'NOT met'}`);
    }
    console.log(`  ${t.name.padEnd(38)} ${col(s)}  ${col(l)}  ${`${(l.bytes / 1024).toFixed(0)} KB`.padStart(8)}   ${aims.join('; ') || '(no aim)'}`);
  });
}

await onEachDatabase(bench);

/**
 * Compliance dashboard benchmark: the demo region scaled to 2,000 volunteers in a temporary SQLite
 * file (and in a temporary PostgreSQL schema when TEST_DATABASE_URL is set), then the server time
 * of the whole dashboard page, its CSV export, a filtered page and the JSON list, as median and
 * p95 over N runs through app.inject (the aim: under 100 ms).
 *
 *   npx tsx bench/compliance/run.ts [runs=40] [volunteers=2000]
 */
import { onEachDatabase } from '../databases.js';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../src/app.js';
import { features } from '../../src/features.js';
import { fixedClock } from '../../src/platform/clock.js';
import type { Database } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/feature.js';
import { Mailer } from '../../src/platform/mail.js';
import { ensureRegionConfig, getRegionConfig, seasonNow } from '../../src/region/index.js';
import { accountDeps, createApiToken } from '../../src/people/index.js';
import { testConfig } from '../../src/testing/harness.js';
import { complianceFeature } from '../../src/compliance/index.js';
import { generateRegion } from './generate.js';

const RUNS = Number(process.argv[2] ?? 40);
const VOLUNTEERS = Number(process.argv[3] ?? 2000);
const NOW = '2026-09-15T17:00:00.000Z';

const ms = (v: number) => `${v.toFixed(1)} ms`;
function stats(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function bench(label: string, database: Database, migrate = true): Promise<void> {
  const clock = fixedClock(NOW);
  if (migrate) await migrateToLatest(database.db);
  await ensureRegionConfig(database.db, clock);
  const season = seasonNow(await getRegionConfig(database.db), clock)!.season.id;
  const t0 = performance.now();
  const g = await generateRegion(database.db, VOLUNTEERS, season);
  const generated = performance.now() - t0;
  const config = testConfig();
  const deps: Deps = { database, db: database.db, clock, mailer: new Mailer(clock, config.mailFrom, null), config };
  const admin = await database.db.selectFrom('people').select('id').where('email', '=', g.adminEmail).executeTakeFirstOrThrow();
  const { token } = await createApiToken(accountDeps(deps), admin.id, 'bench');
  const names = new Set(features.map((f) => f.name));
  const app = await buildApp(deps, { features: [...features, ...(names.has(complianceFeature.name) ? [] : [complianceFeature])] });
  const headers = { authorization: `Bearer ${token}` };
  console.log(`\n${label}: ${g.volunteers} volunteers, ${g.grants} division roles, ${g.applications} applications, ${g.completions} completions (generated in ${ms(generated)})`);
  const targets = [
    ['dashboard page, all divisions', '/compliance'],
    ['CSV export, all divisions', '/compliance/export.csv'],
    ['dashboard page, 10U missing something', '/compliance?division=10U&status=missing'],
    ['htmx filter (results only), element 3', '/compliance?element=3'],
    ['JSON list /api/v1/compliance', '/api/v1/compliance'],
  ] as const;
  for (const [name, url] of targets) {
    const extra = url.includes('element=3') ? { 'hx-request': 'true' } : {};
    let bytes = 0;
    for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url, headers: { ...headers, ...extra } });
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const c0 = process.cpuUsage();
      const r = await app.inject({ method: 'GET', url, headers: { ...headers, ...extra } });
      const c1 = process.cpuUsage(c0);
      times.push(performance.now() - start);
      cpu.push((c1.user + c1.system) / 1000);
      if (r.statusCode !== 200) throw new Error(`${url} answered ${r.statusCode}: ${r.body.slice(0, 300)}`);
      bytes = r.rawPayload.length;
    }
    const s = stats(times);
    const c = stats(cpu);
    console.log(
      `  ${name.padEnd(40)} median ${ms(s.median).padStart(9)}   p95 ${ms(s.p95).padStart(9)}   (node CPU: median ${ms(c.median).padStart(8)}, p95 ${ms(c.p95).padStart(8)})   ${(bytes / 1024).toFixed(0)} KB${s.p95 < 100 ? '' : '   over the 100 ms aim'}`,
    );
  }
  await app.close();
}

await onEachDatabase(bench);

// bench/pages: with the demo region loaded, the server time of the home, field list and audit
// pages (median and 95th percentile over many requests) and the bytes a browser receives for each
// (HTML + CSS + JS, compressed). Run: npx tsx bench/pages/run.ts [--runs N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../src/app.js';
import { openRuntime } from '../../src/runtime.js';
import { testConfig } from '../../src/testing/harness.js';
import { fillDemo } from '../../src/demo/demo.js';
import { editRegionConfig } from '../../src/region/region.testkit.js';
import { browserSession } from '../../src/testing/actors.js';
import { kb, ms, summarize } from '../stats.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 300;
const dir = mkdtempSync(join(tmpdir(), 'touchline-bench-'));
const deps = await openRuntime(testConfig({ sqliteFile: join(dir, 'bench.db') }));
console.log((await fillDemo(deps, { seed: 1, password: 'bench password' })).split('\n')[1]);
// A season's worth of board changes, so the audit page has a full page to show.
for (let i = 0; i < 120; i++) {
  await editRegionConfig(deps.db, deps.clock, { id: null, name: 'bench' }, null, 'region.field.update', (c) => {
    c.fields[i % c.fields.length]!.capacity = 1 + (i % 4);
  });
}
const app = await buildApp(deps);
const s = await browserSession(app, 'admin@demo.touchline.invalid', 'bench password');
const headers = { cookie: s.cookie, 'accept-encoding': 'br, gzip' };

const assetBytes = async (url: string) => (await app.inject({ method: 'GET', url, headers })).rawPayload.length;
const css = await assetBytes('/assets/app.css');
const js = await assetBytes('/assets/htmx.min.js');

console.log(`\nServer time over ${runs} requests each (app.inject, SQLite, demo region), and compressed bytes a first visit receives:`);
console.log('page              median     p95        HTML       +CSS+JS');
for (const [name, url] of [
  ['home', '/'],
  ['field list', '/admin/region'],
  ['audit', '/admin/audit'],
] as const) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 20; i++) {
    const t0 = performance.now();
    const r = await app.inject({ method: 'GET', url, headers });
    const dt = performance.now() - t0;
    if (r.statusCode !== 200) throw new Error(`${url} answered ${r.statusCode}`);
    if (i >= 20) times.push(dt);
    bytes = r.rawPayload.length;
  }
  const st = summarize(times);
  console.log(`${name.padEnd(17)} ${ms(st.median).padEnd(10)} ${ms(st.p95).padEnd(10)} ${kb(bytes).padEnd(10)} ${kb(bytes + css + js)}`);
}
console.log(`(CSS ${kb(css)}, htmx ${kb(js)} compressed; both cached by the browser after the first page)`);
await app.close();
await deps.database.close();
rmSync(dir, { recursive: true, force: true });

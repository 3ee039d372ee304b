/**
 * bench/rush: the practice sign-up rush. A generated region of 300+ teams, every coach logged in
 * through the API first, the app in its own process on a loopback port. In the minute before the
 * opening every coach loads the team's slots and clicks too early (refused: SIGNUP_CLOSED); then
 * the server's clock reaches the opening and every team books its weekly allotment at once over
 * real HTTP (node:http keep-alive client, at most --concurrency requests in flight), popular
 * slots first so that many collide. Prints throughput, median and
 * 99th-percentile latency, the server's CPU per request, the invariants checked on the database
 * afterwards, and the raw rate of one-row write transactions the same database reaches on this
 * machine (and the rush's fraction of it).
 *
 *   npx tsx bench/rush/run.ts [--db sqlite|postgres] [--teams 320] [--concurrency 200] [--pool 10] [--overlap on|off]
 *
 * With --overlap on (the default) Tuesday and Thursday evenings are open to every division, so
 * 60- and 90-minute slots overlap on each field and share its places: every booking there is checked
 * against the field's count at every moment of its time. --overlap off keeps each window to one length.
 *
 * PostgreSQL: TEST_DATABASE_URL or DATABASE_URL; the bench works in a database (or schema) of its
 * own, dropped after. RUSH_PROFILE=dir writes a V8 CPU profile of the server's timed part there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRegionConfig } from '../../src/region/index.js';
import { bookingViolations } from '../../src/practice/index.js';
import { listSlots } from '../../src/practice/index.js';
import { seasonBookingRows } from '../../src/practice/index.js';
import { fieldOverloads, fieldPeaks, overlappingSlots } from '../../src/practice/practice.testkit.js';
import { ms, summarize } from '../stats.js';
import { benchDeps, createPlace, generateRegion, openTarget, OPENS, SEASON, type DbTarget, type Region } from './setup.js';
import { rawWriteRate } from './raw.js';
import { jsonClient } from './http.js';
import { startServer, type Usage } from './server-control.js';
import { countdown, floor, logIn, preferences, rush, type Outcome } from './coaches.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const kind = arg('db', 'sqlite') as 'sqlite' | 'postgres';
const TEAMS = Math.max(300, Number(arg('teams', '320')));
const CONCURRENCY = Math.max(200, Number(arg('concurrency', '200')));
const POOL = Number(arg('pool', '10'));
const OVERLAP = arg('overlap', 'on') !== 'off';
const RUSH = { concurrency: CONCURRENCY, deadlineMs: 120_000, maxAttempts: 40 };

async function prepare(): Promise<{ target: DbTarget; region: Region; cleanup: () => Promise<void> }> {
  let target: DbTarget;
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!url) throw new Error('Set TEST_DATABASE_URL or DATABASE_URL (postgres://…) to run the rush on PostgreSQL.');
    const place = await createPlace(url);
    target = { kind, url: place.url, ...(place.schema ? { schema: place.schema } : {}), poolSize: POOL };
    cleanup = place.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'touchline-rush-'));
    target = { kind, file: join(dir, 'rush.db') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const database = openTarget(target);
  try {
    return { target, region: await generateRegion(benchDeps(database), TEAMS, OVERLAP), cleanup };
  } finally {
    await database.close();
  }
}

async function verify(target: DbTarget, o: Outcome, region: Region) {
  const database = openTarget(target);
  try {
    const config = await getRegionConfig(database.db);
    const [rows, slots] = await Promise.all([seasonBookingRows(database.db, SEASON), listSlots(database.db, SEASON)]);
    const violations = bookingViolations({ bookings: rows, slots, teams: region.teams, divisions: config.divisions, fields: config.fields });
    // The per-moment count: the busiest moment of each slot's time on its field, against the field's capacity.
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.slotId, (counts.get(r.slotId) ?? 0) + 1);
    const peaks = fieldPeaks(slots, counts);
    const capacity = new Map(config.fields.map((f) => [f.id, f.capacity]));
    const shared = new Set(
      overlappingSlots(slots)
        .flat()
        .map((s) => s.id),
    );
    const moments = {
      shared: shared.size,
      sharedAtCapacity: slots.filter((s) => shared.has(s.id) && peaks.get(s.id)! >= capacity.get(s.fieldId)!).length,
      overloads: fieldOverloads(slots, counts, config.fields).length,
    };
    const ids = new Set(rows.map((r) => r.id));
    const perWeek = new Map(config.divisions.map((d) => [d.code, d.practice.perWeek]));
    const held = new Map<string, number>();
    for (const r of rows) held.set(r.teamId, (held.get(r.teamId) ?? 0) + 1);
    const complete = region.teams.filter((t) => (held.get(t.id) ?? 0) === perWeek.get(t.division)).length;
    return { violations, moments, lost: o.created.filter((c) => !ids.has(c.id)), extra: rows.length - o.created.length, complete };
  } finally {
    await database.close();
  }
}

/** Logs everyone in, then times the rush; answers what the coaches saw and what the server spent. */
async function measure(target: DbTarget, region: Region): Promise<{ outcome: Outcome; usage: Usage; floorMs: number }> {
  const database = openTarget(target);
  const config = await getRegionConfig(database.db).finally(() => database.close());
  const server = await startServer(target);
  const http = jsonClient(server.base, CONCURRENCY);
  let outcome: Outcome;
  let floorMs = 0;
  try {
    const tokens = await logIn(http, region);
    const prefs = await preferences(http, region, tokens);
    console.log(`${tokens.size} coaches logged in through POST /api/v1/session (before the timed part).`);
    const early = await countdown(http, region, tokens, prefs, CONCURRENCY);
    floorMs = await floor(http, tokens, server, CONCURRENCY);
    console.log(`The minute before the opening: every coach loaded the team's slots and clicked too early, twice (${early} requests; every click refused with SIGNUP_CLOSED).`);
    await server.open(OPENS);
    await server.mark();
    outcome = await rush(http, region, tokens, prefs, config, RUSH);
  } finally {
    http.close();
  }
  return { outcome, usage: await server.stop(), floorMs };
}

const fmt = (n: number) => n.toFixed(0);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const { target, region, cleanup } = await prepare();
try {
  console.log(`Machine: ${cpus().length} CPUs, load average ${load()} at the start (other work on the machine slows every figure).`);
  console.log(
    `Rush on ${kind === 'postgres' ? `PostgreSQL (pool ${POOL})` : 'SQLite (WAL, one connection)'}: ${region.teams.length} teams, ${region.coaches} coaches, ${region.slots} weekly slots with ${region.places} places; ${region.overlapping} pairs of slots overlap on a field and share its places.`,
  );
  const { outcome, usage, floorMs } = await measure(target, region);
  const lat = summarize(outcome.latencies);
  const rate = (outcome.latencies.length / outcome.elapsed) * 1000;
  const bookRate = (outcome.created.length / outcome.elapsed) * 1000;
  const perRequest = usage.cpuMs / Math.max(1, usage.bookings);
  console.log(`\nBooking rush over HTTP (${CONCURRENCY} in flight at most, peak ${outcome.peak}): ${outcome.latencies.length} requests in ${ms(outcome.elapsed)}`);
  console.log(`  throughput      ${fmt(rate)} requests/s, ${fmt(bookRate)} bookings/s`);
  console.log(`  latency         median ${ms(lat.median)}, p95 ${ms(lat.p95)}, p99 ${ms(lat.p99)}`);
  console.log(
    `  server CPU      ${perRequest.toFixed(2)} ms per booking request, ${(usage.systemMs / Math.max(1, usage.bookings)).toFixed(2)} of it in the kernel (one server process tops out near ${fmt(1000 / perRequest)} requests/s); an authenticated GET /api/v1/practice/signup costs ${floorMs.toFixed(2)} ms`,
  );
  console.log(
    `  answers         ${[...outcome.statuses]
      .sort()
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}`,
  );
  const v = await verify(target, outcome, region);
  console.log(`\nInvariants on the database afterwards:`);
  console.log(
    `  over-booked slots, fields over capacity at some moment, teams over allotment, double or same-day bookings: ${v.violations.length}${
      v.violations.length
        ? ` (${v.violations
            .slice(0, 5)
            .map((x) => x.message)
            .join('; ')})`
        : ''
    }`,
  );
  console.log(
    `  per-moment field count: ${v.moments.overloads} field-days over capacity at any moment; of the ${v.moments.shared} slots sharing a field with an overlapping one, ${v.moments.sharedAtCapacity} end with their field full at some moment of their time`,
  );
  console.log(`  201 answers missing from the database: ${v.lost.length}; rows without a 201: ${v.extra}`);
  console.log(`  teams with their whole allotment: ${v.complete} of ${region.teams.length}`);
  const raw = await rawWriteRate(target, CONCURRENCY);
  const best = Math.max(raw.sequential, raw.concurrent);
  console.log(`\nRaw one-row write transactions through Kysely on the same database: ${fmt(raw.sequential)}/s sequential, ${fmt(raw.concurrent)}/s with ${raw.inFlight} in flight`);
  console.log(`  rush as a fraction of the database's best: requests ${(rate / best).toFixed(2)}, committed bookings ${(bookRate / best).toFixed(2)}`);
  console.log(`Load average at the end: ${load()}.`);
  const ok = v.violations.length === 0 && v.lost.length === 0 && v.extra === 0;
  console.log(
    `\nAims: zero violations ${ok ? 'met' : 'MISSED'}; p99 under 250 ms ${lat.p99 < 250 ? 'met' : 'missed'}; at least half the database's write rate ${rate / best >= 0.5 ? 'met' : 'missed'}.`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await cleanup();
}

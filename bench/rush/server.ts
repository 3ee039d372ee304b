/**
 * bench/rush: the application in its own process (as in production), on the bench database,
 * listening on a loopback port. Started by run.ts through fork(): reports its port; on "mark" it
 * reports the CPU time and requests counted so far and starts counting again; on { open: instant }
 * its clock moves to that instant (the sign-up opens); on "stop" it reports and exits.
 * RUSH_PROFILE=dir writes a V8 CPU profile of the timed part alone (from the opening to the stop).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { buildApp } from '../../src/app.js';
import { benchDeps, openTarget, type DbTarget } from './setup.js';
import type { Usage } from './server-control.js';

const target = JSON.parse(process.argv[2] ?? '{}') as DbTarget;
const database = openTarget(target);
const deps = benchDeps(database);
const app = await buildApp(deps, { logger: false });
let bookings = 0;
let requests = 0;
let cpu = process.cpuUsage();
app.server.on('request', (req: IncomingMessage) => {
  requests++;
  if (req.method === 'POST' && req.url === '/api/v1/practice/bookings') bookings++;
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send!({ port: typeof address === 'object' && address ? address.port : 0 });

const profileDir = process.env.RUSH_PROFILE;
const inspector = new Session();
const post = (method: string, params?: object) => new Promise<any>((resolve, reject) => inspector.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));

process.on('message', async (m: unknown) => {
  if (typeof m === 'object' && m && 'open' in m) {
    deps.clock.set(String((m as { open: string }).open));
    if (profileDir) {
      inspector.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
    }
    process.send!({ opened: true });
    return;
  }
  const used = process.cpuUsage(cpu);
  process.send!({ cpuMs: (used.user + used.system) / 1000, systemMs: used.system / 1000, bookings, requests } satisfies Usage);
  bookings = 0;
  requests = 0;
  cpu = process.cpuUsage();
  if (m !== 'stop') return;
  if (profileDir) {
    const { profile } = await post('Profiler.stop');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, `rush-${process.pid}.cpuprofile`), JSON.stringify(profile));
  }
  await app.close();
  await database.close();
  process.exit(0);
});

/**
 * bench/rush: the application in its own process (as in production), on the bench database,
 * listening on a loopback port. Started by run.ts through fork(): reports its port; on "mark" it
 * reports the CPU time and requests counted so far and starts counting again; on { open: instant }
 * its clock moves to that instant (the sign-up opens); on "stop" it reports and exits.
 */
import type { IncomingMessage } from 'node:http';
import { buildApp } from '../../src/app.js';
import { withPractice } from '../../src/practice/practice.fixtures.js';
import { benchDeps, openTarget, type DbTarget } from './setup.js';

const target = JSON.parse(process.argv[2] ?? '{}') as DbTarget;
const database = openTarget(target);
const deps = benchDeps(database);
const app = await buildApp(deps, { features: withPractice(), logger: false });
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

/** Sends the CPU time and requests since the last report, and starts counting again. */
function report(): void {
  const used = process.cpuUsage(cpu);
  process.send!({ cpuMs: (used.user + used.system) / 1000, systemMs: used.system / 1000, bookings, requests });
  bookings = 0;
  requests = 0;
  cpu = process.cpuUsage();
}

process.on('message', async (m: unknown) => {
  if (typeof m === 'object' && m && 'open' in m) {
    deps.clock.set(String((m as { open: string }).open));
    process.send!({ opened: true });
    return;
  }
  report();
  if (m !== 'stop') return;
  await app.close();
  await database.close();
  process.exit(0);
});

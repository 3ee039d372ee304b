// Cold start: from `npm start` to the first answered request (/healthz 200), on a fresh SQLite file
// (migrations and defaults applied) and again on the existing file. Run: npx tsx bench/cold-start.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = mkdtempSync(join(tmpdir(), 'touchline-cold-'));
const port = 3900 + Math.floor(Math.random() * 50);

async function once(label: string): Promise<void> {
  const t0 = performance.now();
  const child = spawn('npm', ['start'], { env: { ...process.env, PORT: String(port), TOUCHLINE_DB: join(dir, 'cold.db'), LOG_LEVEL: 'warn' }, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (r.status === 200) break;
      } catch {
        // not listening yet
      }
      if (performance.now() - t0 > 60_000) throw new Error('no answer within 60 s');
      await new Promise((r) => setTimeout(r, 10));
    }
    console.log(`${label.padEnd(40)} ${(performance.now() - t0).toFixed(0)} ms`);
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

await once('first start (new database file)');
for (let i = 1; i <= 3; i++) await once(`start ${i + 1} (existing database)`);
rmSync(dir, { recursive: true, force: true });

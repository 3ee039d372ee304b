import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'touchline-restore-'));
const dbFile = join(dir, 'region.db');
const env = (extra: Record<string, string> = {}) => ({ ...process.env, TOUCHLINE_DB: dbFile, DATABASE_URL: '', LOG_LEVEL: 'silent', ...extra });

function touchline(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/touchline.js', ...args], { env: env(), encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A free TCP port for the portal (PORT must be 1-65535). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** Starts `touchline serve` and resolves once it says it is running. */
async function startPortal(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/touchline.js', 'serve'], { env: env({ PORT: String(await freePort()), HOST: '127.0.0.1' }), stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('Touchline is running')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the portal stopped (${code}): ${out}`)));
  });
  return child;
}

const stopped = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));

const people = (email: string) => {
  const db = new SQLite(dbFile, { readonly: true });
  try {
    return db.prepare('select id from people where email = ?').all(email).length;
  } finally {
    db.close();
  }
};

describe('touchline restore while a portal runs', { timeout: 120_000 }, () => {
  const backup = join(dir, 'backup.db');
  let portal: ChildProcess | null = null;
  beforeAll(() => {
    expect(touchline(['migrate']).code).toBe(0);
    expect(touchline(['backup', backup]).code).toBe(0);
    expect(touchline(['admin', 'create', '--email', 'after.backup@example.org', '--password', 'a long password']).code).toBe(0);
  });
  afterAll(async () => {
    if (portal) {
      portal.kill('SIGKILL');
      await stopped(portal);
    }
  });

  it('is refused with what to do, and changes nothing', async () => {
    portal = await startPortal();
    const r = touchline(['restore', backup]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('stop the portal first');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(people('after.backup@example.org')).toBe(1);
  });

  it('goes ahead once the portal is gone, even one killed without a chance to clean up', async () => {
    portal!.kill('SIGKILL');
    await stopped(portal!);
    portal = null;
    const r = touchline(['restore', backup]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(people('after.backup@example.org')).toBe(0);
  });
});

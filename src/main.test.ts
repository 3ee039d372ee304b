import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { testConfig } from './testing/harness.js';
import { serve } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'touchline-serve-'));

/** Starts the real server on a free port, collects what it prints, and stops it again. */
async function startAndRead(over: Parameters<typeof testConfig>[0]) {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const signals = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const stop = await serve(testConfig({ sqliteFile: join(dir, `serve-${Math.random().toString(36).slice(2)}.db`), port: 0, ...over }));
  await stop();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) for (const l of process.listeners(sig)) if (!signals[sig].includes(l)) process.removeListener(sig, l);
  return warn.mock.calls.map((c) => String(c[0])).join('\n');
}

describe('starting the portal', { timeout: 60_000 }, () => {
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('warns when the public address is localhost but the portal listens beyond this machine, naming the variable and what it affects', async () => {
    const printed = await startAndRead({ host: '0.0.0.0', baseUrl: 'http://localhost:3000' });
    expect(printed).toContain('Warning: the public address is http://localhost:3000');
    expect(printed).toContain('Set TOUCHLINE_BASE_URL');
    expect(printed).toContain('Links in mails, QR codes on badges and calendar feeds');
  });

  it('says nothing about the address when it is public, or when only this machine can reach the portal', async () => {
    expect(await startAndRead({ host: '0.0.0.0', baseUrl: 'https://coaches.region92.org' })).not.toContain('public address');
    expect(await startAndRead({ host: '127.0.0.1', baseUrl: 'http://localhost:3000' })).not.toContain('public address');
  });
});

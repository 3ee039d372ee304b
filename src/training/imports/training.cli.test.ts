import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openRuntime } from '../../runtime.js';
import { accountDeps, createPerson } from '../../people/index.js';
import { UsageError } from '../../platform/usage.js';
import { fixedClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { TEST_NOW, testConfig } from '../../testing/harness.js';
import { registerTrainingCommands } from './training.cli.js';

const dir = mkdtempSync(join(tmpdir(), 'touchline-training-cli-'));
const config = () => testConfig({ sqliteFile: join(dir, 'region.db') });
const sample = new URL('./fixtures/legacy-certifications.csv', import.meta.url).pathname;

/** Runs `touchline import certifications …` in process; answers what it printed. */
async function run(args: string[]): Promise<string> {
  const program = new Command('touchline').exitOverride();
  program.command('import').description('shared group').command('players <file>');
  registerTrainingCommands(program, () => openRuntime(config(), fixedClock(TEST_NOW)));
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  try {
    await program.parseAsync(['node', 'touchline', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out.join('');
}

describe('touchline import certifications', () => {
  beforeAll(async () => {
    const deps = await openRuntime(config(), fixedClock(TEST_NOW));
    await createPerson(accountDeps(deps), { firstName: 'Leo', lastName: 'Kim', email: 'coach6@example.org' }, null);
    await createPerson(accountDeps(deps), { firstName: 'Chloe', lastName: 'PARK', email: 'chloe@elsewhere.example.org', birthDate: '1984-06-25' }, null);
    await deps.database.close();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the file, lists every line that did not land, and adds nothing the second time', async () => {
    const first = await run(['import', 'certifications', sample]);
    expect(first.split('\n')[0]).toBe('Imported legacy-certifications.csv: 30 lines: 2 added, 0 already present, 23 unmatched, 4 unknown training, 1 with other problems.');
    expect(first).toContain('Unmatched (no person found):\n  line 2: Nobody matches Lucía Park');
    expect(first).toContain('Unknown training:\n  line 19: Certification "Regional Referee"');
    expect(first).toContain('Other problems:\n  line 20: Completed 10/16/2026 is after today (2026-09-15)');
    const second = await run(['import', 'certifications', sample]);
    expect(second.split('\n')[0]).toContain('0 added, 2 already present');
    const deps = await openRuntime(config());
    const n = await deps.db
      .selectFrom('completions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await deps.database.close();
    expect(Number(n.n)).toBe(4);
  });

  it('refuses a missing file and a file that is not the legacy export', async () => {
    await expect(run(['import', 'certifications', join(dir, 'nope.csv')])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['import', 'certifications', new URL('./legacy-import.rules.ts', import.meta.url).pathname])).rejects.toBeInstanceOf(AppError);
  });
});

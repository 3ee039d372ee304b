import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { openRuntime } from '../../runtime.js';
import { testConfig, TEST_NOW } from '../../testing/harness.js';
import { makeActor } from '../../testing/actors.js';
import { giveRole } from '../compliance.testkit.js';
import { WEEKLY_REMINDER } from '../../platform/notify/catalog.js';
import { registerReminderCommands } from './reminders.cli.js';
import { setWeekly } from '../../notifications/notifications.testkit.js';

describe('touchline notify weekly', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it('says when reminders are off, sends them once when on, and nothing on a rerun', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'touchline-notify-'));
    dirs.push(dir);
    const config = testConfig({ sqliteFile: join(dir, 'db.sqlite') });
    const clock = fixedClock(TEST_NOW);
    const deps = await openRuntime(config, clock);
    const coach = await makeActor(deps);
    await giveRole(deps.db, coach.id, 'head-coach', '2026-fall', '10U');
    const run = async () => {
      const out: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
      const program = new Command('touchline').exitOverride();
      registerReminderCommands(program, () => openRuntime(config, clock));
      await program.parseAsync(['node', 'touchline', 'notify', 'weekly']);
      vi.restoreAllMocks();
      return out.join('\n');
    };
    try {
      expect(await run()).toContain('switched off');
      await setWeekly(deps, { id: null, name: 'test' }, true);
      expect(await run()).toContain('1 reminder sent now, 0 already sent this week');
      expect(await run()).toContain('0 reminders sent now, 1 already sent this week');
      expect(await deps.db.selectFrom('outbox').select('to_address').where('kind', '=', WEEKLY_REMINDER).execute()).toEqual([{ to_address: coach.email }]);
    } finally {
      await deps.database.close();
    }
  });
});

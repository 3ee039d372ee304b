import { seededRandom } from '../platform/clock.js';
import type { Deps } from '../platform/feature.js';
import { DEMO_DOMAIN, type DemoContext, type DemoStep } from '../platform/demo.js';
import { hashPassword, passwordProblem } from '../platform/passwords.js';
import { getRegionConfig, seasonNow } from '../region/index.js';
import { UsageError } from '../platform/usage.js';
import { anyoneAtDomain } from '../people/index.js';
import { demoPeople } from './demo.people.js';
import { demoMentoring } from '../mentoring/index.js';
import { demoGames } from '../gamecards/index.js';
import { demoPractice } from '../practice/index.js';
import { demoTeams } from '../teams/index.js';

export interface DemoOptions {
  seed: number;
  password: string;
}

/** The steps in order; later capabilities append theirs (players, teams, slots, games). */
export const demoSteps: DemoStep[] = [demoPeople, demoTeams, demoPractice, demoGames, demoMentoring];

/** Fills an empty region; refuses when demo people are already there. Answers a printable summary. */
export async function fillDemo(deps: Deps, o: DemoOptions): Promise<string> {
  const problem = passwordProblem(o.password);
  if (problem) throw new UsageError(`--password: ${problem}`);
  if (await anyoneAtDomain(deps.db, DEMO_DOMAIN)) throw new UsageError('This database already holds the demo. Use a new TOUCHLINE_DB file to make another.');
  const config = await getRegionConfig(deps.db);
  const season = seasonNow(config, deps.clock);
  if (!season) throw new UsageError('The region has no season: add a membership year first.');
  const ctx: DemoContext = { deps, random: seededRandom(o.seed), passwordHash: await hashPassword(o.password), seasonId: season.season.id, facts: new Map() };
  const lines: string[] = [];
  for (const step of demoSteps) lines.push(await step(ctx));
  return [`Demo region filled (seed ${o.seed}, season ${season.season.name}).`, ...lines, `Every demo account's password: ${o.password}`].join('\n');
}

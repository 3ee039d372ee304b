import { seededRandom } from '../platform/clock.js';
import type { Deps } from '../platform/feature.js';
import { DEMO_DOMAIN, type DemoContext, type DemoStep } from '../platform/demo.js';
import { hashPassword, passwordProblem } from '../platform/passwords.js';
import { getRegionConfig, seasonNow } from '../region/index.js';
import { UsageError } from '../platform/usage.js';
import { anyoneAtDomain } from '../people/index.js';
import { demoPeople, demoVolunteerList } from './demo.people.js';
import { demoMentoring } from '../mentoring/index.js';
import { demoGames } from '../gamecards/index.js';
import { demoPractice } from '../practice/index.js';
import { demoTeams } from '../teams/index.js';
import { demoApplications } from '../volunteers/index.js';
import { demoTraining } from '../training/index.js';
import { demoBadges } from '../badges/index.js';
import { demoSite } from '../site/index.js';
import { grantEmail, openGuardianAccount, staffEmail } from './demo.store.js';

export interface DemoOptions {
  seed: number;
  password: string;
}

/** The steps in order: people and teams first, then what each feature adds on them. */
export const demoSteps: DemoStep[] = [demoPeople, demoTeams, demoVolunteerList, demoApplications, demoTraining, demoBadges, demoPractice, demoGames, demoMentoring, demoSite];

/** The division whose accounts the summary lists (its head coach books practice and fills game cards). */
const SHOWCASE = '10U';

/** Which demo account to use for which role, one line each (README, "The demo region"). */
export async function demoAccounts(deps: Deps, seasonId: string, passwordHash: string): Promise<{ role: string; email: string }[]> {
  const at = (name: string) => `${name}@${DEMO_DOMAIN}`;
  const out = [
    { role: 'Region administrator', email: at('admin') },
    { role: 'Coach administrator', email: at('coach-admin') },
    { role: 'Registrar', email: at('registrar') },
    { role: 'Safety director', email: at('safety') },
    { role: `Head coach (${SHOWCASE}: certified, practice to book, last game's card to submit)`, email: at(`coach.${SHOWCASE.toLowerCase()}`) },
  ];
  const assistant = await staffEmail(deps.db, seasonId, SHOWCASE, 'assistant-coach');
  if (assistant) out.push({ role: `Assistant coach (${SHOWCASE})`, email: assistant });
  out.push({ role: 'Mentor', email: at('mentor1') }, { role: 'Instructor', email: at('instructor1') });
  const volunteer = await grantEmail(deps.db, seasonId, SHOWCASE, 'field-helper');
  if (volunteer) out.push({ role: `Volunteer (field helper, ${SHOWCASE})`, email: volunteer });
  const parent = await openGuardianAccount(deps.db, seasonId, SHOWCASE, passwordHash);
  if (parent) out.push({ role: `Parent (a ${SHOWCASE} player's guardian)`, email: parent });
  return out;
}

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
  const accounts = await demoAccounts(deps, ctx.seasonId, ctx.passwordHash);
  const width = Math.max(...accounts.map((a) => a.role.length));
  return [
    `Demo region filled (seed ${o.seed}, season ${season.season.name}).`,
    ...lines,
    '',
    'Demo accounts (log in with the email and the password below):',
    ...accounts.map((a) => `  ${a.role.padEnd(width)}  ${a.email}`),
    `Every demo account's password: ${o.password}`,
  ].join('\n');
}

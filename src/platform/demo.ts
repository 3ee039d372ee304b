import type { Deps } from './feature.js';

/**
 * The contract between the demo command (src/demo/, a composition root) and each feature's demo
 * step (`*.demo.ts`): a step adds that feature's part of the demo region.
 */
/** What one demo step needs: a seeded random source, the shared password hash, the season. */
export interface DemoContext {
  deps: Deps;
  random: () => number;
  passwordHash: string;
  seasonId: string;
  /** Steps leave facts here for later steps (people by role, teams, …). */
  facts: Map<string, unknown>;
}

export type DemoStep = (ctx: DemoContext) => Promise<string>;

/** Every demo account's email ends with this reserved domain. */
export const DEMO_DOMAIN = 'demo.touchline.invalid';

/** Who an audience is: the people each kind of audience names, found through the features that know them. */
import { AppError } from '../platform/errors.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { dashboard } from '../compliance/index.js';
import { guardiansOf } from '../players/index.js';
import { getRegionConfig, seasonNow, type RegionConfig } from '../region/index.js';
import { findTeam, listTeams, rosterOf, staffOf } from '../teams/index.js';
import { roleHolders } from './messages.store.js';
import { audienceLabel, type Audience, type AudienceChoices, type Candidate } from './messages.rules.js';

export interface AudienceDeps {
  db: Db;
  clock: Clock;
}

export interface ResolvedAudience {
  label: string;
  /** Everyone the audience names, in a stable order (a person may appear more than once). */
  people: Candidate[];
}

export const choicesOf = (config: RegionConfig): AudienceChoices => ({ divisions: config.divisions.map((d) => d.code), trainings: config.trainings.map((t) => t.code) });

function currentSeasonId(config: RegionConfig, clock: Clock): string {
  const season = seasonNow(config, clock);
  if (!season)
    throw new AppError('VALIDATION', 'audience: the region has no season yet: the region administrator adds one on the region page first.', {
      errors: ['audience: the region has no season yet.'],
    });
  return season.season.id;
}

const person = (p: { personId: string; firstName: string; lastName: string; email: string | null }): Candidate => ({
  personId: p.personId,
  name: `${p.firstName} ${p.lastName}`.trim(),
  email: p.email,
});

/**
 * The people of an audience (validated already by readAudience):
 * - coaches: head and assistant coaches of the current season's teams (of one division, or all);
 * - missing: everyone holding a division role this season who misses the element (or that training);
 * - team: its head and assistant coaches, or the guardians of its players;
 * - role: everyone holding the role this season (standing grants included).
 */
export async function resolveAudience(deps: AudienceDeps, audience: Audience, regionConfig?: RegionConfig): Promise<ResolvedAudience> {
  const config = regionConfig ?? (await getRegionConfig(deps.db));
  switch (audience.kind) {
    case 'coaches': {
      const teams = await listTeams(deps.db, currentSeasonId(config, deps.clock), audience.division ? { division: audience.division } : {});
      const staff = await staffOf(
        deps.db,
        teams.map((t) => t.id),
      );
      return { label: audienceLabel(audience), people: teams.flatMap((t) => (staff.get(t.id) ?? []).map(person)) };
    }
    case 'missing': {
      const d = await dashboard(deps, { element: String(audience.element), status: 'missing', season: currentSeasonId(config, deps.clock) }, config);
      const training = audience.training;
      const matches = (code: string) => !training || code === training || code.startsWith(`${training}:`);
      const rows = d.rows.filter((r) => r.missing.some((m) => m.element === audience.element && matches(m.code)));
      const name = training ? config.trainings.find((t) => t.code === training)?.name : undefined;
      return { label: audienceLabel(audience, { training: name }), people: rows.map(person) };
    }
    case 'team': {
      const team = await findTeam(deps.db, audience.teamId);
      if (!team)
        throw new AppError('VALIDATION', `audience.teamId: there is no team with the id "${audience.teamId.slice(0, 40)}".`, {
          errors: ['audience.teamId: there is no team with that id.'],
        });
      const label = audienceLabel(audience, { team: `${team.name} (${team.division})` });
      if (audience.who === 'staff') return { label, people: ((await staffOf(deps.db, [team.id])).get(team.id) ?? []).map(person) };
      // Families learn their child's team when it is published: a message before would announce it.
      if (!team.published)
        throw new AppError('VALIDATION', `audience.teamId: ${team.name} is not published yet; families can be written to once the division's teams are published.`, {
          errors: [`audience.teamId: ${team.name} is not published yet; families can be written to once the division's teams are published.`],
        });
      const players = await rosterOf(deps.db, team.id);
      const guardians = await guardiansOf(
        deps.db,
        players.map((p) => p.playerId),
      );
      return { label, people: players.flatMap((p) => (guardians.get(p.playerId) ?? []).map(person)) };
    }
    case 'role':
      return { label: audienceLabel(audience), people: await roleHolders(deps.db, audience.role, currentSeasonId(config, deps.clock)) };
  }
}

/** The team an audience is about, when it is one (for the head coach's own-team check). */
export async function teamOf(deps: AudienceDeps, audience: Audience): Promise<{ id: string; headCoachId: string | null } | undefined> {
  return audience.kind === 'team' ? findTeam(deps.db, audience.teamId) : undefined;
}

/** A team's roster with the parents' contacts, for its coaches and the board; jersey numbers. */
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/feature.js';
import type { Auth } from '../../platform/http/access.js';
import { guardiansOf, seasonPlayers, type Guardian } from '../../players/index.js';
import { teamFor, type TeamView } from '../teams.access.js';
import { jerseyProblems, type JerseyChange } from '../teams.rules.js';
import { staffOf, type StaffMember } from '../staff.store.js';
import { rosterOf } from '../teams.store.js';
import { membersOfTeams, setJersey } from './roster.store.js';

export interface RosterLine {
  playerId: string;
  externalId: string | null;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: string;
  goalkeeper: boolean;
  jersey: number | null;
  guardians: Guardian[];
}

export interface TeamRoster {
  view: TeamView;
  staff: StaffMember[];
  players: RosterLine[];
}

/** Loads the rosters of several teams of a season at once, without an access check (callers check first). */
export async function loadRosters(db: Db, seasonId: string, teamIds: readonly string[]): Promise<Map<string, { staff: StaffMember[]; players: RosterLine[] }>> {
  const members = await membersOfTeams(db, teamIds);
  const ids = members.map((m) => m.id);
  const [guardians, season, staff] = await Promise.all([guardiansOf(db, ids), seasonPlayers(db, seasonId, { playerIds: ids }), staffOf(db, teamIds)]);
  const keeper = new Map(season.map((s) => [s.id, s.goalkeeper]));
  const out = new Map(teamIds.map((id) => [id, { staff: staff.get(id) ?? [], players: [] as RosterLine[] }]));
  for (const m of members) {
    const jersey = m.jersey === null ? null : Number(m.jersey);
    out.get(m.team_id)!.players.push({
      playerId: m.id,
      externalId: m.external_id,
      firstName: m.first_name,
      lastName: m.last_name,
      birthDate: m.birth_date,
      gender: m.gender,
      goalkeeper: keeper.get(m.id) ?? false,
      jersey,
      guardians: guardians.get(m.id) ?? [],
    });
  }
  for (const r of out.values()) r.players.sort((a, b) => (a.jersey ?? 1e9) - (b.jersey ?? 1e9) || a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
  return out;
}

export async function loadRoster(db: Db, teamId: string, seasonId: string): Promise<{ staff: StaffMember[]; players: RosterLine[] }> {
  return (await loadRosters(db, seasonId, [teamId])).get(teamId)!;
}

/** A published team's roster: only its coaches and the board see it. */
export async function teamRoster(deps: Pick<Deps, 'db'>, auth: Auth | null, teamId: string): Promise<TeamRoster> {
  const view = await teamFor(deps.db, auth, teamId);
  return { view, ...(await loadRoster(deps.db, teamId, view.team.seasonId)) };
}

/**
 * Sets jersey numbers (0 to 99, each number once per team) for the season; the team's coaches and
 * the coach administrator may (the latter audited). All or nothing.
 */
export async function setJerseys(deps: Pick<Deps, 'db' | 'clock'>, auth: Auth | null, teamId: string, changes: readonly JerseyChange[]): Promise<RosterLine[]> {
  const view = await teamFor(deps.db, auth, teamId);
  if (!view.staff && !view.former) throw new AppError('NOT_YOUR_TEAM', "Only this team's coaches and the coach administrator set jersey numbers.");
  const roster = await rosterOf(deps.db, teamId);
  const current = new Map(roster.map((p) => [p.playerId, { name: `${p.firstName} ${p.lastName}`, jersey: p.jersey }]));
  const { next, problems } = jerseyProblems(current, changes);
  if (problems.length) throw new AppError('VALIDATION', problems[0]!, { errors: problems });
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    // Clear first, so that exchanging two numbers never trips the uniqueness of the final state.
    const changed = [...next].filter(([id, n]) => current.get(id)!.jersey !== n);
    for (const [id] of changed) await setJersey(trx, teamId, id, null);
    for (const [id, n] of changed) if (n !== null) await setJersey(trx, teamId, id, n);
    if (!view.staff && changed.length) {
      await recordAudit(trx, {
        actor: { id: auth!.personId, name: auth!.name },
        at,
        action: 'team.jerseys',
        entity: 'team',
        entityId: teamId,
        before: Object.fromEntries(changed.map(([id]) => [id, current.get(id)!.jersey])),
        after: Object.fromEntries(changed),
      });
    }
  });
  return (await loadRoster(deps.db, teamId, view.team.seasonId)).players;
}

/** Published teams for the association's upload file and for printing. */
import { AppError } from '../../platform/errors.js';
import type { Deps } from '../../platform/feature.js';
import type { Auth } from '../../platform/http/access.js';
import { hasAnyRole } from '../../platform/http/access.js';
import { loadRoster, loadRosters, type RosterLine } from './roster.service.js';
import type { StaffMember } from '../staff.store.js';
import { publishedTeams } from '../staff.store.js';
import { BOARD_VIEWERS, teamFor } from '../teams.access.js';
import { teamUploadCsv } from './export.rules.js';

export interface PrintTeam {
  id: string;
  name: string;
  division: string;
  program: string;
  staff: StaffMember[];
  players: RosterLine[];
}

export interface TeamScope {
  seasonId: string;
  division?: string;
  program?: string;
  teamId?: string;
}

/** The published teams in scope with their rosters; a single team for its coaches, several for the board. */
export async function teamsInScope(deps: Pick<Deps, 'db'>, auth: Auth | null, scope: TeamScope): Promise<PrintTeam[]> {
  if (scope.teamId) {
    const view = await teamFor(deps.db, auth, scope.teamId);
    const r = await loadRoster(deps.db, view.team.id, view.team.seasonId);
    return [{ id: view.team.id, name: view.team.name, division: view.team.division, program: view.team.program, ...r }];
  }
  if (!hasAnyRole(auth, BOARD_VIEWERS)) throw new AppError('FORBIDDEN', 'Only the board exports or prints several teams; coaches print their own team from its page.');
  const teams = await publishedTeams(deps.db, scope.seasonId, scope);
  const rosters = await loadRosters(
    deps.db,
    scope.seasonId,
    teams.map((t) => t.id),
  );
  return teams.map((t) => ({ id: t.id, name: t.name, division: t.division, program: t.program, ...rosters.get(t.id)! }));
}

/** The association's 7-column team upload CSV of the teams in scope. */
export async function teamUploadFile(deps: Pick<Deps, 'db'>, auth: Auth | null, scope: TeamScope): Promise<string> {
  const teams = await teamsInScope(deps, auth, scope);
  return teamUploadCsv(teams.map((t) => ({ name: t.name, staff: t.staff, players: t.players })));
}

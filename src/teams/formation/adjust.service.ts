/**
 * Moves and swaps on published teams by the coach administrator: the effect on balance is shown
 * first (before and after, beside the lower bound); confirming needs a reason and is audited.
 */
import { recordAudit, type Actor } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/feature.js';
import { getRegionConfig } from '../../region/index.js';
import { applyAdjustment, type Adjustment, type Balance } from './adjust.rules.js';
import { findFormation } from './formation.store.js';
import { addTeamPlayers, changeTeam, removeFromTeam, teamsOfSeasonPlayers } from './published-teams.store.js';
import { currentAssignments, loadLive, measure, type LiveDivision } from './live.service.js';
import { loadDivision } from './inputs.service.js';

export interface AdjustResult {
  formationId: string;
  adjustment: Adjustment;
  description: string;
  /** The teams the change touches. */
  teamIds: string[];
  before: Balance;
  after: Balance;
  applied: boolean;
}

const MAX_REASON = 500;

async function writeAdjustment(trx: Db, seasonId: string, live: LiveDivision, a: Adjustment): Promise<string[]> {
  const teamOf = live.ctx.teamOf;
  const current = await teamsOfSeasonPlayers(trx, seasonId, a.kind === 'move' ? [a.playerId] : [a.playerId, a.otherPlayerId]);
  const now = new Map(current.map((r) => [r.player_id, r.team_id]));
  const ids = a.kind === 'move' ? [a.playerId] : [a.playerId, a.otherPlayerId];
  if (ids.some((id) => now.get(id) !== teamOf.get(id))) throw new AppError('STALE', 'These teams changed meanwhile. Reload the division page and look at the effect again.');
  if (a.kind === 'move') {
    await removeFromTeam(trx, seasonId, a.playerId);
    await addTeamPlayers(trx, [{ team_id: a.toTeamId, player_id: a.playerId, season_id: seasonId, jersey: null }]);
    return [teamOf.get(a.playerId), a.toTeamId].filter((t): t is string => !!t);
  }
  const [t1, t2] = [teamOf.get(a.playerId)!, teamOf.get(a.otherPlayerId)!];
  await changeTeam(trx, seasonId, a.playerId, t2);
  await changeTeam(trx, seasonId, a.otherPlayerId, t1);
  return [t1, t2];
}

async function mailCoaches(trx: Db, deps: Pick<Deps, 'mailer' | 'config'>, live: LiveDivision, teamIds: string[], description: string, reason: string): Promise<void> {
  for (const t of live.teams.filter((x) => teamIds.includes(x.id))) {
    for (const coach of [t.headCoach, ...t.assistants]) {
      if (!coach?.email) continue;
      const text = `Hello ${coach.firstName},\n\nThe coach administrator changed ${t.name}: ${description}.\nReason: ${reason}\n\nYour roster: ${deps.config.baseUrl}/teams/${encodeURIComponent(t.id)}`;
      await deps.mailer.queue(trx, { to: coach.email, subject: `Roster change: ${t.name}`, text, kind: 'teams-roster-changed' });
    }
  }
}

/**
 * Shows (confirm = null) or makes (confirm with a reason) a move or swap on a published formation's
 * teams. A coach's child never leaves their parent's team.
 */
export async function adjustTeams(
  deps: Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>,
  actor: Actor,
  formationId: string,
  a: Adjustment,
  confirm: { reason: string } | null,
): Promise<AdjustResult> {
  const f = await findFormation(deps.db, formationId);
  if (!f) throw new AppError('NOT_FOUND', 'That formation was not found.');
  if (f.status !== 'published') throw new AppError('VALIDATION', 'Publish the teams first: before that, preview another draw instead of moving players.');
  const config = await getRegionConfig(deps.db);
  const live = await loadLive(deps, await loadDivision(deps, config, f), f.objective);
  if (!live) throw new AppError('NOT_FOUND', `The teams of ${f.division} ${f.program} were not found.`);
  const change = applyAdjustment(live.ctx, a);
  if ('problems' in change) throw new AppError('ADJUST_REFUSED', change.problems[0]!, { errors: change.problems });
  const before = measure(config, f, live, currentAssignments(live));
  const after = measure(config, f, live, change.assignments);
  const result = { formationId, adjustment: a, description: change.description, teamIds: change.touched, before, after, applied: false };
  if (!confirm) return result;
  const reason = confirm.reason.trim();
  if (!reason) throw new AppError('VALIDATION', 'Give the reason for this change (it is kept in the audit log and sent to the coaches).');
  if (reason.length > MAX_REASON) throw new AppError('VALIDATION', `Keep the reason under ${MAX_REASON} characters.`);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const touched = await writeAdjustment(trx, f.seasonId, live, a);
    const summary = (b: Balance) => ({
      spread: b.spread,
      lowerBound: b.lowerBound,
      sizes: b.teams.filter((t) => touched.includes(t.teamId)).map((t) => ({ team: live.ctx.teams.get(t.teamId)?.name, size: t.size, mean: t.ratingMean })),
    });
    await recordAudit(trx, {
      actor,
      at,
      action: `team.${a.kind}`,
      entity: 'formation',
      entityId: f.id,
      before: { change: change.description, ...summary(before) },
      after: { reason, ...summary(after) },
    });
    await mailCoaches(trx, deps, live, touched, change.description, reason);
  });
  return { ...result, applied: true };
}

/** Players entered by hand, moved by the coach administrator, and listed for the board. */
import { newId } from '../platform/clock.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import { AppError } from '../platform/errors.js';
import type { Deps } from '../platform/feature.js';
import { findSeason, isIsoDate } from '../region/index.js';
import type { RegionConfig } from '../region/index.js';
import { getRegionConfig } from '../region/index.js';
import { placePlayer, programProblem, ratingForFormation, type Gender, type Program, type StoredRating } from './players.rules.js';
import { guardiansOf, playerIdByExternalId, ratingsOf, seasonPlayers, seasonTwin, teamsOfPlayers, type Guardian, type SeasonPlayer } from './players.store.js';
import { insertPlayer, insertSeasonPlayer, removeFromTeam, updateSeasonPlayer } from './players-write.store.js';
import { guardianPerson, linkGuardian, type ParentInput } from './guardians.service.js';

export interface NewPlayer {
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: string;
  goalkeeper: boolean;
  /** The registration system's PlayerID, when known. */
  externalId?: string | null;
  parent: ParentInput;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const MAX_REASON = 500;

function newPlayerProblems(p: NewPlayer): string[] {
  const out: string[] = [];
  if (!p.firstName.trim() || !p.lastName.trim()) out.push("Give the player's first and last name.");
  if (!isIsoDate(p.birthDate)) out.push(`Date of birth "${p.birthDate}" must be a real date written YYYY-MM-DD.`);
  if (p.gender !== 'M' && p.gender !== 'F') out.push('Choose the gender: M or F.');
  if (!p.parent.firstName.trim() || !p.parent.lastName.trim()) out.push("Give the parent's first and last name.");
  if (!EMAIL.test(p.parent.email.trim())) out.push(`"${p.parent.email}" is not an email address: write the parent's email like name@example.org.`);
  return out;
}

function seasonRef(config: RegionConfig, seasonId: string) {
  const ref = findSeason(config, seasonId);
  if (!ref) throw new AppError('NOT_FOUND', `There is no season "${seasonId}" in the region configuration.`);
  return ref;
}

/** Registers a player by hand in a season: division from the birth date, program from the gender. */
export async function addPlayer(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, seasonId: string, p: NewPlayer): Promise<{ id: string; division: string; program: Program }> {
  const config = await getRegionConfig(deps.db);
  const ref = seasonRef(config, seasonId);
  const problems = newPlayerProblems(p);
  if (problems.length) throw new AppError('VALIDATION', problems[0]!, { errors: problems });
  const where = placePlayer(config, ref.year, p.birthDate, p.gender as Gender);
  if (!where.ok) throw new AppError('VALIDATION', `${p.firstName} ${p.lastName} ${where.message}`);
  const externalId = p.externalId?.trim() || null;
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    if (externalId && (await playerIdByExternalId(trx, externalId)) !== undefined) {
      throw new AppError('CONFLICT', `PlayerID ${externalId} is already a player. Import the registration export again to update players it knows.`);
    }
    const twin = await seasonTwin(trx, seasonId, { firstName: p.firstName.trim(), lastName: p.lastName.trim(), birthDate: p.birthDate });
    if (twin !== undefined) throw new AppError('CONFLICT', `${p.firstName.trim()} ${p.lastName.trim()}, born ${p.birthDate}, is already registered for this season.`);
    const id = newId();
    await insertPlayer(trx, {
      id,
      external_id: externalId,
      first_name: p.firstName.trim(),
      last_name: p.lastName.trim(),
      birth_date: p.birthDate,
      gender: p.gender,
      created_at: at,
      updated_at: at,
    });
    const guardian = await guardianPerson(trx, p.parent, at);
    await linkGuardian(trx, id, guardian.id);
    await insertSeasonPlayer(trx, {
      id: newId(),
      season_id: seasonId,
      player_id: id,
      division: where.division,
      program: where.program,
      goalkeeper: p.goalkeeper ? 1 : 0,
      moved_reason: null,
      created_at: at,
    });
    await recordAudit(trx, {
      actor,
      at,
      action: 'player.add',
      entity: 'player',
      entityId: id,
      after: { seasonId, name: `${p.firstName.trim()} ${p.lastName.trim()}`, birthDate: p.birthDate, division: where.division, program: where.program, guardian: guardian.id },
    });
    return { id, division: where.division, program: where.program };
  });
}

export interface MoveInput {
  division: string;
  program: string;
  reason: string;
}

/**
 * Moves a player to another division or program for a season (the coach administrator's call,
 * with a reason; audited). A player already on a team leaves it: the new division's teams are
 * adjusted from the Teams page. An import never undoes a move.
 */
export async function movePlayer(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, seasonId: string, playerId: string, m: MoveInput): Promise<void> {
  const config = await getRegionConfig(deps.db);
  seasonRef(config, seasonId);
  const reason = m.reason.trim();
  const problems = [
    programProblem(config, m.division, m.program),
    reason ? null : 'Give the reason for the move (it is kept in the audit log).',
    reason.length > MAX_REASON ? `Keep the reason under ${MAX_REASON} characters.` : null,
  ].filter((x): x is string => !!x);
  if (problems.length) throw new AppError('VALIDATION', problems[0]!, { errors: problems });
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const [player] = await seasonPlayers(trx, seasonId, { playerIds: [playerId] });
    if (!player) throw new AppError('NOT_FOUND', 'That player is not registered in this season.');
    if (player.division === m.division && player.program === m.program)
      throw new AppError('VALIDATION', `${player.firstName} ${player.lastName} is already in ${m.division} ${m.program}.`);
    const team = (await teamsOfPlayers(trx, seasonId, [playerId])).get(playerId) ?? null;
    if (team) await removeFromTeam(trx, seasonId, playerId);
    await updateSeasonPlayer(trx, seasonId, playerId, { division: m.division, program: m.program, moved_reason: reason });
    await recordAudit(trx, {
      actor,
      at,
      action: 'player.move',
      entity: 'player',
      entityId: playerId,
      before: { seasonId, division: player.division, program: player.program, team: team?.name ?? null },
      after: { seasonId, division: m.division, program: m.program, team: null, reason },
    });
  });
}

export interface PlayerLine extends SeasonPlayer {
  /** The rating formation would use, and the season it is from ('imported': the registration export). */
  rating: StoredRating | null;
  guardians: Guardian[];
  team: { teamId: string; name: string } | null;
}

/** A season's players of one division and program, with the rating formation uses, guardians and team. */
export async function playerLines(
  deps: Pick<Deps, 'db'>,
  config: RegionConfig,
  seasonId: string,
  where: { division?: string; program?: string; playerIds?: string[] },
): Promise<PlayerLine[]> {
  const players = await seasonPlayers(deps.db, seasonId, where);
  const ids = players.map((p) => p.id);
  const [ratings, guardians, teams] = await Promise.all([ratingsOf(deps.db, ids), guardiansOf(deps.db, ids), teamsOfPlayers(deps.db, seasonId, ids)]);
  return players.map((p) => ({ ...p, rating: ratingForFormation(ratings.get(p.id) ?? [], seasonId, config), guardians: guardians.get(p.id) ?? [], team: teams.get(p.id) ?? null }));
}

/** One player of a season with every rating they were given (newest first). */
export async function playerDetail(deps: Pick<Deps, 'db'>, seasonId: string, playerId: string) {
  const config = await getRegionConfig(deps.db);
  const [line] = await playerLines(deps, config, seasonId, { playerIds: [playerId] });
  if (!line) throw new AppError('NOT_FOUND', 'That player is not registered in this season.');
  const history = ((await ratingsOf(deps.db, [playerId])).get(playerId) ?? []).sort((a, b) => b.ratedAt.localeCompare(a.ratedAt));
  return { player: line, history };
}

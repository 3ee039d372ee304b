/**
 * Forming a division's teams (spec "Team formation"): preview a seeded draw, then publish it.
 * The same inputs and seed always give the same teams; the seed is chosen at random unless typed.
 */
import { randomInt } from 'node:crypto';
import { recordAudit, type Actor } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Deps } from '../../platform/feature.js';
import { findSeason } from '../../region/index.js';
import { getRegionConfig } from '../../region/index.js';
import { FORMATION_ENGINE_VERSION, type RatingObjective, type RatingScale } from '../engine/formation.rules.js';
import { discardPreviews, findFormation, insertFormation, markPublished, programTeams, type DivisionKey, type PlannedTeam, type StoredFormation } from './formation.store.js';
import { filesOf, loadDivision, type DivisionInputs } from './inputs.service.js';
import { assignmentsFile, drawFromFiles, publicFigures, type PortalDraw } from './draw.rules.js';
import { insertDrawRecord } from './draw-record.store.js';
import { seedProblem, shareCoaches, teamName } from '../teams.rules.js';
import { insertPublishedTeams } from './publish.service.js';

export interface PreviewInput extends DivisionKey {
  seed?: number;
  teams?: number;
  objective?: RatingObjective;
}

/** Engine refusals carry `details.problems`; forms and the API show them as `details.errors`. */
function engineError(e: unknown): never {
  if (e instanceof AppError) {
    const problems = (e.details as { problems?: { message: string }[] } | undefined)?.problems;
    throw new AppError(e.code, e.message, { errors: problems?.map((p) => p.message) ?? [e.message] });
  }
  throw e;
}

/** The teams a preview would form, with their head coaches (refused when coaches are short). */
export function planTeams(inputs: DivisionInputs, teams?: number): { planned: PlannedTeam[]; unused: { id: string; name: string }[] } {
  const { division, key } = inputs;
  if (teams !== undefined && (!Number.isInteger(teams) || teams < 1 || teams > Math.max(1, inputs.lines.length))) {
    throw new AppError('VALIDATION', `The number of teams must be a whole number from 1 to ${Math.max(1, inputs.lines.length)} (the players of ${key.division} ${key.program}).`);
  }
  const share = shareCoaches(division, key.program, inputs.pool, teams);
  if (share.problems.length) throw new AppError('NOT_ENOUGH_COACHES', share.problems[0]!, { errors: share.problems });
  const planned = share.coaches.map((c, i) => ({
    key: String(i + 1),
    number: i + 1,
    coachId: c.id,
    coachName: `${c.firstName} ${c.lastName}`,
    name: teamName(division, key.program, i + 1, c.lastName),
  }));
  return { planned, unused: share.unused.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}` })) };
}

const sameScale = (a: RatingScale, b: RatingScale) => a.min === b.min && a.max === b.max && a.step === b.step;

async function refuseIfPublished(deps: Pick<Deps, 'db'>, key: DivisionKey): Promise<void> {
  const teams = await programTeams(deps.db, key);
  if (teams.length)
    throw new AppError('FORMATION_PUBLISHED', `The teams of ${key.division} ${key.program} are published. Adjust them with moves and swaps; they are not drawn again.`);
}

/** Draws a preview of a division's teams (replacing an earlier preview); audited. */
export async function previewFormation(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: PreviewInput): Promise<StoredFormation> {
  const config = await getRegionConfig(deps.db);
  const key: DivisionKey = { seasonId: input.seasonId, division: input.division, program: input.program };
  const inputs = await loadDivision(deps, config, key);
  await refuseIfPublished(deps, key);
  if (inputs.lines.length === 0) throw new AppError('VALIDATION', `${key.division} ${key.program} has no players registered in this season yet: import or add players first.`);
  const seed = input.seed ?? randomInt(1, 1_000_000);
  const bad = seedProblem(seed);
  if (bad) throw new AppError('VALIDATION', bad);
  const { planned, unused } = planTeams(inputs, input.teams);
  const objective = input.objective ?? config.formation.objective;
  const files = filesOf(inputs, planned, config.ratingScale);
  let drawn: PortalDraw;
  try {
    drawn = drawFromFiles(files, planned, { seed, objective, scale: config.ratingScale });
  } catch (e) {
    engineError(e);
  }
  const { provenOptimal, assignments: _keyed, ...figures } = drawn.result;
  const assignments = drawn.assignments;
  const at = deps.clock.now().toISOString();
  const record = { teams: planned, figures, provenOptimal, players: inputs.lines.length, digest: files.digest, scale: config.ratingScale, unusedCoaches: unused };
  return deps.db.transaction().execute(async (trx) => {
    await discardPreviews(trx, key);
    const f = await insertFormation(trx, { ...key, seed, objective, assignments, record, createdAt: at, createdBy: actor.id });
    await recordAudit(trx, {
      actor,
      at,
      action: 'formation.preview',
      entity: 'formation',
      entityId: f.id,
      after: { ...key, seed, objective, teams: planned.length, players: inputs.lines.length, spread: figures.spread, lowerBound: figures.lowerBound, digest: files.digest },
    });
    return f;
  });
}

/**
 * Publishes a preview: creates the teams, their head coaches and rosters, and mails the coaches.
 * Refused when anything the draw depended on changed since the preview (preview again then).
 */
export async function publishFormation(deps: Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>, actor: Actor, formationId: string): Promise<StoredFormation> {
  const f = await findFormation(deps.db, formationId);
  if (!f) throw new AppError('NOT_FOUND', 'That formation was not found.');
  if (f.status === 'published') throw new AppError('FORMATION_PUBLISHED', `These teams of ${f.division} ${f.program} are already published.`);
  if (f.status === 'discarded') throw new AppError('STALE', 'A newer preview replaced this one. Publish the preview shown on the division page.');
  const config = await getRegionConfig(deps.db);
  const inputs = await loadDivision(deps, config, f);
  const heads = new Set(inputs.pool.coaches.map((c) => c.id));
  const gone = f.record.teams.filter((t) => !heads.has(t.coachId));
  if (gone.length) throw new AppError('STALE', `${gone.map((t) => t.coachName).join(', ')} no longer hold(s) the head-coach role for ${f.division}. Preview again, then publish.`);
  const files = filesOf(inputs, f.record.teams, config.ratingScale);
  if (files.digest !== f.record.digest || !sameScale(config.ratingScale, f.record.scale)) {
    throw new AppError(
      'STALE',
      `The players or coaches of ${f.division} ${f.program} changed since this preview (a player was added, moved, renamed or rated, a coach's child or email changed, or the rating scale). Preview again, then publish.`,
    );
  }
  const seasonName = findSeason(config, f.seasonId)?.season.name ?? f.seasonId;
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await refuseIfPublished({ db: trx }, f);
    if (!(await markPublished(trx, f.id, at))) throw new AppError('STALE', 'Someone else changed this formation meanwhile. Reload the division page.');
    const made = await insertPublishedTeams(trx, deps, f, seasonName, at);
    await insertDrawRecord(trx, {
      formationId: f.id,
      seasonId: f.seasonId,
      division: f.division,
      program: f.program,
      engineVersion: FORMATION_ENGINE_VERSION,
      seed: f.seed,
      objective: f.objective,
      scale: f.record.scale,
      digest: files.digest,
      playersCsv: files.players,
      teamsCsv: files.teams,
      assignmentsCsv: assignmentsFile(files, f.assignments),
      figures: publicFigures(f.record.figures, f.record.provenOptimal, f.record.players),
      publishedAt: at,
    });
    await recordAudit(trx, {
      actor,
      at,
      action: 'formation.publish',
      entity: 'formation',
      entityId: f.id,
      after: { seasonId: f.seasonId, division: f.division, program: f.program, seed: f.seed, teams: made },
    });
  });
  return { ...f, status: 'published', publishedAt: at };
}

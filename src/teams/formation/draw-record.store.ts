/** Draw records: what each published formation was drawn from and gave (written once, at publishing). */
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { RatingObjective, RatingScale } from '../engine/formation.rules.js';
import type { Program } from '../../players/index.js';
import type { TeamTables } from '../teams.tables.js';
import type { DivisionKey } from './formation.store.js';
import type { DrawFigures } from './draw.rules.js';

export interface DrawRecord extends DivisionKey {
  formationId: string;
  engineVersion: number;
  seed: number;
  objective: RatingObjective;
  scale: RatingScale;
  digest: string;
  playersCsv: string;
  teamsCsv: string;
  assignmentsCsv: string;
  figures: DrawFigures;
  publishedAt: string;
}

type Row = Selectable<TeamTables['draw_records']>;

const toRecord = (r: Row): DrawRecord => ({
  formationId: r.formation_id,
  seasonId: r.season_id,
  division: r.division,
  program: r.program as Program,
  engineVersion: Number(r.engine_version),
  seed: Number(r.seed),
  objective: r.objective as RatingObjective,
  scale: JSON.parse(r.scale_json) as RatingScale,
  digest: r.digest,
  playersCsv: r.players_csv,
  teamsCsv: r.teams_csv,
  assignmentsCsv: r.assignments_csv,
  figures: JSON.parse(r.figures_json) as DrawFigures,
  publishedAt: r.published_at,
});

export async function insertDrawRecord(db: Db, d: DrawRecord): Promise<void> {
  await db
    .insertInto('draw_records')
    .values({
      formation_id: d.formationId,
      season_id: d.seasonId,
      division: d.division,
      program: d.program,
      engine_version: d.engineVersion,
      seed: d.seed,
      objective: d.objective,
      scale_json: JSON.stringify(d.scale),
      digest: d.digest,
      players_csv: d.playersCsv,
      teams_csv: d.teamsCsv,
      assignments_csv: d.assignmentsCsv,
      figures_json: JSON.stringify(d.figures),
      published_at: d.publishedAt,
    })
    .execute();
}

export async function drawRecordOf(db: Db, formationId: string): Promise<DrawRecord | undefined> {
  const r = await db.selectFrom('draw_records').selectAll().where('formation_id', '=', formationId).executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

export async function drawRecordFor(db: Db, key: DivisionKey): Promise<DrawRecord | undefined> {
  const r = await db
    .selectFrom('draw_records')
    .selectAll()
    .where('season_id', '=', key.seasonId)
    .where('division', '=', key.division)
    .where('program', '=', key.program)
    .executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

/** The published draws of a season (no files): the public list. */
export async function seasonDraws(db: Db, seasonId: string): Promise<Pick<DrawRecord, 'division' | 'program' | 'seed' | 'digest' | 'publishedAt'>[]> {
  const rows = await db.selectFrom('draw_records').select(['division', 'program', 'seed', 'digest', 'published_at']).where('season_id', '=', seasonId).execute();
  return rows.map((r) => ({ division: r.division, program: r.program as Program, seed: Number(r.seed), digest: r.digest, publishedAt: r.published_at }));
}

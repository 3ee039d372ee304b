/** Formations (previews and published draws, publishing one, their status per season) and the head coaches of a division. */
import type { Selectable } from 'kysely';
import { newId } from '../../platform/clock.js';
import type { TeamTables } from '../teams.tables.js';
import { coachGrantees } from '../staff.store.js';
import type { Db } from '../../platform/db/database.js';
import type { Assignment, FormationFigures, RatingObjective, RatingScale } from '../engine/formation.rules.js';
import type { Program } from '../../players/index.js';
import { byName, type HeadCoach } from '../teams.rules.js';

export interface DivisionKey {
  seasonId: string;
  division: string;
  program: Program;
}

/** A team of a formation before it is published (key = its number as text, the engine's team id). */
export interface PlannedTeam {
  key: string;
  number: number;
  coachId: string;
  coachName: string;
  name: string;
}

/** What report_json holds: the planned teams, the engine's figures and what the draw was made from. */
export interface FormationRecord {
  teams: PlannedTeam[];
  figures: FormationFigures;
  provenOptimal: boolean;
  players: number;
  /** Digest of the draw's inputs (players, ratings, coaches' children, teams, options). */
  digest: string;
  scale: RatingScale;
  unusedCoaches: { id: string; name: string }[];
}

export type FormationStatus = 'preview' | 'published' | 'discarded';

export interface StoredFormation extends DivisionKey {
  id: string;
  seed: number;
  objective: RatingObjective;
  status: FormationStatus;
  assignments: Assignment[];
  record: FormationRecord;
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
}

type FormationRow = Selectable<TeamTables['formations']>;

const toFormation = (r: FormationRow): StoredFormation => ({
  id: r.id,
  seasonId: r.season_id,
  division: r.division,
  program: r.program as Program,
  seed: Number(r.seed),
  objective: r.objective as RatingObjective,
  status: r.status as FormationStatus,
  assignments: JSON.parse(r.assignments_json) as Assignment[],
  record: JSON.parse(r.report_json) as FormationRecord,
  createdAt: r.created_at,
  createdBy: r.created_by,
  publishedAt: r.published_at,
});

export async function findFormation(db: Db, id: string): Promise<StoredFormation | undefined> {
  const r = await db.selectFrom('formations').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toFormation(r) : undefined;
}

/** The live (preview or published) formations of a division's programs in a season. */
export async function liveFormations(db: Db, seasonId: string, division: string): Promise<StoredFormation[]> {
  const rows = await db
    .selectFrom('formations')
    .selectAll()
    .where('season_id', '=', seasonId)
    .where('division', '=', division)
    .where('status', '!=', 'discarded')
    .orderBy('created_at')
    .execute();
  return rows.map(toFormation);
}

/** The live formation of one program (the published one wins over a preview), if any. */
export async function currentFormation(db: Db, key: DivisionKey): Promise<StoredFormation | undefined> {
  const live = (await liveFormations(db, key.seasonId, key.division)).filter((f) => f.program === key.program);
  return live.find((f) => f.status === 'published') ?? live.at(-1);
}

export async function discardPreviews(db: Db, key: DivisionKey): Promise<void> {
  await db
    .updateTable('formations')
    .set({ status: 'discarded' })
    .where('season_id', '=', key.seasonId)
    .where('division', '=', key.division)
    .where('program', '=', key.program)
    .where('status', '=', 'preview')
    .execute();
}

export async function insertFormation(db: Db, f: Omit<StoredFormation, 'id' | 'status' | 'publishedAt'>): Promise<StoredFormation> {
  const id = newId();
  await db
    .insertInto('formations')
    .values({
      id,
      season_id: f.seasonId,
      division: f.division,
      program: f.program,
      seed: f.seed,
      objective: f.objective,
      status: 'preview',
      assignments_json: JSON.stringify(f.assignments),
      report_json: JSON.stringify(f.record),
      created_at: f.createdAt,
      created_by: f.createdBy,
      published_at: null,
    })
    .execute();
  return { ...f, id, status: 'preview', publishedAt: null };
}

/** Publishes a preview at `at`; false when it is no longer a preview (someone else published or replaced it). */
export async function markPublished(db: Db, id: string, at: string): Promise<boolean> {
  const claimed = await db.updateTable('formations').set({ status: 'published', published_at: at }).where('id', '=', id).where('status', '=', 'preview').executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** The live (preview or published) formations of every division and program of a season: the Teams page's status column. */
export async function formationStatuses(db: Db, seasonId: string): Promise<Pick<FormationRow, 'division' | 'program' | 'status' | 'seed'>[]> {
  return db.selectFrom('formations').select(['division', 'program', 'status', 'seed']).where('season_id', '=', seasonId).where('status', '!=', 'discarded').execute();
}

/** Head coaches of a division in a season (role grants), by name. */
export async function headCoachesOf(db: Db, seasonId: string, division: string): Promise<HeadCoach[]> {
  const rows = await coachGrantees(db, 'head-coach', seasonId, division);
  return rows.map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name, email: r.email })).sort(byName);
}

/** Teams of a division and program in a season with their head coach (published or not). */
export async function programTeams(db: Db, key: DivisionKey) {
  return db
    .selectFrom('teams as t')
    .leftJoin('team_staff as s', (j) => j.onRef('s.team_id', '=', 't.id').on('s.role', '=', 'head-coach'))
    .select(['t.id', 't.number', 't.name', 't.published_at', 's.person_id'])
    .where('t.season_id', '=', key.seasonId)
    .where('t.division', '=', key.division)
    .where('t.program', '=', key.program)
    .orderBy('t.number')
    .execute();
}

/**
 * Reading draw records: the public account of how a division's teams were drawn (no names), and
 * the draw's files for the coach administrator (P.csv, T.csv and the published A.csv).
 */
import { AppError } from '../../platform/errors.js';
import type { Deps } from '../../platform/feature.js';
import { findSeason, type RegionConfig } from '../../region/index.js';
import { PROGRAM_LABELS, type Program } from '../../players/index.js';
import type { RatingObjective } from '../engine/formation.rules.js';
import type { DivisionKey } from './formation.store.js';
import { divisionOf } from './inputs.service.js';
import { drawRecordFor, drawRecordOf, seasonDraws, type DrawRecord } from './draw-record.store.js';
import { verifyCommand, type DrawFigures } from './draw.rules.js';

/** What the public page and API show of a draw: no child's name, no coach, no file. */
export interface PublicDraw {
  season: { id: string; name: string };
  division: string;
  program: Program;
  label: string;
  publishedAt: string;
  engineVersion: number;
  seed: number;
  objective: RatingObjective;
  scale: { min: number; max: number; step: number };
  digest: string;
  figures: DrawFigures;
  verify: string;
}

export function publicDraw(config: RegionConfig, r: DrawRecord): PublicDraw {
  const division = divisionOf(config, r);
  return {
    season: { id: r.seasonId, name: findSeason(config, r.seasonId)?.season.name ?? r.seasonId },
    division: r.division,
    program: r.program,
    label: division.programs.length > 1 ? `${division.name} ${PROGRAM_LABELS[r.program]}` : division.name,
    publishedAt: r.publishedAt,
    engineVersion: r.engineVersion,
    seed: r.seed,
    objective: r.objective,
    scale: { min: r.scale.min, max: r.scale.max, step: r.scale.step },
    digest: r.digest,
    figures: r.figures,
    verify: verifyCommand(r),
  };
}

/** The published draw of a division's program, or NOT_FOUND saying why. */
export async function drawOf(deps: Pick<Deps, 'db'>, config: RegionConfig, key: DivisionKey): Promise<PublicDraw> {
  divisionOf(config, key);
  const r = await drawRecordFor(deps.db, key);
  if (!r) throw new AppError('NOT_FOUND', `The teams of ${key.division} ${key.program} are not published in ${key.seasonId} yet, so there is no draw to show.`);
  return publicDraw(config, r);
}

/** The season's published draws, by division order of the region and program. */
export async function drawsOfSeason(deps: Pick<Deps, 'db'>, config: RegionConfig, seasonId: string): Promise<PublicDraw[]> {
  const listed = await seasonDraws(deps.db, seasonId);
  const order = config.divisions.flatMap((d) => d.programs.map((p) => `${d.code}|${p}`));
  const out: PublicDraw[] = [];
  for (const d of listed.sort((a, b) => order.indexOf(`${a.division}|${a.program}`) - order.indexOf(`${b.division}|${b.program}`))) {
    const r = await drawRecordFor(deps.db, { seasonId, division: d.division, program: d.program });
    if (r && config.divisions.some((x) => x.code === r.division)) out.push(publicDraw(config, r));
  }
  return out;
}

export const DRAW_FILES = ['P.csv', 'T.csv', 'A.csv'] as const;
export type DrawFileName = (typeof DRAW_FILES)[number];

/** One file of a published formation's draw, named as the verify command names it (P.csv, T.csv, A.csv). */
export async function drawFile(deps: Pick<Deps, 'db'>, formationId: string, file: string): Promise<{ name: string; text: string }> {
  if (!(DRAW_FILES as readonly string[]).includes(file)) throw new AppError('NOT_FOUND', `A draw has the files ${DRAW_FILES.join(', ')}; there is no "${file}".`);
  const r = await drawRecordOf(deps.db, formationId);
  if (!r) throw new AppError('NOT_FOUND', 'That formation is not published, so it has no draw record yet. Publish it first.');
  const text = file === 'P.csv' ? r.playersCsv : file === 'T.csv' ? r.teamsCsv : r.assignmentsCsv;
  return { name: file, text };
}

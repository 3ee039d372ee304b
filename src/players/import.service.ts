/**
 * Players from the registration system's export, all or nothing: a file with any bad line is
 * refused whole (every line number and reason listed); a good file adds new players, updates known
 * ones (matched by PlayerID, the players' external id) and adds nothing twice when imported again.
 */
import { newId } from '../platform/clock.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import { AppError } from '../platform/errors.js';
import type { Deps } from '../platform/feature.js';
import type { Db } from '../platform/db/database.js';
import { findSeason } from '../region/index.js';
import type { RegionConfig } from '../region/index.js';
import { getRegionConfig } from '../region/index.js';
import { parsePlayerExport, type PlayerImportRow } from './players-import.rules.js';
import { IMPORTED_RATINGS, placePlayer, PROGRAM_LABELS, ratingProblem, type Program } from './players.rules.js';
import { placementsOf, playersByExternalIds, seasonRatingsOf } from './players.store.js';
import { insertPlayer, insertSeasonPlayer, putRating, updatePlayer, updateSeasonPlayer } from './players-write.store.js';
import { guardianPerson, linkGuardian, type PersonCache } from './guardians.service.js';

export const MAX_PLAYER_FILE_BYTES = 5 * 1024 * 1024;

export interface PlayerImportReport {
  seasonId: string;
  fileName: string;
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  guardiansCreated: number;
  ratingsImported: number;
  /** Lines worth a look that did not stop the import (the export's division differs, a moved player kept). */
  notes: string[];
}

interface Placed extends PlayerImportRow {
  division: string;
  program: Program;
}

/** Checks every line: the parser's errors, the rating's step, and a division for the birth date. */
function checkRows(config: RegionConfig, seasonId: string, data: Uint8Array): Placed[] {
  const ref = findSeason(config, seasonId);
  if (!ref) throw new AppError('NOT_FOUND', `There is no season "${seasonId}" in the region configuration.`);
  const { min, max } = config.ratingScale;
  const parsed = parsePlayerExport(data, { ratingRange: { min, max } });
  const errors = parsed.errors.map((e) => ({ row: e.row, message: e.message }));
  const placed: Placed[] = [];
  for (const row of parsed.rows) {
    const problem = row.rating === null ? null : ratingProblem(row.rating, config.ratingScale);
    if (problem) errors.push({ row: row.rowNumber, message: `Player Evaluation Rating ${problem}` });
    const where = placePlayer(config, ref.year, row.birthDate, row.gender);
    if (!where.ok) errors.push({ row: row.rowNumber, message: `${row.firstName} ${row.lastName} ${where.message}` });
    else placed.push({ ...row, division: where.division, program: where.program });
  }
  if (errors.length > 0) {
    const list = errors.sort((a, b) => a.row - b.row).map((e) => `line ${e.row}: ${e.message}`);
    const lines = new Set(errors.map((e) => e.row)).size;
    throw new AppError('VALIDATION', `The file has ${list.length} problem(s) on ${lines} line(s); nothing was imported. Fix them and upload the whole file again.`, {
      errors: list,
    });
  }
  return placed;
}

const lineOf = (note: string) => Number(/^line (\d+)/.exec(note)?.[1] ?? 0);
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function divisionNote(config: RegionConfig, r: Placed): string | null {
  if (!r.divisionName) return null;
  const name = `${config.divisions.find((d) => d.code === r.division)?.name ?? r.division} ${PROGRAM_LABELS[r.program]}`;
  if (squash(r.divisionName) === squash(name) || squash(r.divisionName) === squash(r.division)) return null;
  return `line ${r.rowNumber}: the export says "${r.divisionName}"; by date of birth and gender ${r.firstName} ${r.lastName} plays in ${name}.`;
}

interface Known {
  players: Map<string, { id: string; first_name: string; last_name: string; birth_date: string; gender: string }>;
  season: Map<string, { division: string; program: string; goalkeeper: number; moved_reason: string | null }>;
  imported: Map<string, number>;
}

async function loadKnown(db: Db, seasonId: string, externalIds: string[]): Promise<Known> {
  const players = await playersByExternalIds(db, externalIds);
  const ids = players.map((p) => p.id);
  const season = await placementsOf(db, seasonId, ids);
  const imported = await seasonRatingsOf(db, IMPORTED_RATINGS, ids);
  return {
    players: new Map(players.map((p) => [p.external_id!, p])),
    season: new Map(season.map((s) => [s.player_id, s])),
    imported: new Map(imported.map((r) => [r.player_id, Number(r.rating)])),
  };
}

/** Writes one line; answers whether the player was new, changed or already as the file says. */
async function writeRow(
  trx: Db,
  known: Known,
  seasonId: string,
  r: Placed,
  at: string,
  cache: PersonCache,
  report: PlayerImportReport,
): Promise<'added' | 'updated' | 'unchanged'> {
  const old = known.players.get(r.externalId);
  const id = old?.id ?? newId();
  let changed = false;
  if (!old) {
    await insertPlayer(trx, {
      id,
      external_id: r.externalId,
      first_name: r.firstName,
      last_name: r.lastName,
      birth_date: r.birthDate,
      gender: r.gender,
      created_at: at,
      updated_at: at,
    });
  } else if (old.first_name !== r.firstName || old.last_name !== r.lastName || old.birth_date !== r.birthDate || old.gender !== r.gender) {
    await updatePlayer(trx, id, { first_name: r.firstName, last_name: r.lastName, birth_date: r.birthDate, gender: r.gender, updated_at: at });
    changed = true;
  }
  const guardian = await guardianPerson(trx, r.parent, at, cache);
  if (guardian.created) report.guardiansCreated++;
  if ((await linkGuardian(trx, id, guardian.id)) && old) changed = true;
  const goalkeeper = r.goalkeeper ? 1 : 0;
  const reg = known.season.get(id);
  if (!reg) {
    await insertSeasonPlayer(trx, { id: newId(), season_id: seasonId, player_id: id, division: r.division, program: r.program, goalkeeper, moved_reason: null, created_at: at });
    if (old) changed = true;
  } else if (reg.moved_reason !== null) {
    if (reg.division !== r.division || reg.program !== r.program)
      report.notes.push(
        `line ${r.rowNumber}: ${r.firstName} ${r.lastName} stays in ${reg.division} ${reg.program}, where the coach administrator moved them (${reg.moved_reason}).`,
      );
  } else if (reg.division !== r.division || reg.program !== r.program || (r.goalkeeper !== undefined && reg.goalkeeper !== goalkeeper)) {
    await updateSeasonPlayer(trx, seasonId, id, { division: r.division, program: r.program, goalkeeper: r.goalkeeper === undefined ? reg.goalkeeper : goalkeeper });
    changed = true;
  }
  if (r.rating !== null && known.imported.get(id) !== r.rating) {
    await putRating(trx, { seasonId: IMPORTED_RATINGS, playerId: id, rating: r.rating, ratedBy: null, ratedAt: at, overrideReason: null });
    report.ratingsImported++;
    if (old) changed = true;
  }
  return !old ? 'added' : changed ? 'updated' : 'unchanged';
}

/** Imports a registration export into a season (see the module comment); audited as one change. */
export async function importPlayers(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, seasonId: string, data: Uint8Array, fileName: string): Promise<PlayerImportReport> {
  const config = await getRegionConfig(deps.db);
  const rows = checkRows(config, seasonId, data);
  const at = deps.clock.now().toISOString();
  const report: PlayerImportReport = { seasonId, fileName, rows: rows.length, added: 0, updated: 0, unchanged: 0, guardiansCreated: 0, ratingsImported: 0, notes: [] };
  for (const r of rows) {
    const note = divisionNote(config, r);
    if (note) report.notes.push(note);
  }
  await deps.db.transaction().execute(async (trx) => {
    const known = await loadKnown(
      trx,
      seasonId,
      rows.map((r) => r.externalId),
    );
    const cache: PersonCache = new Map();
    for (const r of rows) report[await writeRow(trx, known, seasonId, r, at, cache, report)]++;
    report.notes.sort((a, b) => lineOf(a) - lineOf(b));
    const { notes, ...summary } = report;
    await recordAudit(trx, { actor, at, action: 'players.import', entity: 'season', entityId: seasonId, after: { ...summary, notes: notes.length } });
  });
  return report;
}

/**
 * Imports completions from the older system's CSV export (rules.md: "rows that do not match a
 * person are reported, not dropped silently"). Good rows land, bad rows are listed with their line
 * numbers; importing the same file again adds nothing (unique constraint + insert-or-ignore).
 */
import type { RowError } from '../../platform/csv.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit, type Actor } from '../../platform/audit.js';
import { newId } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/transactions.js';
import { getRegionConfig, regionToday } from '../../region/index.js';
import { catalogOf, type Catalog } from '../catalog.rules.js';
import { parseLegacyCertifications, type LegacyCompletionRow } from './legacy-import.rules.js';
import { normalizeName } from '../training.rules.js';
import { insertCompletionIfNew } from '../training.store.js';
import type { TrainingDeps } from '../completions/completions.service.js';
import { associationIdHolder, fillAssociationId, importablePeople } from './import.store.js';

/** The largest legacy file accepted (a region's whole history is far smaller). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportReport {
  /** Data lines in the file. */
  rows: number;
  /** Lines that added at least one completion. */
  added: number;
  /** Lines whose completions were all recorded already. */
  alreadyPresent: number;
  /** Completions written (a two-part course adds two). */
  completionsAdded: number;
  /** People whose empty association id was filled from the file. */
  associationIdsSet: number;
  unmatched: RowError[];
  unknownTraining: RowError[];
  /** Other problems: impossible or future dates, missing id, an id another account holds. */
  invalid: RowError[];
}

interface Candidate {
  id: string;
  associationId: string | null;
}

interface People {
  byEmail: Map<string, Candidate>;
  byAssociationId: Map<string, Candidate>;
  byNameAndBirth: Map<string, Candidate[]>;
}

const nameKey = (first: string, last: string, birth: string) => `${normalizeName(first)}|${normalizeName(last)}|${birth}`;

async function loadPeople(db: Db): Promise<People> {
  const rows = await importablePeople(db);
  const p: People = { byEmail: new Map(), byAssociationId: new Map(), byNameAndBirth: new Map() };
  for (const r of rows) {
    const c = { id: r.id, associationId: r.association_id };
    if (r.email) p.byEmail.set(r.email.trim().toLowerCase(), c);
    if (r.association_id) p.byAssociationId.set(r.association_id, c);
    if (r.birth_date) {
      const key = nameKey(r.first_name, r.last_name, r.birth_date);
      p.byNameAndBirth.set(key, [...(p.byNameAndBirth.get(key) ?? []), c]);
    }
  }
  return p;
}

/** Email first, then the association id already on file, then the same name and date of birth. */
function match(people: People, row: LegacyCompletionRow): { person: Candidate } | { problem: string } {
  const byEmail = row.email ? people.byEmail.get(row.email.trim().toLowerCase()) : undefined;
  if (byEmail) return { person: byEmail };
  const byId = people.byAssociationId.get(row.associationId);
  if (byId) return { person: byId };
  const who = `${row.firstName} ${row.lastName}`.trim();
  const named = row.birthDate ? (people.byNameAndBirth.get(nameKey(row.firstName, row.lastName, row.birthDate)) ?? []) : [];
  if (named.length === 1) return { person: named[0]! };
  if (named.length > 1)
    return { problem: `${who} (born ${row.birthDate}) matches ${named.length} people: give the line the email of the right account, or merge the duplicate accounts first.` };
  const email = row.email ? `email ${row.email}` : 'no email';
  return {
    problem: `Nobody matches ${who} (${email}, born ${row.birthDate ?? 'unknown'}, AYSO ID ${row.associationId}): create their account or correct the email, then import the file again.`,
  };
}

const UNKNOWN = /^Certification ".*" is not a training/;

/** Sorts the parser's line problems into unknown trainings and the rest. */
function sortParseErrors(errors: RowError[], report: ImportReport): void {
  const unknownRows = new Set(errors.filter((e) => UNKNOWN.test(e.message)).map((e) => e.row));
  for (const e of errors) (unknownRows.has(e.row) ? report.unknownTraining : report.invalid).push(e);
}

/** Imports a legacy export; throws VALIDATION only when the file cannot be read at all. */
export async function importLegacyCertifications(deps: TrainingDeps, actor: Actor, bytes: Uint8Array, fileName: string): Promise<ImportReport> {
  const config = await getRegionConfig(deps.db);
  const catalog = catalogOf(config);
  const parsed = parseLegacyCertifications(bytes, { today: regionToday(config, deps.clock) });
  if (parsed.rows.length === 0 && parsed.errors.some((e) => e.row === 1)) {
    const errors = parsed.errors.map((e) => (e.message.startsWith('Line') ? e.message : `Line ${e.row}: ${e.message}`));
    throw new AppError('VALIDATION', `${fileName} cannot be imported: ${errors[0]}`, { errors });
  }
  const report: ImportReport = { rows: 0, added: 0, alreadyPresent: 0, completionsAdded: 0, associationIdsSet: 0, unmatched: [], unknownTraining: [], invalid: [] };
  sortParseErrors(parsed.errors, report);
  report.rows = parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size;
  try {
    return await importInTransaction(deps, actor, { catalog, fileName, parsedRows: parsed.rows, report });
  } catch (e) {
    // Another change gave one of the file's association ids to an account while this import ran.
    if (isUniqueViolation(e))
      throw new AppError('CONFLICT', `${fileName} was not imported: an association id in it was given to another account meanwhile. Import the file again.`);
    throw e;
  }
}

async function importInTransaction(
  deps: TrainingDeps,
  actor: Actor,
  x: { catalog: Catalog; fileName: string; parsedRows: LegacyCompletionRow[]; report: ImportReport },
): Promise<ImportReport> {
  const { catalog, fileName, report } = x;
  return deps.db.transaction().execute(async (trx) => {
    const people = await loadPeople(trx);
    const at = deps.clock.now().toISOString();
    for (const row of x.parsedRows) await importRow(trx, { catalog, people, report, actor, at }, row);
    for (const list of [report.unmatched, report.unknownTraining, report.invalid]) list.sort((a, b) => a.row - b.row);
    const counts = {
      file: fileName,
      rows: report.rows,
      added: report.added,
      alreadyPresent: report.alreadyPresent,
      completionsAdded: report.completionsAdded,
      unmatched: report.unmatched.length,
      unknownTraining: report.unknownTraining.length,
      invalid: report.invalid.length,
    };
    await recordAudit(trx, { actor, at, action: 'training.import', entity: 'completions', entityId: newId(), after: counts });
    return report;
  });
}

interface RowContext {
  catalog: Catalog;
  people: People;
  report: ImportReport;
  actor: Actor;
  at: string;
}

/** One parsed line: every part of its training for the matched person, or the reason it cannot land. */
async function importRow(trx: Db, x: RowContext, row: LegacyCompletionRow): Promise<void> {
  const training = x.catalog.get(row.training);
  if (!training) {
    x.report.unknownTraining.push({
      row: row.rowNumber,
      message: `The training "${row.training}" is not in the region's catalog: add it to the region configuration, or leave the line out.`,
    });
    return;
  }
  const m = match(x.people, row);
  if ('problem' in m) {
    x.report.unmatched.push({ row: row.rowNumber, message: m.problem });
    return;
  }
  const fillId = !m.person.associationId && row.associationId !== '';
  if (fillId) {
    const taken = await idTakenProblem(trx, row);
    if (taken) {
      x.report.invalid.push({ row: row.rowNumber, message: taken });
      return;
    }
  }
  let added = 0;
  for (const p of training.parts) {
    const c = await insertCompletionIfNew(trx, {
      personId: m.person.id,
      training: training.code,
      part: p.part,
      completedOn: row.completedOn,
      source: 'import',
      classSessionId: null,
      recordedBy: x.actor.id,
      recordedAt: x.at,
    });
    if (c) added++;
  }
  x.report.completionsAdded += added;
  if (added) x.report.added++;
  else x.report.alreadyPresent++;
  if (fillId) {
    await fillAssociationId(trx, m.person.id, row.associationId, x.at);
    m.person.associationId = row.associationId;
    x.report.associationIdsSet++;
  }
}

/**
 * Why a line cannot give its person the association id it carries: another account (in use, or a
 * merged one's tombstone) holds it, and the id is unique. Checked before anything of the line is
 * written, so the line lands whole or not at all.
 */
async function idTakenProblem(trx: Db, row: LegacyCompletionRow): Promise<string | null> {
  const holder = await associationIdHolder(trx, row.associationId);
  if (!holder) return null;
  const whose = `${holder.first_name} ${holder.last_name}${holder.merged_into ? ', merged into another account' : ''}`;
  const who = `${row.firstName} ${row.lastName}`.trim();
  const email = row.email ? ` (${row.email})` : '';
  return `AYSO ID ${row.associationId} belongs to another account (${whose}), not to ${who}${email}: correct the id in the file, or merge the two accounts first. Nothing of this line was imported.`;
}

/** The report as lines for a person to read (CLI, page). */
export function reportSummary(r: ImportReport): string {
  const parts = [`${r.added} added`, `${r.alreadyPresent} already present`, `${r.unmatched.length} unmatched`, `${r.unknownTraining.length} unknown training`];
  if (r.invalid.length) parts.push(`${r.invalid.length} with other problems`);
  return `${r.rows} lines: ${parts.join(', ')}.`;
}

/**
 * Issuing and printing badges. A badge is issued (a row with a new unguessable token) the first time
 * it is printed or downloaded, and again when what it prints (photo, name, roles) changed or the
 * board asks for new ones (a lost badge): the older badge is then replaced and stops being valid.
 * Every print is recorded as a run (sheet, reprint or download) with its badges in order.
 */
import { AppError } from '../../platform/errors.js';
import { newId, newToken } from '../../platform/clock.js';
import { recordAudit, type Actor } from '../../platform/audit.js';
import type { Db } from '../../platform/db/database.js';
import { getRegionConfig } from '../../region/index.js';
import { notifyBadgeReady } from '../badges.mail.js';
import { choosePrintSet, sameFacts } from '../badges.rules.js';
import { boardList, fullName, personBadge, type BadgeDeps, type CoachBadge } from '../badges.service.js';
import { insertBadge, replaceBadges, type BadgeRow } from '../badges.store.js';
import { findRun, insertRun, runBadges, type RunKind } from './runs.store.js';
import { renderBadges, type Printable } from './render.service.js';
import { isUniqueViolation } from '../../platform/db/transactions.js';

/** What printing a coach takes: the badge to print, and the badge to issue first (null when the current one still prints the same). */
interface Planned {
  item: Printable;
  issue: Omit<BadgeRow, 'replacedAt' | 'invalidSince'> | null;
}

/**
 * The badge to print for an eligible coach: the current one when it still prints the same, else a
 * new one (new id and token) that replaces it. Decided before anything is written, so that the
 * PDF is made before the transaction that records the print: a PDF that fails records nothing.
 */
function planBadge(c: CoachBadge, reissue: boolean, at: string): Planned {
  const facts = c.facts!;
  const fileId = c.photo!.fileId;
  if (c.current && !reissue && sameFacts({ photoId: c.current.photoId, name: c.current.name, roles: c.current.roles }, facts)) {
    return { item: { badgeId: c.current.id, personId: c.personId, token: c.current.token, name: c.current.name, roles: c.current.roles, fileId }, issue: null };
  }
  const b = { id: newId(), personId: c.personId, seasonId: c.season.id, token: newToken(), photoId: facts.photoId, name: facts.name, roles: [...facts.roles], issuedAt: at };
  return { item: { badgeId: b.id, personId: c.personId, token: b.token, name: b.name, roles: b.roles, fileId }, issue: b };
}

/** Issues the planned badges: each replaces its coach's current badge of the season. */
async function issuePlanned(trx: Db, planned: readonly Planned[], at: string): Promise<void> {
  for (const { issue } of planned) {
    if (!issue) continue;
    await replaceBadges(trx, issue.personId, issue.seasonId, at);
    await insertBadge(trx, issue);
  }
}

async function record(
  trx: Db,
  actor: Actor,
  run: { id: string; seasonId: string; kind: RunKind; reprintOf: string | null; at: string; items: readonly Printable[] },
): Promise<void> {
  await insertRun(trx, {
    id: run.id,
    seasonId: run.seasonId,
    kind: run.kind,
    reprintOf: run.reprintOf,
    printedAt: run.at,
    printedBy: actor,
    badgeIds: run.items.map((i) => i.badgeId),
  });
  const after = { kind: run.kind, seasonId: run.seasonId, reprintOf: run.reprintOf, people: run.items.map((i) => i.personId) };
  await recordAudit(trx, { actor, at: run.at, action: `badge.print.${run.kind}`, entity: 'badge_print_run', entityId: run.id, after });
}

/** NOT_ELIGIBLE with every missing item (details.missing, and details.errors for forms). */
export function notEligible(c: CoachBadge): AppError {
  const m = c.eligibility.missing;
  return new AppError(
    'NOT_ELIGIBLE',
    `No badge for ${fullName(c)} yet: ${m.length === 1 ? 'one thing is' : `${m.length} things are`} missing. ${m.map((x) => x.message).join(' ')}`,
    { missing: m, errors: m.map((x) => x.message) },
  );
}

/**
 * Runs work that issues badges again when another print issued a badge to the same coach at the
 * same moment: the database keeps one current badge per coach and season (badges_one_current),
 * so the later of two simultaneous prints is refused, reads again and prints the badge just issued.
 */
async function issuing<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 3) throw e;
    }
  }
}

/**
 * One person's badge as a card-size PDF (the person or the board); recorded as a download once the
 * PDF is made (a PDF that fails records nothing).
 */
export async function downloadBadge(deps: BadgeDeps, actor: Actor, personId: string, seasonId?: string): Promise<{ pdf: Uint8Array; fileName: string }> {
  return issuing(async () => {
    const c = await personBadge(deps, personId, seasonId);
    if (!c.eligibility.eligible) throw notEligible(c);
    const at = deps.clock.now().toISOString();
    const planned = planBadge(c, false, at);
    const pdf = await renderBadges(deps, c.season.id, [planned.item], { single: true });
    await deps.db.transaction().execute(async (trx) => {
      await issuePlanned(trx, [planned], at);
      await record(trx, actor, { id: newId(), seasonId: c.season.id, kind: 'download', reprintOf: null, at, items: [planned.item] });
    });
    return { pdf, fileName: `badge-${slug(fullName(c))}-${c.season.id}.pdf` };
  });
}

export interface PrintRequest {
  seasonId?: string;
  /** The chosen people; null for every eligible coach not yet printed. */
  personIds: readonly string[] | null;
  /** New badges (new QR codes) even when the current ones still print the same. */
  reissue: boolean;
}

/** Prints a sheet (a run); each coach printed on a sheet for the first time this season is mailed that the badge is ready. */
export async function printSheet(deps: BadgeDeps, actor: Actor, req: PrintRequest): Promise<{ runId: string; count: number }> {
  return issuing(() => printOnce(deps, actor, req));
}

async function printOnce(deps: BadgeDeps, actor: Actor, req: PrintRequest): Promise<{ runId: string; count: number }> {
  const config = await getRegionConfig(deps.db);
  const list = await boardList(deps, req.seasonId, config);
  const { targets, errors } = choosePrintSet(
    list.rows.map((r) => ({ ...r, name: fullName(r), missing: r.eligibility.missing })),
    req.personIds,
  );
  if (errors.length) throw new AppError('VALIDATION', errors.join(' '), { errors });
  if (!targets.length) throw new AppError('VALIDATION', `No coach is waiting for a badge in ${list.season.name}: everyone eligible is printed. Choose coaches to print again.`);
  const at = deps.clock.now().toISOString();
  const runId = newId();
  const contact = config.region.contacts.find((k) => k.role === 'coach-administrator');
  const pickUp = `Pick it up from ${contact ? `${contact.name} (${contact.email}), ` : ''}your coach administrator. You can also download it any time: ${deps.config.baseUrl}/badges`;
  const planned = targets.map((t) => planBadge(t, req.reissue, at));
  const items = planned.map((p) => p.item);
  // The sheet is made first: when it cannot be (a photo that cannot be read, any failure of the
  // PDF), nothing is issued, recorded or mailed. runSheet makes the same sheet again from the run.
  await renderBadges(deps, list.season.id, items, { single: false, printedAt: at, printedBy: actor.name });
  await deps.db.transaction().execute(async (trx) => {
    await issuePlanned(trx, planned, at);
    await record(trx, actor, { id: runId, seasonId: list.season.id, kind: 'sheet', reprintOf: null, at, items });
    for (const t of targets) await notifyBadgeReady(trx, deps, t.personId, list.season.id, pickUp);
  });
  return { runId, count: targets.length };
}

/** Prints a run again: its badges with the same QR codes, leaving out those replaced or no longer eligible. */
export async function reprintRun(deps: BadgeDeps, actor: Actor, runId: string): Promise<{ runId: string; count: number; skipped: number }> {
  const run = await findRun(deps.db, runId);
  if (!run) throw new AppError('NOT_FOUND', 'There is no such print run.');
  const list = await boardList(deps, run.seasonId);
  const ok = new Map(list.rows.filter((r) => r.status !== 'blocked').map((r) => [r.personId, r.current?.id]));
  const badges = await runBadges(deps.db, runId);
  const items = badges.filter((b) => !b.replacedAt && ok.get(b.personId) === b.badgeId);
  if (!items.length)
    throw new AppError(
      'VALIDATION',
      'None of the badges of that run can be printed again: they were replaced or their coaches are no longer eligible. Print the waiting coaches instead.',
    );
  const id = newId();
  const at = deps.clock.now().toISOString();
  await renderBadges(deps, run.seasonId, items, { single: false, printedAt: at, printedBy: actor.name });
  await deps.db.transaction().execute((trx) => record(trx, actor, { id, seasonId: run.seasonId, kind: 'reprint', reprintOf: run.id, at, items }));
  return { runId: id, count: items.length, skipped: badges.length - items.length };
}

/** The print sheet PDF of a run. */
export async function runSheet(deps: BadgeDeps, runId: string): Promise<{ pdf: Uint8Array; fileName: string }> {
  const run = await findRun(deps.db, runId);
  if (!run) throw new AppError('NOT_FOUND', 'There is no such print run.');
  const items = await runBadges(deps.db, runId);
  const pdf = await renderBadges(deps, run.seasonId, items, { single: false, printedAt: run.printedAt, printedBy: run.printedByName });
  return { pdf, fileName: `badges-${run.seasonId}-${run.printedAt.slice(0, 10)}-${run.id.slice(0, 6)}.pdf` };
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'coach';

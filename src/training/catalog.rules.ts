import { AppError } from '../platform/errors.js';
import type { RegionConfig, Training } from '../region/index.js';

/**
 * The training catalog (rules.md, "Trainings and certifications"): completion codes, when a
 * training counts as complete or expired, and what must be done before registering for a class.
 * Everything is read from the region's catalog; nothing names a particular course.
 */

/** The training codes of a region, read once per configuration. */
export type Catalog = ReadonlyMap<string, Training>;

/** One part of one training, the unit a completion is recorded for. */
export interface CompletionRef {
  training: string;
  part: string;
}

/** A recorded completion of one part of a training. */
export interface Completion extends CompletionRef {
  completedOn: string;
}

/** training -> part -> latest completion date on or before "today". */
export type CompletionIndex = ReadonlyMap<string, ReadonlyMap<string, string>>;

export type CodeCheck = { ok: true; ref: CompletionRef } | { ok: false; code: 'UNKNOWN_TRAINING' | 'PART_REQUIRED' | 'UNKNOWN_PART'; message: string };

/** How far ahead "expires soon" looks by default, in days. */
export const EXPIRES_SOON_DAYS = 60;

/** The catalog of a configuration, by training code. Cheap: build it where the configuration is read. */
export function catalogOf(config: RegionConfig): Catalog {
  return new Map(config.trainings.map((t) => [t.code, t]));
}

/** The completion code of a part: the bare training code for a one-part course, `code:part` otherwise. */
export function completionCode(training: Training, part: string): string {
  return training.parts.length === 1 ? training.code : `${training.code}:${part}`;
}

const partCodes = (t: Training): string => t.parts.map((p) => `${t.code}:${p.part}`).join(' or ');

/**
 * Reads a completion code as the API takes it: `safe-haven` for a one-part course, `coach-10u:field`
 * for a part of a two-part course (`safe-haven:online` is accepted too). A bare two-part code is
 * refused, because crediting "coach-10u" would not say which part was done.
 */
export function checkCompletionCode(catalog: Catalog, text: string): CodeCheck {
  const raw = text.trim();
  const cut = raw.indexOf(':');
  const code = cut < 0 ? raw : raw.slice(0, cut);
  const training = catalog.get(code);
  if (!training) {
    const known = [...catalog.values()].map((t) => (t.parts.length === 1 ? t.code : partCodes(t))).join(', ');
    return { ok: false, code: 'UNKNOWN_TRAINING', message: `"${code.slice(0, 40)}" is not a training of the region; use one of: ${known}.` };
  }
  if (cut < 0) {
    if (training.parts.length === 1) return { ok: true, ref: { training: code, part: training.parts[0]!.part } };
    return { ok: false, code: 'PART_REQUIRED', message: `${training.name} has ${training.parts.length} parts: say which one, ${partCodes(training)}.` };
  }
  const part = raw.slice(cut + 1);
  if (!training.parts.some((p) => p.part === part)) {
    return { ok: false, code: 'UNKNOWN_PART', message: `${training.name} has no part "${part.slice(0, 40)}": use ${partCodes(training)}.` };
  }
  return { ok: true, ref: { training: code, part } };
}

/** checkCompletionCode for services: the part, or AppError with the same code and message. */
export function parseCompletionCode(catalog: Catalog, text: string): CompletionRef {
  const check = checkCompletionCode(catalog, text);
  if (!check.ok) throw new AppError(check.code, check.message, { field: 'training' });
  return check.ref;
}

/**
 * Indexes completions by training and part, keeping each part's latest date. Completions dated
 * after `today` are left out, so the answer is "as of today" (and a past date can be replayed).
 */
export function indexCompletions(completions: readonly Completion[], today: string): CompletionIndex {
  const index = new Map<string, Map<string, string>>();
  for (const c of completions) {
    if (c.completedOn > today) continue;
    let parts = index.get(c.training);
    if (!parts) index.set(c.training, (parts = new Map()));
    const seen = parts.get(c.part);
    if (seen === undefined || c.completedOn > seen) parts.set(c.part, c.completedOn);
  }
  return index;
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Adds calendar months; a day past the end of the target month becomes its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/**
 * The first day a completion no longer counts: `expiresAfterMonths` after its date, or null when
 * the training never expires (rules.md: the default, completions stay valid across seasons).
 */
export function expiryDate(training: Training, completedOn: string): string | null {
  return training.expiresAfterMonths === null ? null : addMonths(completedOn, training.expiresAfterMonths);
}

export interface TrainingStatus {
  training: string;
  /** Every part has a completion (expired or not). */
  complete: boolean;
  /** The latest part's date, when complete. */
  completedOn: string | null;
  expiresOn: string | null;
  expired: boolean;
  /** Valid today but expiring within the window. */
  expiresSoon: boolean;
  /** Complete and not expired: the training counts today. */
  valid: boolean;
  partsMissing: string[];
}

/**
 * Where a person stands on one training today. A training is complete when every part has a
 * completion, dated by its latest part; with an expiry set it stops counting on its expiry date.
 */
export function trainingStatus(training: Training, index: CompletionIndex, today: string, soonDays = EXPIRES_SOON_DAYS): TrainingStatus {
  const done = index.get(training.code);
  const partsMissing = training.parts.filter((p) => !done?.has(p.part)).map((p) => p.part);
  const complete = partsMissing.length === 0;
  // biome-ignore lint/complexity/useMathMinMax: dates are YYYY-MM-DD text, the latest is the greatest string
  const completedOn = complete ? training.parts.map((p) => done!.get(p.part)!).reduce((a, b) => (b > a ? b : a)) : null;
  const expiresOn = completedOn === null ? null : expiryDate(training, completedOn);
  const expired = expiresOn !== null && today >= expiresOn;
  const expiresSoon = expiresOn !== null && !expired && daysBetween(today, expiresOn) <= soonDays;
  return { training: training.code, complete, completedOn, expiresOn, expired, expiresSoon, valid: complete && !expired, partsMissing };
}

/**
 * One line telling a person how to complete a training or one of its parts. In-person parts say
 * to register first, because instructors can credit registered attendees only.
 */
export function howToComplete(training: Training, part?: string): string {
  const p = training.parts.find((x) => x.part === part);
  if (training.parts.length > 1 && p) {
    return p.mode === 'online'
      ? `Complete the online part of ${training.name}.`
      : `Register for an in-person session of ${training.name} (${p.name.toLowerCase()}) and attend it; instructors can credit registered attendees only.`;
  }
  if (training.parts.every((x) => x.mode === 'online')) return `Complete the ${training.name} course online.`;
  return `Register for an in-person session of ${training.name} and attend it; instructors can credit registered attendees only.`;
}

/** Something to finish before registering for a class. `code` is a completion code. */
export interface MissingPrerequisite {
  code: string;
  training: string;
  part: string | null;
  message: string;
}

/** Online parts listed before an in-person part, which that part builds on. */
function earlierOnlineParts(training: Training, part: string): string[] {
  const at = training.parts.findIndex((p) => p.part === part);
  if (at < 0 || training.parts[at]!.mode !== 'in-person') return [];
  return training.parts
    .slice(0, at)
    .filter((p) => p.mode === 'online')
    .map((p) => p.part);
}

/**
 * What a person must finish before registering for a part of a training, as of today:
 * - the course's own online parts listed before an in-person part (the 12U online prerequisite;
 *   the 10U online part, which leads to the shorter field session). A region that lets people
 *   take the in-person part first lists it first in the catalog, and nothing is required;
 * - every course in the training's `prerequisites`, complete and not expired (Intermediate needs
 *   12U, Advanced needs Intermediate).
 */
export function registrationPrerequisites(catalog: Catalog, ref: CompletionRef, index: CompletionIndex, today: string): MissingPrerequisite[] {
  const training = catalog.get(ref.training);
  if (!training) return [];
  const out: MissingPrerequisite[] = [];
  const done = index.get(training.code);
  const target = training.parts.find((p) => p.part === ref.part)?.name.toLowerCase() ?? ref.part;
  for (const part of earlierOnlineParts(training, ref.part)) {
    if (done?.has(part)) continue;
    const message = `Complete the online part of ${training.name} before registering for its ${target}.`;
    out.push({ code: completionCode(training, part), training: training.code, part, message });
  }
  for (const code of training.prerequisites) {
    const pre = catalog.get(code);
    const status = pre ? trainingStatus(pre, index, today) : null;
    if (!pre || status?.valid) continue;
    const again = status?.expired ? ` (it expired on ${status.expiresOn}; complete it again)` : '';
    const message = `Complete ${pre.name}${again} before registering for ${training.name}.`;
    out.push({ code, training: code, part: null, message });
  }
  return out;
}

/** registrationPrerequisites for services: throws PREREQUISITE_MISSING with the first message and the full list. */
export function assertCanRegister(catalog: Catalog, ref: CompletionRef, index: CompletionIndex, today: string): void {
  const missing = registrationPrerequisites(catalog, ref, index, today);
  if (missing.length) throw new AppError('PREREQUISITE_MISSING', missing[0]!.message, { missing });
}

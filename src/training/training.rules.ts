/**
 * Small pure rules of the trainings feature that catalog.rules does not cover: certificate numbers,
 * labels and choices built from the catalog, the way people's names are compared when a legacy file
 * is matched, and a training's state as a person is shown it.
 */
import type { Training } from '../region/index.js';
import { completionCode, howToComplete, type Catalog, type TrainingStatus } from './catalog.rules.js';

/** Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I). */
const CERT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A certificate number such as `TL-2026-7KQ4MZ`: the year of the completion and six characters
 * from 32 unambiguous ones (about a billion per year). `bytes` are random bytes (at least six);
 * the caller checks the number is not taken yet.
 */
export function certificateNumber(completedOn: string, bytes: Uint8Array): string {
  if (bytes.length < 6) throw new Error('certificateNumber needs six random bytes');
  const code = Array.from(bytes.subarray(0, 6), (b) => CERT_ALPHABET[b & 31]).join('');
  return `TL-${completedOn.slice(0, 4)}-${code}`;
}

export const CERTIFICATE_NUMBER = /^TL-\d{4}-[2-9A-HJ-NP-Z]{6}$/;

/** How a completion is shown: "Safe Haven", or "10U Coach: Field session" for one part of a two-part course. */
export function completionLabel(catalog: Catalog, trainingCode: string, part: string): string {
  const t = catalog.get(trainingCode);
  if (!t) return `${trainingCode} (${part})`;
  if (t.parts.length === 1) return t.name;
  return `${t.name}: ${t.parts.find((p) => p.part === part)?.name ?? part}`;
}

export interface CodeOption {
  /** The completion code the API and forms take (`safe-haven`, `coach-10u:field`). */
  code: string;
  label: string;
}

/** Every completion code of the catalog, for a "which training" choice. */
export function completionOptions(catalog: Catalog): CodeOption[] {
  return [...catalog.values()].flatMap((t) => t.parts.map((p) => ({ code: completionCode(t, p.part), label: completionLabel(catalog, t.code, p.part) })));
}

/** The in-person parts of the catalog: what a class session can be scheduled for. */
export function classOptions(catalog: Catalog): CodeOption[] {
  return [...catalog.values()].flatMap((t) =>
    t.parts.filter((p) => p.mode === 'in-person').map((p) => ({ code: `${t.code}:${p.part}`, label: completionLabel(catalog, t.code, p.part) })),
  );
}

/** Letters and digits only, without accents and case: "José  O'Brien" and "jose obrien" meet. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export type TrainingState = 'valid' | 'expires-soon' | 'expired' | 'in-progress' | 'not-started';

/** The one word state a person sees for a training. */
export function trainingState(s: TrainingStatus, partCount: number): TrainingState {
  if (s.complete) return s.expired ? 'expired' : s.expiresSoon ? 'expires-soon' : 'valid';
  return s.partsMissing.length < partCount ? 'in-progress' : 'not-started';
}

export const STATE_LABELS: Record<TrainingState, string> = {
  valid: 'Valid',
  'expires-soon': 'Expires soon',
  expired: 'Expired',
  'in-progress': 'Part done',
  'not-started': 'Not done',
};

/** What to do next about a training, or null when nothing is needed. */
export function nextStep(t: Training, s: TrainingStatus): string | null {
  if (s.complete && !s.expired && !s.expiresSoon) return null;
  if (s.complete) return `${s.expired ? 'Expired' : 'Expires'} on ${s.expiresOn}: ${howToComplete(t).replace(/\.$/, '')} again.`;
  const missing = s.partsMissing[0]!;
  return howToComplete(t, t.parts.length > 1 ? missing : undefined);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "September 15, 2026" for 2026-09-15 (certificates and mail). */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** The calendar date and wall-clock time (HH:MM, 24 h) of an instant in a time zone. */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

import type { FormBody } from '../../platform/http/forms.js';
import { invalid } from '../../platform/errors.js';
import { HALVES, MARKS, MAX_MISCONDUCT, quarterOf, type CardBack, type CardInput, type Mark, type MisconductKind } from './card-state.rules.js';

/**
 * The card page's form fields, named per roster player: att_<id> ('no' or the arrival quarter),
 * q<n>_<id> (a mark: S, P, K, I), g<h>_<id> (goals in half h); and the back of the card. One place
 * names them, so the view and the reader cannot drift apart.
 */
export const field = {
  att: (id: string) => `att_${id}`,
  quarter: (q: number, id: string) => `q${q}_${id}`,
  goals: (h: number, id: string) => `g${h}_${id}`,
  keep: (id: string) => `keep_${id}`,
  misconduct: (i: number, part: 'kind' | 'who' | 'reason') => `mc${i}_${part}`,
};

function whole(v: string | undefined, label: string, errors: string[]): number | null {
  const t = (v ?? '').trim();
  if (t === '') return null;
  if (!/^\d{1,2}$/.test(t)) {
    errors.push(`${label}: write a whole number from 0 to 99.`);
    return null;
  }
  return Number(t);
}

/** The attendance select: 'no' is absent, a number is the quarter the player arrived in. */
export function readAttendance(v: string | undefined, quarters: number): { attended: boolean; arrivedQuarter: number } {
  if (v === 'no') return { attended: false, arrivedQuarter: 1 };
  const q = Number(v);
  return { attended: true, arrivedQuarter: Number.isInteger(q) && q >= 1 && q <= quarters ? q : 1 };
}

const markIn = (v: string | undefined): Mark => (MARKS.includes(v as Mark) ? (v as Mark) : 'S');

function readBack(f: FormBody, errors: string[]): Partial<CardBack> {
  const misconduct = Array.from({ length: MAX_MISCONDUCT }, (_, i) => ({
    kind: (f[field.misconduct(i, 'kind')] === 'send-off' ? 'send-off' : 'caution') as MisconductKind,
    who: (f[field.misconduct(i, 'who')] ?? '').slice(0, 120),
    reason: (f[field.misconduct(i, 'reason')] ?? '').slice(0, 300),
  })).filter((m) => m.who.trim() !== '' || m.reason.trim() !== '');
  return {
    misconduct,
    halfTime: { us: whole(f.halfUs, 'Half-time score (us)', errors), them: whole(f.halfThem, 'Half-time score (them)', errors) },
    final: { us: whole(f.finalUs, 'Final score (us)', errors), them: whole(f.finalThem, 'Final score (them)', errors) },
    conditions: (f.conditions ?? '').slice(0, 300),
    sportsmanship: f.sportsmanship ?? '',
    referees: { center: (f.ref ?? '').slice(0, 120), assistant1: (f.ar1 ?? '').slice(0, 120), assistant2: (f.ar2 ?? '').slice(0, 120) },
  };
}

/** Reads the card form for these roster players (VALIDATION listing every unreadable number). */
export function cardInputFromForm(f: FormBody, roster: readonly { playerId: string; name: string }[], quarters: number): CardInput {
  const errors: string[] = [];
  const players = roster.map((p) => ({
    id: p.playerId,
    ...readAttendance(f[field.att(p.playerId)], quarters),
    quarters: Array.from({ length: quarters }, (_, i) => quarterOf(markIn(f[field.quarter(i + 1, p.playerId)]))),
    goals: Array.from({ length: HALVES }, (_, h) => whole(f[field.goals(h + 1, p.playerId)], `${p.name}, goals in half ${h + 1}`, errors) ?? 0),
  }));
  const back = readBack(f, errors);
  if (errors.length > 0) throw invalid(errors[0]!, { errors });
  return { players, back };
}

/** The revision a form was opened at (0 when missing or unreadable). */
export const formRevision = (f: FormBody): number => (/^\d+$/.test(f.revision ?? '') ? Number(f.revision) : 0);

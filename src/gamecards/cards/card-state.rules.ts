import { AppError } from '../../platform/errors.js';
import { factsOf, type CardQuarter, type PlayingTimeInput } from '../playing-time/card.rules.js';

/**
 * What a game card holds, as stored (game_cards.state_json) and as the API reads and writes it.
 * The front: one row per roster player (attendance, arrival quarter, a mark per quarter, goals per
 * half). The back: cautions and send-offs, half-time and final score, playing conditions,
 * sportsmanship and the referees.
 */
export interface CardRow {
  playerId: string;
  attended: boolean;
  /** 1-based quarter the player arrived in (1 = from the start). */
  arrivedQuarter: number;
  quarters: CardQuarter[];
  /** Goals the player scored in each half. */
  goals: number[];
}

export type MisconductKind = 'caution' | 'send-off';
export interface Misconduct {
  kind: MisconductKind;
  /** Who: a player's name or number, or a coach. */
  who: string;
  reason: string;
}

export interface Score {
  us: number | null;
  them: number | null;
}

export interface CardBack {
  misconduct: Misconduct[];
  halfTime: Score;
  final: Score;
  conditions: string;
  sportsmanship: string;
  referees: { center: string; assistant1: string; assistant2: string };
}

export interface CardState {
  rows: CardRow[];
  back: CardBack;
}

/** A card's content as a client sends it (PUT /api/v1/games/{id}/cards/{teamId}). */
export interface CardInput {
  players: readonly {
    id: string;
    attended: boolean;
    arrivedQuarter?: number;
    quarters: readonly CardQuarter[];
    goals?: readonly number[];
  }[];
  back?: Partial<CardBack>;
}

export const HALVES = 2;
export const MAX_MISCONDUCT = 12;
export const SPORTSMANSHIP = ['', 'excellent', 'good', 'fair', 'poor'] as const;

/** The one-letter mark of a quarter cell: S sat, P played, K kept goal, I left injured. */
export type Mark = 'S' | 'P' | 'K' | 'I';
export const MARKS: readonly Mark[] = ['S', 'P', 'K', 'I'];
/** Short, so four selects and the arrival fit a phone's width; the card page explains them. */
export const MARK_LABELS: Record<Mark, string> = { S: 'Sat', P: 'Play', K: 'GK', I: 'Inj' };

export function markOf(q: CardQuarter | undefined): Mark {
  if (!q) return 'S';
  if (q.injured) return 'I';
  if (q.keeper) return 'K';
  return q.played ? 'P' : 'S';
}

/** A player who left injured was on the field in that quarter; the quarter is excused. */
export function quarterOf(mark: Mark): CardQuarter {
  return { played: mark !== 'S', keeper: mark === 'K', injured: mark === 'I' };
}

export const blankQuarters = (quarters: number): CardQuarter[] => Array.from({ length: quarters }, () => quarterOf('S'));

/** A row nobody has touched: attending from the start, sitting every quarter, no goals. */
export function blankRow(playerId: string, quarters: number): CardRow {
  return { playerId, attended: true, arrivedQuarter: 1, quarters: blankQuarters(quarters), goals: [0, 0] };
}

export function blankBack(): CardBack {
  return {
    misconduct: [],
    halfTime: { us: null, them: null },
    final: { us: null, them: null },
    conditions: '',
    sportsmanship: '',
    referees: { center: '', assistant1: '', assistant2: '' },
  };
}

/** The card's rows in roster order: the stored row of each roster player, or a blank one. */
export function rowsForRoster(state: CardState | null, rosterIds: readonly string[], quarters: number): CardRow[] {
  const stored = new Map((state?.rows ?? []).map((r) => [r.playerId, r]));
  return rosterIds.map((id) => stored.get(id) ?? blankRow(id, quarters));
}

const isCount = (n: unknown, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;

function rowProblems(p: CardInput['players'][number], quarters: number, label: string): string[] {
  const out: string[] = [];
  if (p.quarters.length !== quarters) out.push(`${label}: the row has ${p.quarters.length} quarters; it needs exactly ${quarters}.`);
  const a = p.arrivedQuarter;
  if (a !== undefined && !(isCount(a, quarters) && a >= 1)) out.push(`${label}: the arrival quarter must be from 1 to ${quarters}.`);
  const goals = p.goals ?? [];
  if (goals.length > HALVES || !goals.every((g) => isCount(g, 99))) out.push(`${label}: goals are whole numbers from 0 to 99, one per half.`);
  return out;
}

function scoreOf(s: Partial<Score> | undefined, label: string, errors: string[]): Score {
  const one = (v: number | null | undefined, side: string) => {
    if (v === null || v === undefined) return null;
    if (!isCount(v, 99)) errors.push(`${label} (${side}) must be a whole number from 0 to 99.`);
    return v;
  };
  return { us: one(s?.us, 'us'), them: one(s?.them, 'them') };
}

function backOf(b: Partial<CardBack> | undefined, errors: string[]): CardBack {
  const blank = blankBack();
  const misconduct = (b?.misconduct ?? []).filter((m) => m.who.trim() !== '' || m.reason.trim() !== '');
  if (misconduct.length > MAX_MISCONDUCT) errors.push(`A card holds at most ${MAX_MISCONDUCT} cautions and send-offs.`);
  misconduct.forEach((m, i) => {
    if (m.kind !== 'caution' && m.kind !== 'send-off') errors.push(`Caution or send-off ${i + 1}: choose caution or send-off.`);
    if (m.who.trim() === '') errors.push(`Caution or send-off ${i + 1}: say who it was given to.`);
  });
  const sportsmanship = b?.sportsmanship ?? '';
  if (!(SPORTSMANSHIP as readonly string[]).includes(sportsmanship)) errors.push(`Sportsmanship must be one of: ${SPORTSMANSHIP.filter(Boolean).join(', ')}.`);
  return {
    misconduct: misconduct.map((m) => ({ kind: m.kind, who: m.who.trim(), reason: m.reason.trim() })),
    halfTime: scoreOf(b?.halfTime, 'The half-time score', errors),
    final: scoreOf(b?.final, 'The final score', errors),
    conditions: (b?.conditions ?? blank.conditions).trim(),
    sportsmanship,
    referees: { ...blank.referees, ...Object.fromEntries(Object.entries(b?.referees ?? {}).map(([k, v]) => [k, String(v).trim()])) },
  };
}

/**
 * Checks a card a client sent against the team's roster and the region's quarter count, and answers
 * the state to store: one row per roster player in roster order (players the client left out get a
 * blank row), keeper cells always on the field. Throws AppError VALIDATION listing every problem;
 * playing-time problems are not errors here (the card is saved and shows them as violations).
 */
export function normalizeState(input: CardInput, rosterIds: readonly string[], quarters: number, names: Readonly<Record<string, string>> = {}): CardState {
  const errors: string[] = [];
  const onRoster = new Set(rosterIds);
  const given = new Map<string, CardRow>();
  const seen = new Set<string>();
  for (const p of input.players) {
    const label = names[p.id] ?? `Player ${p.id}`;
    if (!onRoster.has(p.id)) errors.push(`${label} is not on this team's roster; remove the row.`);
    else if (seen.has(p.id)) errors.push(`${label} is listed more than once; keep one row.`);
    seen.add(p.id);
    const problems = rowProblems(p, quarters, label);
    errors.push(...problems);
    if (problems.length > 0 || !onRoster.has(p.id)) continue;
    const goals = [...(p.goals ?? [])];
    while (goals.length < HALVES) goals.push(0);
    given.set(p.id, {
      playerId: p.id,
      attended: p.attended,
      arrivedQuarter: p.arrivedQuarter ?? 1,
      quarters: p.quarters.map((q) => ({ played: q.played || q.keeper, keeper: q.keeper, injured: q.injured })),
      goals,
    });
  }
  const back = backOf(input.back, errors);
  if (errors.length > 0) throw new AppError('VALIDATION', errors.length === 1 ? errors[0]! : `The card has ${errors.length} problems: ${errors[0]}`, { errors });
  return { rows: rosterIds.map((id) => given.get(id) ?? blankRow(id, quarters)), back };
}

/** The card as the playing-time rule reads it. */
export function toCheckInput(state: CardState, playersOnField: number, quarters: number): PlayingTimeInput {
  return {
    playersOnField,
    quarters,
    players: state.rows.map((r) => ({ id: r.playerId, attended: r.attended, arrivedQuarter: r.arrivedQuarter, quarters: r.quarters })),
  };
}

/** One player's season so far, from submitted cards. */
export interface SeasonLine {
  games: number;
  played: number;
  sat: number;
  kept: number;
  injured: number;
}

export const emptyLine = (): SeasonLine => ({ games: 0, played: 0, sat: 0, kept: 0, injured: 0 });

/**
 * Season totals per player over cards (the caller passes submitted cards only): games attended,
 * quarters played (on the field or in goal, while there and not hurt), sat (there, fit, not on the
 * field), kept goal, and excused for injury. Absent players are not counted, as on the card.
 */
export function seasonTally(states: readonly CardState[], quarters: number): Record<string, SeasonLine> {
  const out: Record<string, SeasonLine> = {};
  for (const s of states) {
    for (const r of s.rows) {
      if (!r.attended) continue;
      const f = factsOf({ id: r.playerId, attended: true, arrivedQuarter: r.arrivedQuarter, quarters: r.quarters }, quarters);
      const line = (out[r.playerId] ??= emptyLine());
      line.games++;
      line.played += f.played.length;
      line.sat += f.sat.length;
      line.kept += f.kept.length;
      line.injured += f.excused;
    }
  }
  return out;
}

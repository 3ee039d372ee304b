/**
 * The game card as the playing-time rule reads it: the body of POST /api/v1/playing-time/check.
 * Quarters are numbered from 1 in everything a person reads; arrays are indexed from 0.
 */

/** One quarter of one player's row. A keeper is on the field whether or not `played` is also set. */
export interface CardQuarter {
  played: boolean;
  keeper: boolean;
  /** The player was hurt in this quarter: the quarter is excused (see owedQuarters). */
  injured: boolean;
}

export interface CardPlayer {
  id: string;
  attended: boolean;
  /** The quarter (1-based) the player arrived in; absent means the start of the game. */
  arrivedQuarter?: number;
  quarters: readonly CardQuarter[];
}

export interface PlayingTimeInput {
  playersOnField: number;
  quarters: number;
  players: readonly CardPlayer[];
}

export type ViolationCode =
  | 'BAD_FIELD_SIZE'
  | 'QUARTER_COUNT_MISMATCH'
  | 'WRONG_QUARTER_COUNT'
  | 'BAD_ARRIVAL'
  | 'DUPLICATE_PLAYER'
  | 'PLAYED_WHILE_ABSENT'
  | 'PLAYED_BEFORE_ARRIVAL'
  | 'UNDER_MINIMUM'
  | 'FOUR_WHILE_SHORT'
  | 'KEEPER_TOO_MANY'
  | 'KEEPER_NO_FIELD'
  | 'TOO_MANY_ON_FIELD'
  | 'NO_KEEPER'
  | 'TWO_KEEPERS';

/** One broken rule. `playerId` is null for a team-level problem (a quarter, the card itself). */
export interface Violation {
  playerId: string | null;
  code: ViolationCode;
  message: string;
}

export interface PlayingTimeResult {
  ok: boolean;
  violations: Violation[];
}

/** Player id -> the name a parent-coach knows the player by. */
export type DisplayNames = Readonly<Record<string, string>>;

/** What one attending player's row says, read once. Quarter numbers in the lists are 1-based. */
export interface PlayerFacts {
  id: string;
  arrived: number;
  /** Quarters from arrival to the end of the game. */
  present: number;
  /** Per quarter (0-based): present and not injured, so the player could have been on the field. */
  available: boolean[];
  /** Injured quarters while present. */
  excused: number;
  /** On the field (field or goal) while present and not injured: these count as played. */
  played: number[];
  /** Available but not on the field. */
  sat: number[];
  /** In goal while present (injured or not). */
  kept: number[];
  /** On the field out of goal while present (injured or not). */
  field: number[];
}

export const arrivalOf = (p: { arrivedQuarter?: number }): number => p.arrivedQuarter ?? 1;

/** On the field in this quarter: played or kept goal. */
export const isOnField = (cell: CardQuarter | undefined): boolean => cell !== undefined && (cell.played || cell.keeper);

/** Reads one player's row; cells missing from a short row count as blank. */
export function factsOf(player: CardPlayer, quarterCount: number): PlayerFacts {
  const arrived = arrivalOf(player);
  const f: PlayerFacts = {
    id: player.id,
    arrived,
    present: Math.max(0, quarterCount - arrived + 1),
    available: [],
    excused: 0,
    played: [],
    sat: [],
    kept: [],
    field: [],
  };
  for (let q = 1; q <= quarterCount; q++) {
    const cell = player.quarters[q - 1] as CardQuarter | undefined;
    const present = q >= arrived;
    const injured = present && cell?.injured === true;
    f.available.push(present && !injured);
    if (!present) continue;
    if (injured) f.excused++;
    if (cell?.keeper) f.kept.push(q);
    if (cell?.played && !cell.keeper) f.field.push(q);
    if (!injured) (isOnField(cell) ? f.played : f.sat).push(q);
  }
  return f;
}

import { arrivalOf, isOnField, type CardQuarter, type DisplayNames, type PlayingTimeInput, type Violation } from './card.rules.js';
import type { PlayingTimePolicy } from './policy.rules.js';
import { listOf, nameOf } from './wording.rules.js';

const team = (code: Violation['code'], message: string): Violation => ({ playerId: null, code, message });

/**
 * Problems that make the card unreadable: a bad field size, the wrong number of quarters, a row of
 * the wrong length, an arrival outside the game, a player listed twice. The rule is only applied to
 * a card without these.
 */
export function structuralViolations(input: PlayingTimeInput, policy: PlayingTimePolicy, names?: DisplayNames): Violation[] {
  const Q = policy.quarters;
  if (input.quarters !== Q) {
    return [team('QUARTER_COUNT_MISMATCH', `This card has ${input.quarters} quarters, but the region's games have ${Q}. Use a card with ${Q} quarters.`)];
  }
  const out: Violation[] = [];
  if (!Number.isInteger(input.playersOnField) || input.playersOnField < 1) {
    out.push(team('BAD_FIELD_SIZE', `The number of players on the field must be a whole number of at least 1 (it is ${input.playersOnField}).`));
  }
  const seen = new Set<string>();
  for (const p of input.players) {
    const n = nameOf(names, p.id);
    const a = p.arrivedQuarter;
    if (seen.has(p.id)) out.push({ playerId: p.id, code: 'DUPLICATE_PLAYER', message: `${n} is listed more than once on the card. Keep one row for ${n}.` });
    seen.add(p.id);
    if (p.quarters.length !== Q) {
      out.push({ playerId: p.id, code: 'WRONG_QUARTER_COUNT', message: `${n}'s row has ${p.quarters.length} quarters; it needs exactly ${Q}.` });
    }
    if (a !== undefined && (!Number.isInteger(a) || a < 1 || a > Q)) {
      out.push({ playerId: p.id, code: 'BAD_ARRIVAL', message: `${n}'s arrival quarter is ${a}; it must be a quarter from 1 to ${Q}.` });
    }
  }
  return out;
}

/** The cells of quarter q (1-based) that count: attending players who had arrived by then. */
function cellsOf(input: PlayingTimeInput, q: number): { id: string; cell: CardQuarter }[] {
  return input.players.filter((p) => p.attended && q >= arrivalOf(p)).map((p) => ({ id: p.id, cell: p.quarters[q - 1] }));
}

/**
 * Per quarter: TOO_MANY_ON_FIELD when more than `playersOnField` attending players are on the field
 * (a keeper counts; a player hurt in that quarter does not, since someone replaced them);
 * TWO_KEEPERS when more than one uninjured keeper is marked (a hurt keeper may be replaced);
 * NO_KEEPER when nobody is marked as keeper although the team had enough players for one: at least
 * two places and at least two players there and not hurt. It depends on who was there, not on how
 * many the coach put on the field, so playing short-handed is no way around having a keeper.
 */
export function quarterViolations(input: PlayingTimeInput, names?: DisplayNames): Violation[] {
  const out: Violation[] = [];
  for (let q = 1; q <= input.quarters; q++) {
    const cells = cellsOf(input, q);
    const onField = cells.filter((c) => isOnField(c.cell) && !c.cell.injured).length;
    const fit = cells.filter((c) => !c.cell.injured).length;
    const keepers = cells.filter((c) => c.cell.keeper);
    const active = keepers.filter((c) => !c.cell.injured);
    if (onField > input.playersOnField) {
      out.push(
        team(
          'TOO_MANY_ON_FIELD',
          `Quarter ${q} has ${onField} players on the field, but only ${input.playersOnField} may play at once. Mark ${onField - input.playersOnField} of them as sitting out in quarter ${q}.`,
        ),
      );
    }
    if (active.length > 1) {
      const who = listOf(active.map((c) => nameOf(names, c.id)));
      out.push(
        team(
          'TWO_KEEPERS',
          `Quarter ${q} has ${active.length} goalkeepers (${who}). Only one player keeps goal in a quarter: keep one and mark the others as field players or sitting out.`,
        ),
      );
    } else if (keepers.length === 0 && Math.min(input.playersOnField, fit) >= 2) {
      out.push(team('NO_KEEPER', `Quarter ${q} has no goalkeeper. Mark one of the players in quarter ${q} as the keeper.`));
    }
  }
  return out;
}

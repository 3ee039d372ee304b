import { arrivalOf, isOnField, type CardPlayer, type DisplayNames, type PlayerFacts, type Violation } from './card.rules.js';
import type { OwedReport } from './owed.rules.js';
import type { PlayingTimePolicy } from './policy.rules.js';
import { listOf, nameOf, plural, quarterList } from './wording.rules.js';

/** Context every per-player check reads. */
export interface CheckContext {
  policy: PlayingTimePolicy;
  names: DisplayNames | undefined;
  owed: OwedReport;
  attending: number;
  playersOnField: number;
}

/** A player marked absent must not be marked on the field: one violation per quarter. */
export function absenceViolations(player: CardPlayer, names: DisplayNames | undefined): Violation[] {
  const n = nameOf(names, player.id);
  return player.quarters.flatMap((cell, i) =>
    isOnField(cell)
      ? [
          {
            playerId: player.id,
            code: 'PLAYED_WHILE_ABSENT' as const,
            message: `${n} is marked absent but also marked as playing in quarter ${i + 1}. If ${n} came to the game, mark ${n} as attending; otherwise clear quarter ${i + 1}.`,
          },
        ]
      : [],
  );
}

/** A late arrival must not be marked on the field before the quarter they arrived in. */
export function arrivalViolations(player: CardPlayer, names: DisplayNames | undefined): Violation[] {
  const n = nameOf(names, player.id);
  const arrived = arrivalOf(player);
  return player.quarters.slice(0, arrived - 1).flatMap((cell, i) =>
    isOnField(cell)
      ? [
          {
            playerId: player.id,
            code: 'PLAYED_BEFORE_ARRIVAL' as const,
            message: `${n} is marked as playing in quarter ${i + 1} but arrived in quarter ${arrived}. Clear quarter ${i + 1}, or correct the arrival quarter.`,
          },
        ]
      : [],
  );
}

function owedReasons(f: PlayerFacts, ctx: CheckContext): string {
  const entry = ctx.owed.byPlayer[f.id];
  const reasons: string[] = [];
  if (f.arrived > 1) reasons.push(`arrived in quarter ${f.arrived}`);
  if (f.excused > 0) reasons.push(`${plural(f.excused, 'quarter')} excused for injury`);
  if (entry.owed < entry.share - entry.excused) {
    reasons.push(`${ctx.attending} players share ${ctx.playersOnField} places, so everyone is owed at least ${ctx.owed.cap}`);
  }
  return reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
}

/** UNDER_MINIMUM: the player played fewer quarters than they are owed (see owedQuarters). */
export function minimumViolations(f: PlayerFacts, ctx: CheckContext): Violation[] {
  const owed = ctx.owed.byPlayer[f.id].owed;
  if (f.played.length >= owed) return [];
  const n = nameOf(ctx.names, f.id);
  const more = plural(owed - f.played.length, 'more quarter');
  return [
    {
      playerId: f.id,
      code: 'UNDER_MINIMUM',
      message: `${n} played ${plural(f.played.length, 'quarter')} but is owed ${owed}${owedReasons(f, ctx)}. Put ${n} on the field for ${more}; ${n} sat out ${quarterList(f.sat)}.`,
    },
  ];
}

/** Credited quarters: played plus excused. A player is short below their share, over above it. */
const credited = (f: PlayerFacts) => f.played.length + f.excused;

/**
 * FOUR_WHILE_SHORT, generalised: while any attending player is credited with fewer quarters than
 * their share (share = personalShare; credited = played + excused), nobody may be credited with more
 * than their own share. With the default policy: nobody plays all four while anyone has fewer than
 * three. One violation per player over their share.
 */
export function shareViolations(facts: readonly PlayerFacts[], ctx: CheckContext): Violation[] {
  const share = (f: PlayerFacts) => ctx.owed.byPlayer[f.id].share;
  const short = facts.filter((f) => credited(f) < share(f)).map((f) => nameOf(ctx.names, f.id));
  if (short.length === 0) return [];
  const verb = short.length === 1 ? 'is' : 'are';
  return facts
    .filter((f) => credited(f) > share(f))
    .map((f) => {
      const n = nameOf(ctx.names, f.id);
      const excused = f.excused > 0 ? ` plus ${plural(f.excused, 'quarter')} excused for injury` : '';
      return {
        playerId: f.id,
        code: 'FOUR_WHILE_SHORT' as const,
        message: `${n} played ${plural(f.played.length, 'quarter')}${excused}, more than ${n}'s share of ${share(f)}, while ${listOf(short, 3)} ${verb} short of their share. Nobody plays extra quarters while a teammate is short: give one of ${n}'s quarters (${quarterList(f.played)}) to ${short[0]}.`,
      };
    });
}

/** KEEPER_TOO_MANY and KEEPER_NO_FIELD: the goalkeeper limits of the policy. */
export function keeperViolations(f: PlayerFacts, ctx: CheckContext): Violation[] {
  const { keeperMaxQuarters: max, keeperMinFieldQuarters: minField } = ctx.policy;
  const n = nameOf(ctx.names, f.id);
  const out: Violation[] = [];
  if (f.kept.length > max) {
    out.push({
      playerId: f.id,
      code: 'KEEPER_TOO_MANY',
      message: `${n} kept goal in ${quarterList(f.kept)}, but a player may keep goal in at most ${plural(max, 'quarter')} of a game. Choose another keeper for ${quarterList(f.kept.slice(max))}.`,
    });
  }
  if (f.kept.length > 0 && f.field.length < minField) {
    out.push({
      playerId: f.id,
      code: 'KEEPER_NO_FIELD',
      message: `${n} kept goal but played ${plural(f.field.length, 'quarter')} on the field out of goal. Anyone who keeps goal also plays at least ${plural(minField, 'quarter')} on the field: put ${n} on the field, not in goal, for ${plural(minField - f.field.length, 'more quarter')}.`,
    });
  }
  return out;
}

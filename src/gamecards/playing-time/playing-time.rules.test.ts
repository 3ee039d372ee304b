import { describe, expect, it } from 'vitest';
import type { CardPlayer, CardQuarter, PlayingTimeInput, Violation } from './card.rules.js';
import { checkPlayingTime } from './playing-time.rules.js';

/** A row: P field, K keeper, S sat, I injured (off), J hurt on the field, X hurt in goal, - not arrived. */
function row(id: string, cells: string, opts: { arrived?: number; absent?: boolean } = {}): CardPlayer {
  const quarters: CardQuarter[] = [...cells].map((c) => ({ played: c === 'P' || c === 'J', keeper: c === 'K' || c === 'X', injured: 'IJX'.includes(c) }));
  const lead = cells.length - cells.replace(/^-+/, '').length;
  const arrived = opts.arrived ?? (lead > 0 ? lead + 1 : undefined);
  return { id, attended: !opts.absent, quarters, ...(arrived === undefined ? {} : { arrivedQuarter: arrived }) };
}
const card = (playersOnField: number, players: CardPlayer[]): PlayingTimeInput => ({ playersOnField, quarters: 4, players });
const codes = (vs: Violation[]) => vs.map((v) => `${v.code}:${v.playerId ?? '-'}`).sort();

// 8 players, 7 on the field: one sits each quarter, four keepers, four players play all four.
const eight = (over: Record<string, string> = {}) => {
  const base: Record<string, string> = { p1: 'SKPP', p2: 'KSPP', p3: 'PPSK', p4: 'PPKS', p5: 'PPPP', p6: 'PPPP', p7: 'PPPP', p8: 'PPPP' };
  return card(
    7,
    Object.entries({ ...base, ...over }).map(([id, cells]) => row(id, cells)),
  );
};

// 12 players, 7 on the field: 28 places for 12 players, so everyone is owed 2; p1-p4 play 3.
const TWELVE: Record<string, string> = {
  p1: 'PPPS',
  p2: 'PPSP',
  p3: 'PSPP',
  p4: 'PSPP',
  p5: 'KSPS',
  p6: 'PSKS',
  p7: 'PSPS',
  p8: 'SKPS',
  p9: 'SPSK',
  p10: 'SPSP',
  p11: 'SPSP',
  p12: 'SPSP',
};
const twelve = (over: Record<string, string> = {}) =>
  card(
    7,
    Object.entries({ ...TWELVE, ...over }).map(([id, c]) => row(id, c)),
  );

// 4 on the field: a-d from the start, e arrives in quarter 3 (owed 2 = both remaining quarters).
const late = (over: Record<string, string> = {}, arrivedE?: number) => {
  const base: Record<string, string> = { a: 'KPSP', b: 'PKPP', c: 'PPKS', d: 'PPPK', e: '--PP' };
  const cells = { ...base, ...over };
  return card(
    4,
    Object.entries(cells).map(([id, c]) => row(id, c, id === 'e' && arrivedE ? { arrived: arrivedE } : {})),
  );
};

// 4 on the field, 5 players; a is hurt in quarter 2 (excused, so a is owed 2).
const hurt = (over: Record<string, string> = {}) => {
  const base: Record<string, string> = { a: 'PISP', b: 'KPPS', c: 'PKPP', d: 'PPKP', e: 'SPPK' };
  return card(
    4,
    Object.entries({ ...base, ...over }).map(([id, c]) => row(id, c)),
  );
};

const cases: { name: string; input: PlayingTimeInput; policy?: object; expected: string[] }[] = [
  { name: 'normal card passes', input: eight(), expected: [] },
  {
    name: 'a player sits twice while others play four',
    input: eight({ p1: 'SKSP' }),
    expected: ['FOUR_WHILE_SHORT:p5', 'FOUR_WHILE_SHORT:p6', 'FOUR_WHILE_SHORT:p7', 'FOUR_WHILE_SHORT:p8', 'UNDER_MINIMUM:p1'],
  },
  { name: 'eight on the field in quarter 1', input: eight({ p1: 'PKPP' }), expected: ['TOO_MANY_ON_FIELD:-'] },
  { name: 'no keeper in quarter 1', input: eight({ p2: 'PSPP' }), expected: ['NO_KEEPER:-'] },
  { name: 'two keepers in quarter 1', input: eight({ p5: 'KPPP' }), expected: ['TWO_KEEPERS:-'] },
  { name: 'keeper in three quarters, none on the field', input: eight({ p1: 'SKKK', p3: 'PPSP', p4: 'PPPS' }), expected: ['KEEPER_NO_FIELD:p1', 'KEEPER_TOO_MANY:p1'] },
  { name: 'keeper limit raised by the region', input: eight({ p1: 'SKKK', p3: 'PPSP', p4: 'PPPS' }), policy: { keeperMaxQuarters: 4 }, expected: ['KEEPER_NO_FIELD:p1'] },
  {
    name: 'keeper needs two field quarters by region setting',
    input: eight(),
    policy: { keeperMinFieldQuarters: 3 },
    expected: ['KEEPER_NO_FIELD:p1', 'KEEPER_NO_FIELD:p2', 'KEEPER_NO_FIELD:p3', 'KEEPER_NO_FIELD:p4'],
  },
  { name: 'absent player not counted', input: card(7, [...eight().players, row('p9', 'SSSS', { absent: true })]), expected: [] },
  { name: 'absent player marked playing', input: card(7, [...eight().players, row('p9', 'SPSS', { absent: true })]), expected: ['PLAYED_WHILE_ABSENT:p9'] },
  { name: 'impossible case: 12 for 7, everyone at least 2, nobody 4', input: twelve(), expected: [] },
  { name: 'impossible case: four quarters while teammates have two', input: twelve({ p1: 'PPPP', p2: 'PPSS' }), expected: ['FOUR_WHILE_SHORT:p1'] },
  { name: 'impossible case: one quarter is under the cap of 2', input: twelve({ p1: 'PPPP', p12: 'SPSS' }), expected: ['FOUR_WHILE_SHORT:p1', 'UNDER_MINIMUM:p12'] },
  { name: 'late arrival plays both remaining quarters', input: late(), expected: [] },
  { name: 'late arrival sits a quarter they were owed', input: late({ e: '--PS' }), expected: ['FOUR_WHILE_SHORT:b', 'FOUR_WHILE_SHORT:d', 'UNDER_MINIMUM:e'] },
  { name: 'played before arrival', input: late({ e: 'SPPP' }, 3), expected: ['PLAYED_BEFORE_ARRIVAL:e'] },
  { name: 'injured quarter is excused', input: hurt(), expected: [] },
  { name: 'hurt while playing and replaced', input: hurt({ a: 'PJSP' }), expected: [] },
  { name: 'injured player short even after the excuse', input: hurt({ a: 'PISS' }), expected: ['FOUR_WHILE_SHORT:c', 'FOUR_WHILE_SHORT:d', 'UNDER_MINIMUM:a'] },
  { name: 'keeper hurt and replaced in goal', input: hurt({ c: 'PXPP', b: 'KKPS' }), expected: [] },
  { name: 'keeper hurt, not replaced', input: hurt({ c: 'PXPP' }), expected: [] },
  { name: 'hurt keeper does not excuse two fit keepers', input: hurt({ c: 'PXPP', b: 'KKPS', d: 'PKKP' }), expected: ['TWO_KEEPERS:-'] },
  { name: 'out for the rest of the game', input: hurt({ a: 'PIII' }), expected: [] },
  {
    name: 'injury plus three played counts as four',
    input: hurt({ a: 'PIPP', b: 'KPSS' }),
    expected: ['FOUR_WHILE_SHORT:a', 'FOUR_WHILE_SHORT:c', 'FOUR_WHILE_SHORT:d', 'UNDER_MINIMUM:b'],
  },
  { name: 'one player at the game needs no keeper', input: card(4, [row('a', 'PPPP')]), expected: [] },
  { name: 'one place on the field needs no keeper', input: card(1, [row('a', 'PPSS'), row('b', 'SSPP')]), policy: { minQuarters: 2 }, expected: [] },
  {
    name: 'playing short-handed still needs a keeper',
    input: card(4, [row('a', 'PPPP'), row('b', 'PPPS')]),
    expected: ['NO_KEEPER:-', 'NO_KEEPER:-', 'NO_KEEPER:-', 'NO_KEEPER:-'],
  },
  { name: 'a hurt player does not count toward needing a keeper', input: card(4, [row('a', 'PPPP'), row('b', 'IIII')]), expected: [] },
  { name: 'region minimum of 2 quarters', input: eight({ p1: 'SKSP' }), policy: { minQuarters: 2 }, expected: [] },
];

describe('checkPlayingTime', () => {
  it.each(cases)('$name', ({ input, policy, expected }) => {
    const result = checkPlayingTime(input, policy);
    expect(codes(result.violations)).toEqual(expected);
    expect(result.ok).toBe(expected.length === 0);
  });

  it.each([
    { name: 'wrong quarter count', input: { ...eight(), quarters: 5 }, expected: ['QUARTER_COUNT_MISMATCH:-'] },
    { name: 'short row', input: card(7, [row('a', 'PPP'), row('b', 'PPPP')]), expected: ['WRONG_QUARTER_COUNT:a'] },
    { name: 'arrival out of range', input: card(7, [row('a', 'PPPP', { arrived: 5 })]), expected: ['BAD_ARRIVAL:a'] },
    { name: 'duplicate row', input: card(7, [row('a', 'PPPP'), row('a', 'PPPS')]), expected: ['DUPLICATE_PLAYER:a'] },
    { name: 'no places on the field', input: card(0, [row('a', 'SSSS')]), expected: ['BAD_FIELD_SIZE:-'] },
  ])('structural: $name reported alone', ({ input, expected }) => {
    expect(codes(checkPlayingTime(input).violations)).toEqual(expected);
  });

  it('refuses an impossible policy as a configuration error', () => {
    expect(() => checkPlayingTime(eight(), { minQuarters: 5 })).toThrow(/minQuarters/);
  });
});

describe('violation messages', () => {
  const names = { a: 'Ava', b: 'Ben', c: 'Cy', d: 'Dee', e: 'Emma' };
  const find = (vs: Violation[], code: string, id: string | null) => vs.find((v) => v.code === code && v.playerId === id)?.message ?? '';

  it('names the player, what they are owed, why, and the quarter to fix', () => {
    const { violations } = checkPlayingTime(late({ e: '--PS' }), undefined, names);
    const msg = find(violations, 'UNDER_MINIMUM', 'e');
    expect(msg).toBe('Emma played 1 quarter but is owed 2 (arrived in quarter 3). Put Emma on the field for 1 more quarter; Emma sat out quarter 4.');
    expect(find(violations, 'FOUR_WHILE_SHORT', 'b')).toMatch(
      /^Ben played 4 quarters, more than Ben's share of 3, while Emma is short.*give one of Ben's quarters \(quarters 1, 2, 3 and 4\) to Emma\.$/,
    );
  });

  it('explains the shared cap in the crowded case', () => {
    const { violations } = checkPlayingTime(twelve({ p1: 'PPPP', p12: 'SPSS' }));
    expect(find(violations, 'UNDER_MINIMUM', 'p12')).toContain('12 players share 7 places, so everyone is owed at least 2');
    expect(find(violations, 'FOUR_WHILE_SHORT', 'p1')).toContain('while Player p5, Player p6, Player p7 and 5 others are short');
  });

  it('names the quarter for team problems and keeper limits', () => {
    expect(find(checkPlayingTime(eight({ p1: 'PKPP' })).violations, 'TOO_MANY_ON_FIELD', null)).toBe(
      'Quarter 1 has 8 players on the field, but only 7 may play at once. Mark 1 of them as sitting out in quarter 1.',
    );
    const keeper = checkPlayingTime(eight({ p1: 'SKKK', p3: 'PPSP', p4: 'PPPS' }), undefined, { p1: 'Kai' }).violations;
    expect(find(keeper, 'KEEPER_TOO_MANY', 'p1')).toBe(
      'Kai kept goal in quarters 2, 3 and 4, but a player may keep goal in at most 2 quarters of a game. Choose another keeper for quarter 4.',
    );
    expect(find(checkPlayingTime(late({ e: 'SPPP' }, 3), undefined, names).violations, 'PLAYED_BEFORE_ARRIVAL', 'e')).toBe(
      'Emma is marked as playing in quarter 2 but arrived in quarter 3. Clear quarter 2, or correct the arrival quarter.',
    );
  });
});

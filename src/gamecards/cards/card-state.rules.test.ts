import { describe, expect, it } from 'vitest';
import { blankRow, markOf, normalizeState, quarterOf, rowsForRoster, seasonTally, type CardState } from './card-state.rules.js';
import { cardInputFromForm } from './card-form.schemas.js';

const P = { played: true, keeper: false, injured: false };
const S = { played: false, keeper: false, injured: false };

describe('card marks', () => {
  it('reads and writes each mark the same way (keeper and injured are on the field)', () => {
    for (const m of ['S', 'P', 'K', 'I'] as const) expect(markOf(quarterOf(m))).toBe(m);
    expect(quarterOf('K')).toEqual({ played: true, keeper: true, injured: false });
    expect(quarterOf('I')).toEqual({ played: true, keeper: false, injured: true });
  });
});

describe('normalizeState', () => {
  it('orders rows by the roster, fills players left out with a blank row and puts keepers on the field', () => {
    const s = normalizeState({ players: [{ id: 'b', attended: true, quarters: [P, S, { played: false, keeper: true, injured: false }, P] }] }, ['a', 'b'], 4);
    expect(s.rows.map((r) => r.playerId)).toEqual(['a', 'b']);
    expect(s.rows[0]).toEqual(blankRow('a', 4));
    expect(s.rows[1]!.quarters[2]).toEqual({ played: true, keeper: true, injured: false });
    expect(s.rows[1]!.goals).toEqual([0, 0]);
  });

  it('lists every problem at once and names the players', () => {
    const bad = () =>
      normalizeState(
        {
          players: [
            { id: 'x', attended: true, quarters: [P, P, P, P] },
            { id: 'a', attended: true, arrivedQuarter: 5, quarters: [P, P, P], goals: [1, 2, 3] },
            { id: 'a', attended: true, quarters: [P, P, P, P] },
          ],
          back: { sportsmanship: 'superb', misconduct: [{ kind: 'caution', who: '', reason: 'Dissent' }], final: { us: -1, them: 2 } },
        },
        ['a'],
        4,
        { a: 'Ana Chen' },
      );
    expect(bad).toThrowError(expect.objectContaining({ code: 'VALIDATION' }));
    try {
      bad();
    } catch (e) {
      expect((e as { details: { errors: string[] } }).details.errors).toEqual([
        "Player x is not on this team's roster; remove the row.",
        'Ana Chen: the row has 3 quarters; it needs exactly 4.',
        'Ana Chen: the arrival quarter must be from 1 to 4.',
        'Ana Chen: goals are whole numbers from 0 to 99, one per half.',
        'Ana Chen is listed more than once; keep one row.',
        'Caution or send-off 1: say who it was given to.',
        'Sportsmanship must be one of: excellent, good, fair, poor.',
        'The final score (us) must be a whole number from 0 to 99.',
      ]);
    }
  });

  it('keeps stored rows of roster players and starts new players blank', () => {
    const state: CardState = { rows: [{ ...blankRow('a', 4), attended: false }], back: normalizeState({ players: [] }, [], 4).back };
    expect(rowsForRoster(state, ['b', 'a'], 4).map((r) => [r.playerId, r.attended])).toEqual([
      ['b', true],
      ['a', false],
    ]);
  });
});

describe('seasonTally', () => {
  it('counts played, sat, kept and injured quarters of attending players only, from arrival on', () => {
    const states: CardState[] = [
      {
        rows: [
          { playerId: 'a', attended: true, arrivedQuarter: 2, quarters: [P, S, quarterOf('K'), quarterOf('I')], goals: [0, 0] },
          { playerId: 'b', attended: false, arrivedQuarter: 1, quarters: [S, S, S, S], goals: [0, 0] },
        ],
        back: normalizeState({ players: [] }, [], 4).back,
      },
      { rows: [{ playerId: 'a', attended: true, arrivedQuarter: 1, quarters: [P, P, P, S], goals: [1, 0] }], back: normalizeState({ players: [] }, [], 4).back },
    ];
    expect(seasonTally(states, 4)).toEqual({ a: { games: 2, played: 4, sat: 2, kept: 1, injured: 1 } });
  });
});

describe('the card form', () => {
  it('reads attendance, marks, goals and the back of the card by field name', () => {
    const input = cardInputFromForm(
      {
        att_a: '2',
        q1_a: 'P',
        q2_a: 'K',
        q3_a: 'I',
        q4_a: 'junk',
        g1_a: '2',
        g2_a: '',
        att_b: 'no',
        halfUs: '1',
        finalThem: '',
        mc0_kind: 'send-off',
        mc0_who: '#9',
        mc0_reason: 'Serious foul play',
        mc1_who: '',
        ref: 'Ref',
        sportsmanship: 'good',
      },
      [
        { playerId: 'a', name: 'A' },
        { playerId: 'b', name: 'B' },
      ],
      4,
    );
    expect(input.players[0]).toEqual({ id: 'a', attended: true, arrivedQuarter: 2, quarters: [quarterOf('P'), quarterOf('K'), quarterOf('I'), quarterOf('S')], goals: [2, 0] });
    expect(input.players[1]).toMatchObject({ id: 'b', attended: false });
    expect(input.back).toMatchObject({
      halfTime: { us: 1, them: null },
      final: { us: null, them: null },
      misconduct: [{ kind: 'send-off', who: '#9', reason: 'Serious foul play' }],
      referees: { center: 'Ref' },
    });
  });

  it('refuses a number it cannot read, naming the field', () => {
    expect(() => cardInputFromForm({ g1_a: 'two' }, [{ playerId: 'a', name: 'Ana' }], 4)).toThrowError('Ana, goals in half 1: write a whole number from 0 to 99.');
  });
});

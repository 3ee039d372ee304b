import { describe, expect, it } from 'vitest';
import { coachMessageProblem, practiceItems, upcomingGames, visibleTeammates } from './families.rules.js';

const fields = [{ id: 'richmond', name: 'Richmond', address: '1 Main St' }];
const team = (id: string) => ({ id, name: id.toUpperCase() });

describe('a family’s view of a team', () => {
  it('lists the weekly practices by weekday and time, each with its next date (unknown field: its id)', () => {
    const items = practiceItems(
      [
        { id: 'b2', slot: { fieldId: 'elsewhere', weekday: 4, start: '17:00', end: '18:00' } },
        { id: 'b1', slot: { fieldId: 'richmond', weekday: 1, start: '18:00', end: '19:00' } },
      ],
      [{ date: '2026-09-21', bookingId: 'b1' }],
      fields,
    );
    expect(items).toEqual([
      { weekday: 1, day: 'Monday', start: '18:00', end: '19:00', field: fields[0], next: '2026-09-21' },
      { weekday: 4, day: 'Thursday', start: '17:00', end: '18:00', field: { id: 'elsewhere', name: 'elsewhere', address: '' }, next: null },
    ]);
  });

  it('keeps the team’s games from today on, soonest first, with the other team as opponent', () => {
    const g = (id: string, date: string, time: string, home: string, away: string) => ({ id, date, time, fieldId: 'richmond', home: team(home), away: team(away) });
    const games = upcomingGames(
      'a',
      [g('3', '2026-09-20', '09:00', 'b', 'a'), g('1', '2026-09-14', '09:00', 'a', 'b'), g('2', '2026-09-15', '10:00', 'a', 'c'), g('4', '2026-09-16', '09:00', 'b', 'c')],
      '2026-09-15',
      fields,
    );
    expect(games.map((x) => [x.id, x.opponent.name, x.home])).toEqual([
      ['2', 'C', true],
      ['3', 'B', false],
    ]);
  });

  it('shows teammates only when the region allows it, and checks a message to the coaches', () => {
    expect(visibleTeammates(false, ['Mia', 'Zoe'])).toBeNull();
    expect(visibleTeammates(true, ['Mia', 'Zoe'])).toEqual(['Mia', 'Zoe']);
    expect(coachMessageProblem('  hi  ')).toMatch(/at least a sentence/);
    expect(coachMessageProblem('x'.repeat(5001))).toMatch(/5000/);
    expect(coachMessageProblem('Mia is ill today.')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { groupSession } from '../mentoring.testkit.js';
import { changeDeadline, changesOpen, decideSignup, defaultPlace, endTime, nextInLine, sessionProblems, waitlistPlace, weeklyDates, type SessionInput } from './sessions.rules.js';

const good: SessionInput = groupSession({ capacity: 12 });
const ctx = { today: '2026-09-15', fieldIds: ['brett', 'richmond'], teamKnown: false };

describe('sessionProblems', () => {
  it('accepts a complete group session at a region field', () => {
    expect(sessionProblems(good, ctx)).toEqual([]);
  });

  it('accepts a free-text place instead of a field', () => {
    expect(sessionProblems({ ...good, fieldId: '', place: 'Library meeting room' }, ctx)).toEqual([]);
  });

  it.each<[string, Partial<SessionInput>, RegExp]>([
    ['unknown kind', { kind: 'party' }, /kind of session/],
    ['empty topic', { topic: '  ' }, /topic/],
    ['bad date', { date: '22/09/2026' }, /YYYY-MM-DD/],
    ['past date', { date: '2026-09-14' }, /has passed/],
    ['bad time', { startTime: '6pm' }, /HH:MM/],
    ['too short', { minutes: 10 }, /15 to 240 minutes/],
    ['past midnight', { startTime: '23:30', minutes: 60 }, /before midnight/],
    ['unknown field', { fieldId: 'moon' }, /not one of the region's fields/],
    ['no place at all', { fieldId: '', place: '' }, /write where/],
    ['zero capacity', { capacity: 0 }, /capacity must be 1 to 100/],
    ['capacity not a number', { capacity: Number.NaN }, /capacity/],
    ['cut-off over a week', { cutoffHours: 200 }, /cut-off/],
    ['repeat too long', { repeatWeeks: 27 }, /Repeat weekly/],
    ['visit without team', { kind: 'practice-visit' }, /choose the team/],
    ['visit to unknown team', { kind: 'game-visit', teamId: 'nope' }, /does not exist/],
  ])('refuses %s', (_name, change, message) => {
    const errors = sessionProblems({ ...good, ...change }, ctx);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it('lists every problem at once', () => {
    expect(sessionProblems({ ...good, topic: '', capacity: 0, minutes: 0 }, ctx)).toHaveLength(3);
  });

  it('accepts a visit to a known team, with no place (it is wherever the team plays)', () => {
    expect(sessionProblems({ ...good, kind: 'practice-visit', teamId: 't1', fieldId: '' }, { ...ctx, teamKnown: true })).toEqual([]);
    expect(defaultPlace('practice-visit')).toBe("At the team's practice");
    expect(defaultPlace('group')).toBe('');
  });
});

describe('weekly repeats and times', () => {
  it('gives the same weekday for N weeks, across month ends', () => {
    expect(weeklyDates('2026-09-22', 3)).toEqual(['2026-09-22', '2026-09-29', '2026-10-06']);
    expect(weeklyDates('2026-09-22', 1)).toEqual(['2026-09-22']);
  });

  it('computes the end time of day', () => {
    expect(endTime('18:30', 90)).toBe('20:00');
    expect(endTime('09:05', 15)).toBe('09:20');
  });
});

describe('cut-off', () => {
  const start = '2026-09-23T01:30:00.000Z';
  it('closes sign-up and cancelling cutoffHours before the start', () => {
    expect(changeDeadline(start, 24)).toBe('2026-09-22T01:30:00.000Z');
    expect(changesOpen(start, 24, '2026-09-22T01:29:59.999Z')).toBe(true);
    expect(changesOpen(start, 24, '2026-09-22T01:30:00.000Z')).toBe(false);
  });
  it('with a cut-off of 0 stays open until the start', () => {
    expect(changesOpen(start, 0, '2026-09-23T01:29:00.000Z')).toBe(true);
    expect(changesOpen(start, 0, start)).toBe(false);
  });
});

describe('capacity and waitlist', () => {
  it('confirms while places are left, refuses or waitlists when full', () => {
    expect(decideSignup(2, 1, false)).toEqual({ status: 'confirmed' });
    expect(decideSignup(2, 1, true)).toEqual({ status: 'confirmed' });
    expect(decideSignup(2, 2, false)).toEqual({ refused: 'SESSION_FULL' });
    expect(decideSignup(2, 2, true)).toEqual({ status: 'waitlisted' });
  });

  const list = [
    { personId: 'a', status: 'confirmed', position: 1 },
    { personId: 'b', status: 'waitlisted', position: 5 },
    { personId: 'c', status: 'cancelled', position: 2 },
    { personId: 'd', status: 'waitlisted', position: 3 },
    { personId: 'e', status: 'waitlisted', position: 9 },
  ];

  it('moves up the coach who joined the waitlist first', () => {
    expect(nextInLine(list)?.personId).toBe('d');
    expect(nextInLine(list.filter((s) => s.status !== 'waitlisted'))).toBeUndefined();
  });

  it('numbers waitlist places from 1, ignoring confirmed and cancelled sign-ups', () => {
    expect(waitlistPlace(list, 'd')).toBe(1);
    expect(waitlistPlace(list, 'b')).toBe(2);
    expect(waitlistPlace(list, 'e')).toBe(3);
    expect(waitlistPlace(list, 'a')).toBeNull();
    expect(waitlistPlace(list, 'zz')).toBeNull();
  });
});

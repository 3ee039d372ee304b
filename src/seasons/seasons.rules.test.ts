import { describe, expect, it } from 'vitest';
import type { SeasonRef } from '../region/index.js';
import { offerQuestion, offersToMake, pickNextSeason, windowWords, type HeldRole } from './seasons.rules.js';

const season = (id: string, startDate: string, endDate: string): SeasonRef => ({ season: { id, name: id, startDate, endDate } }) as SeasonRef;
const seasons = [season('spring', '2027-01-01', '2027-07-31'), season('fall', '2026-08-01', '2026-12-31')];

describe('pickNextSeason', () => {
  it('starts the season after the one in progress', () => {
    expect(pickNextSeason(seasons, '2026-09-15')).toMatchObject({ from: { id: 'fall' }, to: { id: 'spring' } });
  });
  it('between seasons, starts the one after the last that ended', () => {
    const gap = [season('fall', '2026-08-01', '2026-11-30'), season('spring', '2027-01-15', '2027-06-30')];
    expect(pickNextSeason(gap, '2026-12-20')).toMatchObject({ from: { id: 'fall' }, to: { id: 'spring' } });
  });
  it('has no next season when none is configured after the last one', () => {
    expect(pickNextSeason(seasons, '2027-03-01')).toMatchObject({ from: { id: 'spring' }, to: null });
  });
  it('has nothing to start from before any season began', () => {
    expect(pickNextSeason(seasons, '2026-07-01')).toBeNull();
  });
});

describe('offersToMake', () => {
  const held: HeldRole[] = [
    { personId: 'p2', name: 'Zed', role: 'assistant-coach', division: '10U' },
    { personId: 'p1', name: 'Ann', role: 'head-coach', division: '10U' },
    { personId: 'p3', name: 'Mo', role: 'mentor', division: '' },
    { personId: 'p4', name: 'Flo', role: 'field-helper', division: '10U' },
    { personId: 'p1', name: 'Ann', role: 'head-coach', division: '10U' },
    { personId: 'p5', name: 'Bo', role: 'head-coach', division: '8U' },
  ];
  it('offers each coaching role once, in role, division and name order, leaving out roles held or offered already', () => {
    const made = offersToMake(held, [{ personId: 'p5', role: 'head-coach', division: '8U' }]);
    expect(made.map((o) => `${o.personId}:${o.role}:${o.division}`)).toEqual(['p1:head-coach:10U', 'p2:assistant-coach:10U', 'p3:mentor:']);
  });
});

describe('words', () => {
  it('asks the question by role', () => {
    expect(offerQuestion('head-coach', '10U Girls', 'Spring 2027')).toBe('Coach 10U Girls again in Spring 2027?');
    expect(offerQuestion('mentor', '', 'Spring 2027')).toBe("Mentor the region's coaches again in Spring 2027?");
  });
  it('names a window by field, weekdays and times', () => {
    expect(windowWords({ fieldId: 'r', weekdays: [1, 3], startTime: '17:00', endTime: '18:30' }, () => 'Richmond')).toBe('Richmond Mon, Wed 17:00-18:30');
  });
});

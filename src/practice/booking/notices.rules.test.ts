import { describe, expect, it } from 'vitest';
import { practiceNotice } from './notices.rules.js';
import type { WeeklySlot } from '../slots.rules.js';
import { MONDAY_RICHMOND } from '../practice.testkit.js';

const mon: WeeklySlot = MONDAY_RICHMOND;
const thu: WeeklySlot = { ...mon, id: 'x', fieldId: 'brett', weekday: 4 };

describe('practiceNotice', () => {
  it('confirms a booking with the schedule link', () => {
    const n = practiceNotice({
      kind: 'booked',
      teamName: 'Comets',
      division: '10U',
      slot: mon,
      fieldName: 'Richmond',
      by: 'Pat Coach',
      scheduleUrl: 'https://x.example/practice/teams/t1',
    });
    expect(n.subject).toBe('Practice booking confirmed: Comets, Mondays 17:00-18:00 at Richmond');
    expect(n.text.split('\n')).toEqual([
      'Practice booking confirmed: Comets (10U) practises Mondays 17:00-18:00 at Richmond.',
      'Changed by Pat Coach.',
      '',
      'Teams practise only in their registered slots.',
      "The team's schedule and calendar link: https://x.example/practice/teams/t1",
    ]);
  });

  it('says where a moved practice was and is now', () => {
    const n = practiceNotice({
      kind: 'moved',
      teamName: 'Comets',
      division: '10U',
      slot: thu,
      fieldName: 'Brett',
      from: { slot: mon, fieldName: 'Richmond' },
      by: 'Coach Administrator',
      scheduleUrl: 'u',
    });
    expect(n.subject).toBe('Practice booking moved: Comets, Thursdays 17:00-18:00 at Brett');
    expect(n.text).toContain('now practises Thursdays 17:00-18:00 at Brett, instead of Mondays 17:00-18:00 at Richmond.');
  });
});

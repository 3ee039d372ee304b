import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, OPTIONAL_KINDS, WEEKLY_REMINDER, findKind } from './catalog.js';
import { isoWeek, reminderHourOk, unsubscribeFooter } from './notify.rules.js';

describe('isoWeek', () => {
  it.each([
    ['2026-09-15', '2026-W38'],
    ['2026-09-14', '2026-W38'],
    ['2026-09-20', '2026-W38'],
    ['2026-09-21', '2026-W39'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2027-01-01', '2026-W53'],
    ['2026-01-01', '2026-W01'],
  ])('%s is in %s', (date, week) => expect(isoWeek(date)).toBe(week));
});

describe('catalog', () => {
  it('has unique codes; password resets and sign-up confirmations cannot be switched off; the weekly reminder can', () => {
    expect(new Set(NOTIFICATION_KINDS.map((k) => k.code)).size).toBe(NOTIFICATION_KINDS.length);
    for (const code of ['password-reset', 'application-received', 'training.class.registered', 'practice-booked', 'practice-moved', 'mentoring-signup', 'badge-photo-rejected'])
      expect(findKind(code)?.optional, code).toBe(false);
    for (const code of [WEEKLY_REMINDER, 'training.class.credited', 'badge-ready', 'mentoring-assessment', 'teams-published']) expect(findKind(code)?.optional, code).toBe(true);
    expect(OPTIONAL_KINDS.every((k) => k.optional)).toBe(true);
  });
});

describe('reminder hours and footer', () => {
  it('sends from 9:00 to 21:00 region time only', () => {
    expect([8, 9, 20, 21].map(reminderHourOk)).toEqual([false, true, true, false]);
  });

  it('links the footer to the one-click unsubscribe of the kind', () => {
    expect(unsubscribeFooter('https://p.example', 'tok', 'teams-published', 'Teams')).toContain('https://p.example/unsubscribe/tok?kind=teams-published');
  });
});

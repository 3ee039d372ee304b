import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.js';
import { defaultRegionConfig } from '../region/region.testkit.js';
import { cutWindow, generateSlots, overlappingSlots, practiceGroups, slotDates, slotRecurrence, windowProblems, type PracticeWindow } from './slots.rules.js';
import { addDays, parseTime, weekdayOf } from '../platform/time/time.rules.js';

const config = defaultRegionConfig('2026-08-01');
const groups = practiceGroups(config.divisions);
const fall = { startDate: '2026-08-01', endDate: '2026-12-31' };

describe('practiceGroups', () => {
  it('groups the default divisions by length and fields, in config order', () => {
    expect(groups).toEqual([
      { minutes: 60, fieldIds: ['brett', 'richmond'], divisions: ['6U', '7U', '8U'] },
      { minutes: 60, fieldIds: ['brett', 'campus-el-segundo', 'richmond'], divisions: ['10U', '12U'] },
      { minutes: 90, fieldIds: null, divisions: ['14U', '16U', '19U'] },
    ]);
  });

  it('leaves out divisions without weekly practice', () => {
    const divisions = config.divisions.map((d) => (d.code === '19U' ? { ...d, practice: { ...d.practice, perWeek: 0 } } : d));
    expect(practiceGroups(divisions).at(-1)?.divisions).toEqual(['14U', '16U']);
  });
});

describe('cutWindow', () => {
  it('cuts consecutive slots and drops a shorter rest', () => {
    expect(cutWindow('17:00', '19:30', 60)).toEqual([
      { start: '17:00', end: '18:00' },
      { start: '18:00', end: '19:00' },
    ]);
    expect(cutWindow('16:00', '19:00', 90)).toEqual([
      { start: '16:00', end: '17:30' },
      { start: '17:30', end: '19:00' },
    ]);
    expect(cutWindow('17:00', '17:45', 60)).toEqual([]);
  });
});

describe('generateSlots', () => {
  it('lets divisions of the same length share a field time, with the field capacity', () => {
    const slots = generateSlots([{ fieldId: 'richmond', weekdays: [1], startTime: '17:00', endTime: '18:00' }], groups, config.fields);
    expect(slots).toEqual([
      { id: 'richmond:1:17:00-18:00', fieldId: 'richmond', weekday: 1, start: '17:00', end: '18:00', minutes: 60, capacity: 2, divisions: ['6U', '7U', '8U', '10U', '12U'] },
    ]);
  });

  it('gives a field only to the divisions allowed on it', () => {
    const slots = generateSlots([{ fieldId: 'campus-el-segundo', weekdays: [2], startTime: '16:00', endTime: '19:00' }], groups, config.fields);
    const sixty = slots.filter((s) => s.minutes === 60);
    expect(sixty).toHaveLength(3);
    for (const s of sixty) expect(s.divisions).toEqual(['10U', '12U']);
    expect(slots.filter((s) => s.minutes === 90).map((s) => [s.start, s.capacity, s.divisions])).toEqual([
      ['16:00', 3, ['14U', '16U', '19U']],
      ['17:30', 3, ['14U', '16U', '19U']],
    ]);
  });

  it('honours a window capacity and a window kept for some divisions', () => {
    const w: PracticeWindow = { fieldId: 'brett', weekdays: [4], startTime: '18:00', endTime: '21:00', capacity: 1, divisions: ['14U', '16U'] };
    expect(generateSlots([w], groups, config.fields)).toEqual([
      { id: 'brett:4:18:00-19:30', fieldId: 'brett', weekday: 4, start: '18:00', end: '19:30', minutes: 90, capacity: 1, divisions: ['14U', '16U'] },
      { id: 'brett:4:19:30-21:00', fieldId: 'brett', weekday: 4, start: '19:30', end: '21:00', minutes: 90, capacity: 1, divisions: ['14U', '16U'] },
    ]);
  });

  it('orders slots by weekday, start and field whatever the order of the windows', () => {
    const windows: PracticeWindow[] = [
      { fieldId: 'richmond', weekdays: [3, 1], startTime: '17:00', endTime: '19:00' },
      { fieldId: 'brett', weekdays: [1], startTime: '16:00', endTime: '18:00' },
      { fieldId: 'campus-el-segundo', weekdays: [0], startTime: '09:00', endTime: '10:00' },
    ];
    const a = generateSlots(windows, groups, config.fields);
    const b = generateSlots([...windows].reverse(), [...groups].reverse(), config.fields);
    expect(b.map((s) => s.id)).toEqual(a.map((s) => s.id));
    expect(a.slice(0, 4).map((s) => s.id)).toEqual(['campus-el-segundo:0:09:00-10:00', 'brett:1:16:00-17:00', 'brett:1:16:00-17:30', 'brett:1:17:00-18:00']);
  });

  it('refuses windows with problems, listing every one', () => {
    const bad: PracticeWindow[] = [
      { fieldId: 'nowhere', weekdays: [1], startTime: '17:00', endTime: '18:00' },
      { fieldId: 'brett', weekdays: [7], startTime: '19:00', endTime: '18:00', capacity: 0 },
      { fieldId: 'brett', weekdays: [1], startTime: '5pm', endTime: '18:00' },
    ];
    expect(windowProblems(bad, config.fields)).toHaveLength(5);
    let caught: unknown;
    try {
      generateSlots(bad, groups, config.fields);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('VALIDATION');
    expect((caught as AppError).details).toHaveLength(5);
  });

  it('refuses a window that would hold more teams than its field, naming the field and its capacity', () => {
    const over: PracticeWindow = { fieldId: 'richmond', weekdays: [1], startTime: '16:00', endTime: '20:00', capacity: 6 };
    expect(windowProblems([over], config.fields)).toEqual([
      "windows[0]: Richmond holds 2 teams at once, so a window on it may hold at most 2 (this one says 6). Lower its capacity, or leave it empty to use the field's.",
    ]);
    expect(
      windowProblems(
        [
          { ...over, capacity: 2 },
          { ...over, capacity: 1 },
        ],
        config.fields,
      ),
    ).toEqual([]);
    expect(() => generateSlots([over], groups, config.fields)).toThrow(AppError);
  });

  it('never gives a slot more places than its field, even where windows of two lengths overlap', () => {
    const slots = generateSlots(
      [
        { fieldId: 'campus-el-segundo', weekdays: [2], startTime: '16:00', endTime: '19:00', capacity: 3 },
        { fieldId: 'campus-el-segundo', weekdays: [2], startTime: '16:00', endTime: '19:00', capacity: 2, divisions: ['14U'] },
      ],
      groups,
      config.fields,
    );
    expect(slots.length).toBe(5);
    expect(slots.every((s) => s.capacity <= 3)).toBe(true);
  });

  it('reports 60- and 90-minute cuts that overlap on one field', () => {
    const slots = generateSlots([{ fieldId: 'richmond', weekdays: [5], startTime: '17:00', endTime: '20:00' }], groups, config.fields);
    const pairs = overlappingSlots(slots).map(([a, b]) => `${a.start}-${a.end}/${b.start}-${b.end}`);
    expect(pairs).toEqual(['17:00-18:00/17:00-18:30', '17:00-18:30/18:00-19:00', '18:00-19:00/18:30-20:00', '18:30-20:00/19:00-20:00']);
  });
});

describe('slot dates', () => {
  it('lists every Monday of the fall season except blackouts', () => {
    const dates = slotDates(1, fall, ['2026-09-07', '2026-11-26']);
    expect(dates[0]).toBe('2026-08-03');
    expect(dates.at(-1)).toBe('2026-12-28');
    expect(dates).not.toContain('2026-09-07');
    expect(dates).toHaveLength(21);
    expect(dates.every((d) => weekdayOf(d) === 1)).toBe(true);
  });

  it('includes the season start and end days themselves', () => {
    expect(slotDates(6, fall)[0]).toBe('2026-08-01');
    expect(slotDates(4, fall).at(-1)).toBe('2026-12-31');
  });

  it('gives a recurrence starting after a blacked-out first date, with only that weekday excluded', () => {
    expect(slotRecurrence(1, fall, ['2026-08-03', '2026-09-07', '2026-11-26', '2027-01-04'])).toEqual({
      firstDate: '2026-08-10',
      untilDate: '2026-12-31',
      exdates: ['2026-09-07'],
    });
    expect(slotRecurrence(1, { startDate: '2026-08-04', endDate: '2026-08-09' })).toBeNull();
  });
});

describe('time helpers', () => {
  it('reads HH:MM and walks calendar dates', () => {
    expect(parseTime('17:30')).toBe(1050);
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('7:30')).toBeNull();
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

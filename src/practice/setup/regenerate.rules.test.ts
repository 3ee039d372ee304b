import { describe, expect, it } from 'vitest';
import { planRegeneration, type ExistingSlot } from './regenerate.rules.js';
import { slotId, type WeeklySlot } from '../slots.rules.js';

const slot = (field: string, weekday: number, start: string, end: string, capacity = 2, divisions = ['10U']): WeeklySlot => ({
  id: slotId(field, weekday, start, end),
  fieldId: field,
  weekday,
  start,
  end,
  minutes: 60,
  capacity,
  divisions,
});
const existing = (s: WeeklySlot, booked: number, origin: 'generated' | 'manual' = 'generated', id = `row-${s.id}`): ExistingSlot => ({ ...s, id, booked, origin });

describe('planRegeneration', () => {
  it('adds new pieces, updates changed ones and removes stale unbooked ones', () => {
    const plan = planRegeneration(
      [existing(slot('richmond', 1, '17:00', '18:00'), 0), existing(slot('richmond', 1, '18:00', '19:00', 2), 1), existing(slot('brett', 2, '17:00', '18:00'), 0)],
      [slot('richmond', 1, '17:00', '18:00'), slot('richmond', 1, '18:00', '19:00', 3, ['10U', '12U']), slot('richmond', 3, '17:00', '18:00')],
    );
    expect(plan.add.map((s) => s.id)).toEqual(['richmond:3:17:00-18:00']);
    expect(plan.update).toEqual([{ id: 'row-richmond:1:18:00-19:00', capacity: 3, divisions: ['10U', '12U'] }]);
    expect(plan.remove).toEqual(['row-brett:2:17:00-18:00']);
    expect(plan.keptBooked).toEqual([]);
  });

  it('never loses a booking: booked stale slots stay, capacity never drops below the teams holding it', () => {
    const plan = planRegeneration(
      [existing(slot('brett', 2, '17:00', '18:00'), 2), existing(slot('richmond', 1, '17:00', '18:00', 4), 3)],
      [slot('richmond', 1, '17:00', '18:00', 2)],
    );
    expect(plan.keptBooked).toEqual(['row-brett:2:17:00-18:00']);
    expect(plan.remove).toEqual([]);
    expect(plan.update).toEqual([{ id: 'row-richmond:1:17:00-18:00', capacity: 3, divisions: ['10U'] }]);
    expect(plan.keptCapacity).toEqual([{ id: 'row-richmond:1:17:00-18:00', capacity: 3, booked: 3 }]);
  });

  it('leaves slots added by hand alone', () => {
    const plan = planRegeneration(
      [existing(slot('brett', 6, '09:00', '10:00', 5), 0, 'manual'), existing(slot('richmond', 1, '17:00', '18:00', 9), 0, 'manual')],
      [slot('richmond', 1, '17:00', '18:00', 2)],
    );
    expect(plan).toEqual({ add: [], update: [], remove: [], keptBooked: [], keptCapacity: [] });
  });
});

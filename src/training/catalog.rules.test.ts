import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.js';
import { defaultRegionConfig } from '../region/region.testkit.js';
import type { RegionConfig, Training } from '../region/index.js';
import {
  addMonths,
  assertCanRegister,
  catalogOf,
  checkCompletionCode,
  completionCode,
  daysBetween,
  howToComplete,
  indexCompletions,
  parseCompletionCode,
  registrationPrerequisites,
  trainingStatus,
  type Completion,
} from './catalog.rules.js';

const TODAY = '2026-09-15';
const config = defaultRegionConfig(TODAY);
const catalog = catalogOf(config);
const training = (code: string): Training => catalog.get(code)!;
const done = (code: string, completedOn = '2026-01-10'): Completion => {
  const [t, part] = code.split(':') as [string, string | undefined];
  return { training: t, part: part ?? training(t).parts[0]!.part, completedOn };
};

describe('completion codes', () => {
  it.each([
    ['safe-haven', 'safe-haven', 'online'],
    ['coach-6u', 'coach-6u', 'online'],
    [' coach-8u ', 'coach-8u', 'online'],
    ['coach-intermediate', 'coach-intermediate', 'in-person'],
    ['safe-haven:online', 'safe-haven', 'online'],
    ['coach-10u:online', 'coach-10u', 'online'],
    ['coach-10u:field', 'coach-10u', 'field'],
    ['coach-12u:online', 'coach-12u', 'online'],
    ['coach-12u:in-person', 'coach-12u', 'in-person'],
  ])('reads %s', (text, t, part) => {
    expect(checkCompletionCode(catalog, text)).toEqual({ ok: true, ref: { training: t, part } });
  });

  it.each([
    ['coach-9u', 'UNKNOWN_TRAINING', /"coach-9u" is not a training.*coach-10u:online or coach-10u:field/],
    ['', 'UNKNOWN_TRAINING', /is not a training/],
    ['coach-10u', 'PART_REQUIRED', /10U Coach has 2 parts.*coach-10u:online or coach-10u:field/],
    ['coach-12u', 'PART_REQUIRED', /coach-12u:online or coach-12u:in-person/],
    ['coach-10u:in-person', 'UNKNOWN_PART', /no part "in-person".*coach-10u:online or coach-10u:field/],
    ['coach-12u:field', 'UNKNOWN_PART', /coach-12u:online or coach-12u:in-person/],
    ['safe-haven:field', 'UNKNOWN_PART', /safe-haven:online/],
  ])('refuses %j with %s', (text, code, message) => {
    const check = checkCompletionCode(catalog, text);
    expect(check).toEqual({ ok: false, code, message: expect.stringMatching(message) });
  });

  it('throws AppError from parseCompletionCode', () => {
    expect(parseCompletionCode(catalog, 'coach-10u:field')).toEqual({ training: 'coach-10u', part: 'field' });
    expect(() => parseCompletionCode(catalog, 'coach-10u')).toThrow(AppError);
  });

  it('writes codes back the way it reads them', () => {
    expect(completionCode(training('safe-haven'), 'online')).toBe('safe-haven');
    expect(completionCode(training('coach-12u'), 'in-person')).toBe('coach-12u:in-person');
  });
});

describe('trainingStatus', () => {
  const status = (code: string, completions: Completion[], cfg: RegionConfig = config, today = TODAY) =>
    trainingStatus(catalogOf(cfg).get(code)!, indexCompletions(completions, today), today);

  it('needs every part, dated by the latest part', () => {
    expect(status('coach-10u', [done('coach-10u:online')])).toMatchObject({ complete: false, valid: false, partsMissing: ['field'], completedOn: null });
    const both = status('coach-10u', [done('coach-10u:field', '2026-03-02'), done('coach-10u:online', '2025-11-20')]);
    expect(both).toMatchObject({ complete: true, valid: true, completedOn: '2026-03-02', expiresOn: null, partsMissing: [] });
  });

  it('keeps the latest completion of a part and ignores ones after today', () => {
    const s = status('safe-haven', [done('safe-haven', '2024-01-01'), done('safe-haven', '2025-06-01'), done('safe-haven', '2026-10-01')]);
    expect(s.completedOn).toBe('2025-06-01');
    expect(status('safe-haven', [done('safe-haven', '2026-09-16')]).complete).toBe(false);
  });

  describe('with expiresAfterMonths', () => {
    const cfg = defaultRegionConfig(TODAY);
    cfg.trainings.find((t) => t.code === 'concussion')!.expiresAfterMonths = 12;
    const at = (completedOn: string) => status('concussion', [done('concussion', completedOn)], cfg);

    it.each([
      ['2025-09-16', '2026-09-16', false, true],
      ['2025-09-15', '2026-09-15', true, false],
      ['2025-11-14', '2026-11-14', false, true],
      ['2025-11-15', '2026-11-15', false, false],
      ['2026-01-10', '2027-01-10', false, false],
    ])('completed %s: expires %s, expired %s, soon %s', (completedOn, expiresOn, expired, expiresSoon) => {
      expect(at(completedOn)).toMatchObject({ expiresOn, expired, expiresSoon, valid: !expired });
    });

    it('takes the expiry window as an argument', () => {
      const s = trainingStatus(catalogOf(cfg).get('concussion')!, indexCompletions([done('concussion', '2026-01-10')], TODAY), TODAY, 120);
      expect(s.expiresSoon).toBe(true);
    });
  });

  it('adds months the calendar way', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 24)).toBe('2027-11-30');
    expect(daysBetween('2026-09-15', '2026-11-14')).toBe(60);
  });
});

describe('registration prerequisites', () => {
  const missing = (code: string, completions: Completion[]) =>
    registrationPrerequisites(catalog, parseCompletionCode(catalog, code), indexCompletions(completions, TODAY), TODAY).map((m) => m.code);

  it.each([
    ['coach-12u:in-person', [], ['coach-12u:online']],
    ['coach-12u:in-person', [done('coach-12u:online')], []],
    ['coach-12u:in-person', [done('coach-10u:online')], ['coach-12u:online']],
    ['coach-10u:field', [], ['coach-10u:online']],
    ['coach-10u:field', [done('coach-10u:online')], []],
    ['coach-12u:online', [], []],
    ['coach-intermediate', [], ['coach-12u']],
    ['coach-intermediate', [done('coach-12u:online')], ['coach-12u']],
    ['coach-intermediate', [done('coach-12u:online'), done('coach-12u:in-person')], []],
    ['coach-advanced', [done('coach-12u:online'), done('coach-12u:in-person')], ['coach-intermediate']],
    ['coach-advanced', [done('coach-intermediate')], []],
  ])('%s after %j needs %j', (code, completions, expected) => {
    expect(missing(code, completions)).toEqual(expected);
  });

  it('explain what to do', () => {
    const [online] = registrationPrerequisites(catalog, { training: 'coach-12u', part: 'in-person' }, new Map(), TODAY);
    expect(online?.message).toBe('Complete the online part of 12U Coach before registering for its in-person class.');
    const [pre] = registrationPrerequisites(catalog, { training: 'coach-advanced', part: 'in-person' }, new Map(), TODAY);
    expect(pre?.message).toBe('Complete Intermediate Coach (14U) before registering for Advanced Coach (16U, 19U).');
  });

  it('follow the order of parts in the catalog (a region can drop the online-first rule)', () => {
    const cfg = defaultRegionConfig(TODAY);
    cfg.trainings.find((t) => t.code === 'coach-10u')!.parts.reverse();
    const ref = { training: 'coach-10u', part: 'field' };
    expect(registrationPrerequisites(catalogOf(cfg), ref, new Map(), TODAY)).toEqual([]);
  });

  it('require an unexpired prerequisite course', () => {
    const cfg = defaultRegionConfig(TODAY);
    cfg.trainings.find((t) => t.code === 'coach-intermediate')!.expiresAfterMonths = 24;
    const index = indexCompletions([done('coach-intermediate', '2024-09-01')], TODAY);
    const [item] = registrationPrerequisites(catalogOf(cfg), { training: 'coach-advanced', part: 'in-person' }, index, TODAY);
    expect(item?.message).toMatch(/expired on 2026-09-01/);
  });

  it('throw PREREQUISITE_MISSING with the whole list', () => {
    const ref = { training: 'coach-12u', part: 'in-person' };
    expect(() => assertCanRegister(catalog, ref, new Map(), TODAY)).toThrow(/online part of 12U Coach/);
    expect(() => assertCanRegister(catalog, ref, indexCompletions([done('coach-12u:online')], TODAY), TODAY)).not.toThrow();
  });
});

describe('howToComplete', () => {
  it.each([
    ['safe-haven', undefined, 'Complete the Safe Haven course online.'],
    ['coach-10u', 'online', 'Complete the online part of 10U Coach.'],
    ['coach-10u', 'field', 'Register for an in-person session of 10U Coach (field session) and attend it; instructors can credit registered attendees only.'],
    ['coach-intermediate', undefined, 'Register for an in-person session of Intermediate Coach (14U) and attend it; instructors can credit registered attendees only.'],
  ])('%s %s', (code, part, message) => {
    expect(howToComplete(training(code), part)).toBe(message);
  });
});

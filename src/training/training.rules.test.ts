import { describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../region/region.testkit.js';
import { catalogOf, indexCompletions, trainingStatus } from './catalog.rules.js';
import {
  CERTIFICATE_NUMBER,
  certificateNumber,
  classOptions,
  completionLabel,
  completionOptions,
  localDateTime,
  longDate,
  nextStep,
  normalizeName,
  trainingState,
} from './training.rules.js';

const config = defaultRegionConfig('2026-09-15');
const catalog = catalogOf(config);

describe('certificate numbers', () => {
  it('reads TL-<year>-<six unambiguous characters>', () => {
    const no = certificateNumber('2021-04-28', Uint8Array.from([0, 1, 31, 32, 255, 8]));
    expect(no).toBe('TL-2021-23Z2ZA');
    expect(no).toMatch(CERTIFICATE_NUMBER);
    for (let i = 0; i < 200; i++) expect(certificateNumber('2026-01-01', crypto.getRandomValues(new Uint8Array(6))).slice(8)).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(() => certificateNumber('2026-01-01', new Uint8Array(5))).toThrow();
  });
});

describe('labels and choices from the catalog', () => {
  it('names parts of two-part courses and lists every completion code once', () => {
    expect(completionLabel(catalog, 'safe-haven', 'online')).toBe('Safe Haven');
    expect(completionLabel(catalog, 'coach-12u', 'in-person')).toBe('12U Coach: In-person class');
    expect(completionLabel(catalog, 'gone', 'online')).toBe('gone (online)');
    const codes = completionOptions(catalog).map((o) => o.code);
    expect(codes).toContain('safe-haven');
    expect(codes).toContain('coach-10u:online');
    expect(codes).toContain('coach-10u:field');
    expect(codes).not.toContain('coach-10u');
    expect(new Set(codes).size).toBe(codes.length);
    expect(classOptions(catalog).map((o) => o.code)).toEqual(['coach-10u:field', 'coach-12u:in-person', 'coach-intermediate:in-person', 'coach-advanced:in-person']);
  });

  it('says what state a training is in and what to do next', () => {
    const t = catalog.get('coach-12u')!;
    const at = (list: { training: string; part: string; completedOn: string }[]) => trainingStatus(t, indexCompletions(list, '2026-09-15'), '2026-09-15');
    const none = at([]);
    expect(trainingState(none, 2)).toBe('not-started');
    expect(nextStep(t, none)).toBe('Complete the online part of 12U Coach.');
    const half = at([{ training: 'coach-12u', part: 'online', completedOn: '2026-01-01' }]);
    expect(trainingState(half, 2)).toBe('in-progress');
    expect(nextStep(t, half)).toContain('Register for an in-person session of 12U Coach');
    const done = at([
      { training: 'coach-12u', part: 'online', completedOn: '2026-01-01' },
      { training: 'coach-12u', part: 'in-person', completedOn: '2026-02-01' },
    ]);
    expect([trainingState(done, 2), nextStep(t, done)]).toEqual(['valid', null]);
    const expiring = trainingStatus(
      { ...t, expiresAfterMonths: 8 },
      indexCompletions(
        [
          { training: 'coach-12u', part: 'online', completedOn: '2026-01-01' },
          { training: 'coach-12u', part: 'in-person', completedOn: '2026-02-01' },
        ],
        '2026-09-15',
      ),
      '2026-09-15',
    );
    expect(trainingState(expiring, 2)).toBe('expires-soon');
    expect(nextStep(t, expiring)).toMatch(/^Expires on 2026-10-01: /);
  });
});

describe('names and dates', () => {
  it('compares names without accents, case, spaces and punctuation', () => {
    expect(normalizeName('José  María')).toBe(normalizeName('jose maria'));
    expect(normalizeName("O'Brien-Smith")).toBe('obriensmith');
    expect(normalizeName('Zoë')).toBe('zoe');
    expect(normalizeName('Nguyễn')).toBe('nguyen');
  });

  it('writes dates for people and reads wall-clock time in the region', () => {
    expect(longDate('2026-09-05')).toBe('September 5, 2026');
    expect(localDateTime(new Date('2026-09-15T06:30:00Z'), 'America/Los_Angeles')).toEqual({ date: '2026-09-14', time: '23:30' });
    expect(localDateTime(new Date('2026-09-15T07:05:00Z'), 'America/Los_Angeles')).toEqual({ date: '2026-09-15', time: '00:05' });
  });
});

import { describe, expect, it } from 'vitest';
import { defaultRegionConfig, membershipYearFor } from './default-config.rules.js';
import { activeSeasonIds, ageOn, birthRange, configForReader, currentSeason, cutoffDate, divisionForBirthDate, validateRegionConfig } from './region.rules.js';
import type { RegionConfig } from './region.schemas.js';

const base = () => defaultRegionConfig('2026-09-15');
const errorsOf = (edit: (c: RegionConfig) => void) => {
  const c = base();
  edit(c);
  const v = validateRegionConfig(c);
  return v.ok ? [] : v.errors;
};

describe('region configuration defaults', () => {
  it('are valid and carry the rules of rules.md', () => {
    const c = base();
    expect(validateRegionConfig(c).ok).toBe(true);
    expect(c.divisions.map((d) => d.code)).toEqual(['6U', '7U', '8U', '10U', '12U', '14U', '16U', '19U']);
    const cert = Object.fromEntries(c.divisions.map((d) => [d.code, d.coachCertification]));
    expect(cert).toEqual({
      '6U': 'coach-6u',
      '7U': 'coach-8u',
      '8U': 'coach-8u',
      '10U': 'coach-10u',
      '12U': 'coach-12u',
      '14U': 'coach-intermediate',
      '16U': 'coach-advanced',
      '19U': 'coach-advanced',
    });
    const practice = Object.fromEntries(c.divisions.map((d) => [d.code, [d.practice.perWeek, d.practice.minutes, d.practice.fieldIds]]));
    expect(practice['7U']).toEqual([1, 60, ['richmond', 'brett']]);
    expect(practice['12U']).toEqual([2, 60, ['campus-el-segundo', 'brett', 'richmond']]);
    expect(practice['16U']).toEqual([2, 90, null]);
    expect(c.trainings.find((t) => t.code === 'coach-12u')!.parts.map((p) => p.part)).toEqual(['online', 'in-person']);
    expect(c.divisions.filter((d) => d.gameCard).map((d) => d.code)).toEqual(['10U', '12U', '14U']);
  });
  it.each([
    ['2026-09-15', 'MY2026', '2026-08-01', '2027-07-31'],
    ['2026-07-31', 'MY2025', '2025-08-01', '2026-07-31'],
    ['2027-01-02', 'MY2026', '2026-08-01', '2027-07-31'],
  ])('on %s the first membership year is %s', (today, id, start, end) => {
    expect(membershipYearFor(today)).toMatchObject({ id, startDate: start, endDate: end });
  });
});

describe('validateRegionConfig', () => {
  it.each<[string, (c: RegionConfig) => void, RegExp]>([
    ['bad time zone', (c) => (c.region.timeZone = 'Mars/Base'), /not a time zone/],
    ['duplicate field', (c) => c.fields.push({ ...c.fields[0]! }), /the id "richmond" is used twice/],
    ['unknown practice field', (c) => (c.divisions[0]!.practice.fieldIds = ['moon']), /"moon" is not a field/],
    ['unknown certification', (c) => (c.divisions[0]!.coachCertification = 'coach-99u'), /coachCertification "coach-99u"/],
    ['overlapping ages', (c) => (c.divisions[1]!.ageMin = 6), /age ranges overlap/],
    ['season outside its year', (c) => (c.membershipYears[0]!.seasons[0]!.startDate = '2025-01-01'), /must lie within its membership year/],
    ['impossible date', (c) => (c.membershipYears[0]!.endDate = '2027-02-30'), /not a real date/],
    ['unknown role', (c) => c.roleRequirements.push({ role: 'goalie', divisions: null, trainings: [], ageLevel: false }), /"goalie" is not a role/],
    ['rating step', (c) => (c.ratingScale.step = 0.3), /step must divide/],
    ['shape', (c) => ((c as { region: unknown }).region = 'x'), /\/region/],
    ['more on the field than the roster', (c) => (c.divisions[0]!.playersOnField = 9), /more players on the field/],
  ])('refuses %s', (_name, edit, message) => {
    const errors = errorsOf(edit);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });
});

describe('ages and divisions', () => {
  const c = base();
  const year = c.membershipYears[0]!;
  it('measures ages on 31 December of the year the membership year ends', () => {
    expect(cutoffDate(year)).toBe('2027-12-31');
    expect(cutoffDate({ ...year, ageCutoff: { month: 8, day: 1, year: 'start' } })).toBe('2026-08-01');
  });
  it.each([
    ['2000-03-10', '2026-03-09', 25],
    ['2000-03-10', '2026-03-10', 26],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
  ])('ageOn(%s, %s) = %i', (birth, date, age) => expect(ageOn(birth, date)).toBe(age));
  it.each([
    ['2017-01-01', '10U'],
    ['2018-12-31', '10U'],
    ['2019-01-01', '8U'],
    ['2016-12-31', '12U'],
    ['2008-01-01', '19U'],
    ['2007-12-31', undefined],
    ['2022-12-31', '6U'],
    ['2023-01-01', undefined],
  ])('a child born %s plays %s', (birth, division) => {
    expect(divisionForBirthDate(c, year, birth)?.code).toBe(division);
  });
  it('derives each division birth-date range from the cut-off', () => {
    expect(birthRange(c.divisions.find((d) => d.code === '10U')!, year)).toEqual({ from: '2017-01-01', to: '2018-12-31' });
    const aug = { ...year, ageCutoff: { month: 8, day: 1, year: 'end' as const } };
    expect(birthRange(c.divisions.find((d) => d.code === '10U')!, aug)).toEqual({ from: '2016-08-02', to: '2018-08-01' });
  });
  it('knows the current season and the seasons whose roles are in force', () => {
    expect(currentSeason(c, '2026-10-01')?.season.id).toBe('2026-fall');
    expect(currentSeason(c, '2027-03-01')?.season.id).toBe('2027-spring');
    expect(currentSeason(c, '2026-01-01')?.season.id).toBe('2026-fall');
    expect(activeSeasonIds(c, '2026-10-01')).toEqual(['2026-fall', '2027-spring']);
    expect(activeSeasonIds(c, '2027-03-01')).toEqual(['2027-spring']);
  });
});

describe('the configuration as read outside the board', () => {
  it("keeps every contact's name and role, and drops their email", () => {
    const c = base();
    const out = configForReader(c, false);
    expect(out.region.contacts).toEqual(c.region.contacts.map((k) => ({ role: k.role, name: k.name })));
    expect(JSON.stringify(out)).not.toContain('@');
    expect(out.fields).toEqual(c.fields);
    expect(configForReader(c, true)).toEqual(c);
  });
});

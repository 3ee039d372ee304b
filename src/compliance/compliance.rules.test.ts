import { describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../region/region.testkit.js';
import type { RegionConfig } from '../region/index.js';
import type { Completion } from '../training/index.js';
import { checkCompliance, prepareCompliance, requirementFor, summarizeMany, summarizePerson, type ApplicationFacts, type ComplianceRecords } from './compliance.rules.js';

const TODAY = '2026-09-15';
const config = defaultRegionConfig(TODAY);
const rules = prepareCompliance(config);

const ADULT: ApplicationFacts = { complete: true, adult: true, hasSsn: true, signed: true };
const YOUTH: ApplicationFacts = { complete: true, adult: false, hasSsn: false, signed: false };
const SAFETY = ['safe-haven', 'concussion', 'cardiac-arrest', 'safesport'];
const PARTS: Record<string, string[]> = {
  'coach-10u': ['coach-10u:online', 'coach-10u:field'],
  'coach-12u': ['coach-12u:online', 'coach-12u:in-person'],
};

/** Completions of codes: `coach-10u` means both parts, `coach-10u:online` one part. */
function completions(codes: string[], completedOn = '2026-02-01'): Completion[] {
  return codes
    .flatMap((c) => PARTS[c] ?? [c])
    .map((code) => {
      const [training, part] = code.split(':') as [string, string | undefined];
      const p = part ?? config.trainings.find((t) => t.code === training)!.parts[0]!.part;
      return { training, part: p, completedOn };
    });
}

function records(role: string, division: string, codes: string[], over: Partial<ComplianceRecords> = {}): ComplianceRecords {
  return { application: ADULT, roles: [{ role, division }], completions: completions(codes), backgroundCheck: 'clear', ...over };
}

const missingCodes = (r: ComplianceRecords, role: string, division: string, r2 = rules) =>
  checkCompliance(r2, r, { role, division }, TODAY).missing.map((m) => `${m.element}:${m.code}`);

describe('element 3: the age-level certification of every division (head coach, safety done)', () => {
  it.each([
    ['6U', ['coach-6u'], []],
    ['6U', ['coach-8u'], ['3:coach-6u']],
    ['7U', ['coach-8u'], []],
    ['7U', ['coach-6u'], ['3:coach-8u']],
    ['8U', ['coach-8u'], []],
    ['8U', ['coach-6u', 'coach-10u'], ['3:coach-8u']],
    ['10U', ['coach-10u'], []],
    ['10U', ['coach-10u:online'], ['3:coach-10u:field']],
    ['10U', ['coach-10u:field'], ['3:coach-10u:online']],
    ['10U', ['coach-12u'], ['3:coach-10u:online', '3:coach-10u:field']],
    ['10U', ['coach-8u', 'coach-12u', 'coach-intermediate', 'coach-advanced'], ['3:coach-10u:online', '3:coach-10u:field']],
    ['12U', ['coach-12u'], []],
    ['12U', ['coach-12u:online'], ['3:coach-12u:in-person']],
    ['12U', ['coach-10u', 'coach-intermediate'], ['3:coach-12u:online', '3:coach-12u:in-person']],
    ['14U', ['coach-intermediate'], []],
    ['14U', ['coach-advanced'], ['3:coach-intermediate']],
    ['14U', ['coach-12u'], ['3:coach-intermediate']],
    ['16U', ['coach-advanced'], []],
    ['16U', ['coach-intermediate'], ['3:coach-advanced']],
    ['19U', ['coach-advanced'], []],
    ['19U', ['coach-intermediate', 'coach-12u'], ['3:coach-advanced']],
  ])('%s with %j: missing %j', (division, certs, expected) => {
    const answer = checkCompliance(rules, records('head-coach', division, [...SAFETY, ...certs]), { role: 'head-coach', division }, TODAY);
    expect(answer.missing.map((m) => `${m.element}:${m.code}`)).toEqual(expected);
    expect(answer.certified).toBe(expected.length === 0);
  });
});

describe('every role in every division with the exact certification', () => {
  const cert = Object.fromEntries(config.divisions.map((d) => [d.code, d.coachCertification]));
  const table = ['6U', '7U', '8U', '10U', '12U', '14U', '16U', '19U'].flatMap((division) => [
    ['head-coach', division, [...SAFETY, cert[division]!], ADULT, []],
    ['assistant-coach', division, [...SAFETY, cert[division]!], ADULT, []],
    ['assistant-coach', division, ['safe-haven', cert[division]!], ADULT, ['2:concussion', '2:cardiac-arrest', '2:safesport']],
    ['field-helper', division, ['safe-haven', cert[division]!], ADULT, []],
    ['field-helper', division, ['safe-haven'], ADULT, [`3:${cert[division]}`]],
    ['youth-volunteer', division, ['safe-haven'], YOUTH, []],
    ['youth-volunteer', division, [], YOUTH, ['2:safe-haven']],
  ]) as [string, string, string[], ApplicationFacts, string[]][];

  it.each(table)('%s in %s with %j', (role, division, certs, application, expected) => {
    const got = missingCodes(records(role, division, certs, { application }), role, division);
    // a two-part certification is reported part by part
    expect(got).toEqual(expected.flatMap((e) => (PARTS[e.slice(2)] ?? [e.slice(2)]).map((c) => `${e[0]}:${c}`)));
  });

  it('covers every division of the default configuration', () => {
    expect(new Set(table.map((row) => row[1]))).toEqual(new Set(config.divisions.map((d) => d.code)));
  });
});

describe('element 1: this season application', () => {
  const full = [...SAFETY, 'coach-10u'];
  it.each([
    ['no application', { application: null }, ['1:APPLICATION_MISSING']],
    ['an adult without SSN', { application: { ...ADULT, complete: false, hasSsn: false } }, ['1:SSN_MISSING']],
    ['an adult without signature', { application: { ...ADULT, complete: false, signed: false } }, ['1:SIGNATURE_MISSING']],
    ['an unfinished application', { application: { ...ADULT, complete: false } }, ['1:APPLICATION_INCOMPLETE']],
    ['another role applied for', { roles: [{ role: 'assistant-coach', division: '10U' }] }, ['1:ROLE_NOT_APPLIED']],
    ['another division applied for', { roles: [{ role: 'head-coach', division: '12U' }] }, ['1:ROLE_NOT_APPLIED']],
    ['a youth as head coach', { application: YOUTH }, ['1:ROLE_NOT_ALLOWED']],
    ['a flagged background check', { backgroundCheck: 'flagged' as const }, ['1:BACKGROUND_FLAGGED']],
    ['a pending background check', { backgroundCheck: 'pending' as const }, []],
    ['a background check not started', { backgroundCheck: 'not-started' as const }, []],
  ])('%s', (_name, over, expected) => {
    expect(missingCodes(records('head-coach', '10U', full, over), 'head-coach', '10U')).toEqual(expected);
  });

  it('refuses an adult as youth volunteer', () => {
    expect(missingCodes(records('youth-volunteer', '8U', ['safe-haven']), 'youth-volunteer', '8U')).toEqual(['1:ROLE_NOT_ALLOWED']);
  });

  it('lists every element at once, in order', () => {
    const r = records('head-coach', '12U', ['coach-12u:online'], { application: null, backgroundCheck: 'flagged' });
    expect(missingCodes(r, 'head-coach', '12U')).toEqual(['1:APPLICATION_MISSING', '1:BACKGROUND_FLAGGED', ...SAFETY.map((s) => `2:${s}`), '3:coach-12u:in-person']);
  });
});

describe('messages say how to complete each item', () => {
  const item = (r: ComplianceRecords, role: string, division: string, code: string) =>
    checkCompliance(rules, r, { role, division }, TODAY).missing.find((m) => m.code === code)?.message;

  it.each([
    ['10U', ['coach-10u:online'], 'coach-10u:field', /^Register for an in-person session of 10U Coach \(field session\)/],
    ['10U', [], 'coach-10u:field', /First complete the online part\.$/],
    ['10U', [], 'coach-10u:online', /^Complete the online part of 10U Coach\.$/],
    ['16U', [], 'coach-advanced', /First complete Intermediate Coach \(14U\)\.$/],
    ['16U', ['coach-intermediate'], 'coach-advanced', /attend it; instructors can credit registered attendees only\.$/],
    ['6U', [], 'concussion', /^Complete the CDC Concussion Awareness course online\.$/],
  ])('%s with %j: %s', (division, certs, code, message) => {
    expect(item(records('head-coach', division, certs), 'head-coach', division, code)).toMatch(message);
  });

  it('are one line each', () => {
    const answer = checkCompliance(rules, records('head-coach', '19U', [], { application: null }), { role: 'head-coach', division: '19U' }, TODAY);
    expect(answer.missing.length).toBeGreaterThan(5);
    for (const m of answer.missing) expect(m.message).toMatch(/^[^\n]{10,200}$/);
  });
});

describe('expiry (expiresAfterMonths)', () => {
  const cfg: RegionConfig = defaultRegionConfig(TODAY);
  cfg.trainings.find((t) => t.code === 'safe-haven')!.expiresAfterMonths = 24;
  const r2 = prepareCompliance(cfg);
  const at = (safeHaven: string): ComplianceRecords => ({
    ...records('youth-volunteer', '8U', [], { application: YOUTH }),
    completions: completions(['safe-haven'], safeHaven),
  });

  it.each([
    ['2024-09-15', ['2:safe-haven']],
    ['2024-09-16', []],
  ])('safe haven completed %s: missing %j', (on, expected) => {
    expect(missingCodes(at(on), 'youth-volunteer', '8U', r2)).toEqual(expected);
    expect(missingCodes(at(on), 'youth-volunteer', '8U')).toEqual([]);
  });

  it('says when it expired and warns before', () => {
    const [m] = checkCompliance(r2, at('2024-03-01'), { role: 'youth-volunteer', division: '8U' }, TODAY).missing;
    expect(m?.message).toMatch(/^Safe Haven expired on 2026-03-01\. Complete the Safe Haven course online\.$/);
    expect(summarizePerson(r2, at('2024-10-01'), TODAY).expiringSoon).toEqual([{ training: 'safe-haven', name: 'Safe Haven', expiresOn: '2026-10-01' }]);
    expect(summarizePerson(r2, at('2024-12-01'), TODAY).expiringSoon).toEqual([]);
  });
});

describe('a division-specific requirement overrides the general one', () => {
  const relaxed = { role: 'field-helper', divisions: ['6U', '7U', '8U'], trainings: ['safe-haven'], ageLevel: false };
  it.each([
    ['after', (c: RegionConfig) => c.roleRequirements.push(relaxed)],
    ['before', (c: RegionConfig) => c.roleRequirements.unshift(relaxed)],
  ])('listed %s it', (_where, add) => {
    const cfg = defaultRegionConfig(TODAY);
    add(cfg);
    const r2 = prepareCompliance(cfg);
    expect(missingCodes(records('field-helper', '7U', ['safe-haven']), 'field-helper', '7U', r2)).toEqual([]);
    expect(missingCodes(records('field-helper', '10U', ['safe-haven']), 'field-helper', '10U', r2)).toEqual(['3:coach-10u:online', '3:coach-10u:field']);
    expect(requirementFor(r2, 'field-helper', '8U')).toEqual({ trainings: ['safe-haven'], ageLevel: null });
    expect(requirementFor(r2, 'field-helper', '14U')).toEqual({ trainings: ['safe-haven'], ageLevel: 'coach-intermediate' });
  });
});

describe('summaries', () => {
  const person = (): ComplianceRecords => ({
    application: ADULT,
    roles: [
      { role: 'head-coach', division: '10U' },
      { role: 'assistant-coach', division: '12U' },
      { role: 'registrar', division: '' },
    ],
    completions: completions(['concussion', 'cardiac-arrest', 'safesport', 'coach-10u']),
    backgroundCheck: 'clear',
  });

  it('cover every division role once, with each missing item once', () => {
    const s = summarizePerson(rules, person(), TODAY);
    expect(s.roles.map((r) => [r.role, r.division, r.certified])).toEqual([
      ['head-coach', '10U', false],
      ['assistant-coach', '12U', false],
    ]);
    expect(s.missing.map((m) => `${m.element}:${m.code}`)).toEqual(['2:safe-haven', '3:coach-12u:online', '3:coach-12u:in-person']);
    expect(s.certified).toBe(false);
  });

  it('are certified only with at least one role, all certified', () => {
    const done = { ...person(), completions: completions([...SAFETY, 'coach-10u', 'coach-12u']) };
    expect(summarizePerson(rules, done, TODAY).certified).toBe(true);
    expect(summarizePerson(rules, { ...done, roles: [] }, TODAY).certified).toBe(false);
  });

  it('cover the roles held (role grants) when given, checking each against the application', () => {
    const held = [
      { role: 'head-coach', division: '10U' },
      { role: 'field-helper', division: '8U' },
    ];
    const s = summarizePerson(rules, { ...person(), completions: completions([...SAFETY, 'coach-10u', 'coach-8u']), held }, TODAY);
    expect(s.roles.map((r) => [r.role, r.division, r.missing.map((m) => m.code)])).toEqual([
      ['head-coach', '10U', []],
      ['field-helper', '8U', ['ROLE_NOT_APPLIED']],
    ]);
    expect(s.certified).toBe(false);
  });

  it('for many people match one by one', () => {
    const divisions = config.divisions.map((d) => d.code);
    const people = Array.from({ length: 2000 }, (_, i) => ({
      personId: `p${i}`,
      records: records(i % 3 ? 'head-coach' : 'field-helper', divisions[i % divisions.length]!, SAFETY.slice(0, i % 5), { application: i % 7 ? ADULT : null }),
    }));
    const all = summarizeMany(rules, people, TODAY);
    expect(all.size).toBe(2000);
    for (const p of [people[0]!, people[1234]!, people[1999]!]) expect(all.get(p.personId)).toEqual(summarizePerson(rules, p.records, TODAY));
    expect([...all.values()].filter((s) => s.certified)).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import type { MissingItem } from '../compliance/index.js';
import {
  badgeEligibility,
  badgeValidity,
  boardStatus,
  choosePrintSet,
  invalidSince,
  nextDay,
  printedRoles,
  publicCause,
  sameFacts,
  type CoachRoleCheck,
  type PhotoState,
  type ValidityInput,
} from './badges.rules.js';

const SAFE_HAVEN: MissingItem = { element: 2, code: 'safe-haven', message: 'Complete the Safe Haven course online.' };
const APPLICATION: MissingItem = { element: 1, code: 'APPLICATION_MISSING', message: "Complete this season's volunteer application, choosing head coach in 10U." };
const COACH_12U: MissingItem = { element: 3, code: 'coach-12u:in-person', message: 'Register for an in-person session of 12U Coach.' };

const certified = (role: string, division: string): CoachRoleCheck => ({ role, division, certified: true, missing: [] });
const missing = (role: string, division: string, items: MissingItem[]): CoachRoleCheck => ({ role, division, certified: false, missing: items });
const approved: PhotoState = { status: 'approved', reason: null };

describe('badge eligibility', () => {
  const cases: { name: string; roles: CoachRoleCheck[]; photo: PhotoState | null; codes: string[] }[] = [
    { name: 'a certified head coach with an approved photo', roles: [certified('head-coach', '10U')], photo: approved, codes: [] },
    { name: 'a certified assistant coach with an approved photo', roles: [certified('assistant-coach', '6U')], photo: approved, codes: [] },
    { name: 'a coach certified in two roles', roles: [certified('head-coach', '10U'), certified('assistant-coach', '12U')], photo: approved, codes: [] },
    { name: 'no photo', roles: [certified('head-coach', '10U')], photo: null, codes: ['PHOTO_MISSING'] },
    { name: 'a photo waiting for approval', roles: [certified('head-coach', '10U')], photo: { status: 'pending', reason: null }, codes: ['PHOTO_PENDING'] },
    { name: 'a rejected photo', roles: [certified('head-coach', '10U')], photo: { status: 'rejected', reason: 'Sunglasses hide the eyes.' }, codes: ['PHOTO_REJECTED'] },
    { name: 'a field helper (no coaching role)', roles: [certified('field-helper', '8U')], photo: approved, codes: ['NOT_A_COACH'] },
    { name: 'no role at all and no photo', roles: [], photo: null, codes: ['NOT_A_COACH', 'PHOTO_MISSING'] },
    {
      name: 'not certified: every element listed in order, photo last',
      roles: [missing('head-coach', '12U', [COACH_12U, SAFE_HAVEN, APPLICATION])],
      photo: null,
      codes: ['APPLICATION_MISSING', 'safe-haven', 'coach-12u:in-person', 'PHOTO_MISSING'],
    },
    {
      name: 'certified in one role but not the other',
      roles: [certified('head-coach', '10U'), missing('assistant-coach', '12U', [COACH_12U])],
      photo: approved,
      codes: ['coach-12u:in-person'],
    },
    {
      name: 'the same item missing for two roles, listed once',
      roles: [missing('head-coach', '10U', [SAFE_HAVEN]), missing('assistant-coach', '12U', [SAFE_HAVEN, COACH_12U])],
      photo: approved,
      codes: ['safe-haven', 'coach-12u:in-person'],
    },
    {
      name: 'an uncertified field helper role does not block a coach',
      roles: [certified('head-coach', '10U'), missing('field-helper', '8U', [SAFE_HAVEN])],
      photo: approved,
      codes: [],
    },
  ];
  it.each(cases)('$name', ({ roles, photo, codes }) => {
    const e = badgeEligibility(roles, photo);
    expect(e.missing.map((m) => m.code)).toEqual(codes);
    expect(e.eligible).toBe(codes.length === 0);
  });

  it('gives the rejection reason to the coach, and keeps the compliance element of each item', () => {
    const e = badgeEligibility([missing('head-coach', '12U', [COACH_12U])], { status: 'rejected', reason: 'Your face is too small in the picture.' });
    expect(e.missing).toEqual([
      { code: 'coach-12u:in-person', message: COACH_12U.message, element: 3 },
      { code: 'PHOTO_REJECTED', message: 'Your badge photo was not accepted: Your face is too small in the picture. Upload another one.' },
    ]);
  });
});

describe('what a badge prints', () => {
  it('prints each coaching role once, in order, and nothing else', () => {
    expect(
      printedRoles([
        { role: 'assistant-coach', division: '12U' },
        { role: 'field-helper', division: '8U' },
        { role: 'head-coach', division: '10U' },
        { role: 'assistant-coach', division: '12U' },
      ]),
    ).toEqual([
      { role: 'assistant-coach', division: '12U' },
      { role: 'head-coach', division: '10U' },
    ]);
  });

  const base = {
    photoId: 'p1',
    name: 'Ana Coach',
    roles: [
      { role: 'head-coach', division: '10U' },
      { role: 'assistant-coach', division: '12U' },
    ],
  };
  it.each([
    ['the same facts in another role order', { ...base, roles: [...base.roles].reverse() }, true],
    ['a new photo', { ...base, photoId: 'p2' }, false],
    ['a new name', { ...base, name: 'Ana Coach-Smith' }, false],
    ['a role less', { ...base, roles: base.roles.slice(0, 1) }, false],
    ['another division', { ...base, roles: [{ role: 'head-coach', division: '12U' }, base.roles[1]!] }, false],
  ] as const)('%s: same facts = %s', (_name, other, same) => {
    expect(sameFacts(base, other)).toBe(same);
  });
});

describe('whether a printed badge is valid', () => {
  const ok: ValidityInput = {
    replacedOn: null,
    season: { endDate: '2026-12-31' },
    today: '2026-09-15',
    photoApproved: true,
    roles: [{ role: 'head-coach', division: '10U', held: true, certified: true }],
  };
  it.each([
    ['valid while every printed role is held and certified', ok, true, null, null],
    ['replaced by a newer badge: since the replacement', { ...ok, replacedOn: '2026-09-10' }, false, 'replaced', '2026-09-10'],
    ['the season is over: since the day after it ended', { ...ok, today: '2027-01-02' }, false, 'season-ended', '2027-01-01'],
    ['on the last day of the season it is still valid', { ...ok, today: '2026-12-31' }, true, null, null],
    ['the region removed the season', { ...ok, season: null }, false, 'season-unknown', null],
    ['the photo was withdrawn', { ...ok, photoApproved: false }, false, 'photo', null],
    ['the role was removed', { ...ok, roles: [{ role: 'head-coach', division: '10U', held: false, certified: false }] }, false, 'role-removed', null],
    ['a training expired (no longer certified)', { ...ok, roles: [{ role: 'head-coach', division: '10U', held: true, certified: false }] }, false, 'not-certified', null],
    ['one of two printed roles lapsed', { ...ok, roles: [...ok.roles, { role: 'assistant-coach', division: '12U', held: true, certified: false }] }, false, 'not-certified', null],
  ] as const)('%s', (_name, input, valid, cause, derived) => {
    const v = badgeValidity(input);
    expect(v).toEqual({ valid, cause, derivedSince: derived });
  });

  it('says since when: the exact date when known, else the first check that found it, else today', () => {
    const removed = badgeValidity({ ...ok, roles: [{ role: 'head-coach', division: '10U', held: false, certified: false }] });
    expect(invalidSince(removed, '2026-09-12', '2026-09-15')).toBe('2026-09-12');
    expect(invalidSince(removed, null, '2026-09-15')).toBe('2026-09-15');
    expect(invalidSince(badgeValidity({ ...ok, replacedOn: '2026-09-01' }), '2026-09-12', '2026-09-15')).toBe('2026-09-01');
    expect(invalidSince(badgeValidity(ok), '2026-09-12', '2026-09-15')).toBeNull();
  });

  it('tells the public only about the badge itself, never about the person', () => {
    expect(publicCause('replaced')).toMatch(/newer badge/);
    expect(publicCause('season-ended')).toMatch(/season/);
    for (const cause of ['photo', 'role-removed', 'not-certified', null] as const) expect(publicCause(cause)).toBeNull();
  });

  it('counts days across months and years', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
  });
});

describe('the board list', () => {
  const facts = { photoId: 'p1', name: 'Ana Coach', roles: [{ role: 'head-coach', division: '10U' }] };
  const eligible = { eligible: true, missing: [] };
  const blocked = { eligible: false, missing: [{ code: 'PHOTO_MISSING', message: 'Upload a photo.' }] };
  it.each([
    ['eligible, never issued', eligible, facts, null, 'eligible'],
    ['eligible, issued by download only', eligible, facts, { facts, printedAt: null }, 'eligible'],
    ['eligible, printed with the same facts', eligible, facts, { facts, printedAt: '2026-09-01T10:00:00Z' }, 'printed'],
    ['eligible, printed with an older photo: waits for a new print', eligible, facts, { facts: { ...facts, photoId: 'p0' }, printedAt: '2026-09-01T10:00:00Z' }, 'eligible'],
    ['blocked, even when printed', blocked, facts, { facts, printedAt: '2026-09-01T10:00:00Z' }, 'blocked'],
  ] as const)('%s: %s', (_name, e, f, current, status) => {
    expect(boardStatus(e, f, current)).toBe(status);
  });

  const rows = [
    { personId: 'a', name: 'Ana', status: 'eligible' as const, missing: [] },
    { personId: 'b', name: 'Ben', status: 'printed' as const, missing: [] },
    { personId: 'c', name: 'Cy', status: 'blocked' as const, missing: [{ code: 'PHOTO_MISSING', message: 'Upload a photo.' }] },
    { personId: 'd', name: 'Di', status: 'eligible' as const, missing: [] },
  ];
  it('prints every coach waiting when nobody is chosen', () => {
    expect(choosePrintSet(rows, null).targets.map((r) => r.personId)).toEqual(['a', 'd']);
  });
  it('prints the chosen coaches, printed ones again, each once', () => {
    expect(choosePrintSet(rows, ['b', 'a', 'b'])).toEqual({ targets: [rows[1], rows[0]], errors: [] });
  });
  it('refuses a chosen set with a blocked or unknown person whole, one line each', () => {
    const r = choosePrintSet(rows, ['a', 'c', 'zz']);
    expect(r.targets).toEqual([]);
    expect(r.errors).toEqual(['Cy cannot have a badge yet: Upload a photo.', 'There is no coach with id zz this season: reload the page and choose again.']);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.js';
import { defaultRegionConfig } from '../region/region.testkit.js';
import { acceptApplication, applicationErrors, decideApplication, roleAllowedForAge, signatureKey, type ApplicationInput } from './application.rules.js';

const config = defaultRegionConfig('2026-09-01');
const NAME = 'Ana María López';
const DAY = '2026-09-01';

function adult(over: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    birthDate: '1990-05-17',
    applicationDate: DAY,
    roles: [{ role: 'head-coach', division: '10U' }],
    ssn: '123-45-6789',
    signature: { typedName: NAME },
    ...over,
  };
}

function youth(over: Partial<ApplicationInput> = {}): ApplicationInput {
  return { birthDate: '2012-03-03', applicationDate: DAY, roles: [{ role: 'youth-volunteer', division: '6U' }], ...over };
}

const codes = (input: ApplicationInput) => applicationErrors(input, NAME, config).map((e) => e.code);

describe('age on the application date (birthday exactly on that date)', () => {
  it.each([
    ['2014-09-02', 11, 'youth', ['TOO_YOUNG']],
    ['2014-09-01', 12, 'youth', []],
    ['2008-09-02', 17, 'youth', []],
    ['2008-09-01', 18, 'youth', ['SSN_REQUIRED', 'SIGNATURE_REQUIRED', 'ROLE_NOT_ALLOWED']],
    ['2008-09-01', 18, 'adult', []],
    ['2008-09-02', 17, 'adult', ['SSN_NOT_ALLOWED', 'ROLE_NOT_ALLOWED']],
    ['2014-09-01', 12, 'adult', ['SSN_NOT_ALLOWED', 'ROLE_NOT_ALLOWED']],
  ])('born %s (age %i) applying as %s: %j', (birthDate, age, kind, expected) => {
    const input = kind === 'adult' ? adult({ birthDate }) : youth({ birthDate });
    expect(codes(input)).toEqual(expected);
    const decision = decideApplication(input, NAME, config);
    if (decision.ok) expect(decision.age).toBe(age);
  });

  it('tells an 11-year-old when they can apply', () => {
    const [error] = applicationErrors(youth({ birthDate: '2014-09-02' }), NAME, config);
    expect(error).toEqual({ code: 'TOO_YOUNG', field: 'birthDate', message: expect.stringContaining('2026-09-02') });
  });

  it('handles a 29 February birthday', () => {
    const input = youth({ birthDate: '2012-02-29', applicationDate: '2024-02-28' });
    expect(applicationErrors(input, NAME, config)[0]?.message).toContain('2024-02-29');
    expect(codes({ ...input, applicationDate: '2024-02-29' })).toEqual([]);
  });

  it('refuses impossible dates', () => {
    expect(codes(adult({ birthDate: '1990-02-30' }))).toEqual(['BIRTH_DATE_INVALID']);
    expect(codes(adult({ birthDate: '2027-01-01' }))).toEqual(['BIRTH_DATE_INVALID']);
    expect(codes(adult({ applicationDate: '2026-13-01' }))).toEqual(['APPLICATION_DATE_INVALID']);
  });
});

describe('adults', () => {
  it('are accepted with a normalized SSN, last four and signature', () => {
    const decision = decideApplication(adult({ ssn: ' 123 45 6789 ', signature: { typedName: '  ana  maria LOPEZ ' } }), NAME, config);
    expect(decision).toEqual({
      ok: true,
      adult: true,
      age: 36,
      birthDate: '1990-05-17',
      applicationDate: DAY,
      roles: [{ role: 'head-coach', division: '10U' }],
      ssn: '123456789',
      ssnLast4: '6789',
      signature: { typedName: 'ana maria LOPEZ' },
    });
  });

  it.each([
    ['no SSN', { ssn: undefined }, 'SSN_REQUIRED', 'ssn'],
    ['a blank SSN', { ssn: '   ' }, 'SSN_REQUIRED', 'ssn'],
    ['an invalid SSN', { ssn: '666-12-3456' }, 'SSN_INVALID', 'ssn'],
    ['no signature', { signature: undefined }, 'SIGNATURE_REQUIRED', 'signature.typedName'],
    ['a blank signature', { signature: { typedName: ' ' } }, 'SIGNATURE_REQUIRED', 'signature.typedName'],
    ["someone else's name", { signature: { typedName: 'Ana Lopez' } }, 'SIGNATURE_MISMATCH', 'signature.typedName'],
  ])('are refused with %s', (_name, over, code, field) => {
    const errors = applicationErrors(adult(over as Partial<ApplicationInput>), NAME, config);
    expect(errors).toEqual([{ code, field, message: expect.any(String) }]);
  });

  it('see every problem at once', () => {
    const input = adult({ ssn: '', signature: undefined, roles: [{ role: 'registrar', division: '9U' }] });
    expect(codes(input)).toEqual(['SSN_REQUIRED', 'SIGNATURE_REQUIRED', 'UNKNOWN_ROLE', 'UNKNOWN_DIVISION']);
  });
});

describe('youth', () => {
  it('are accepted without SSN or signature', () => {
    const decision = decideApplication(youth(), NAME, config);
    expect(decision).toMatchObject({ ok: true, adult: false, age: 14, ssn: null, ssnLast4: null, signature: null });
  });

  it('may not give an SSN, even a valid one', () => {
    const [error] = applicationErrors(youth({ ssn: '123-45-6789' }), NAME, config);
    expect(error).toMatchObject({ code: 'SSN_NOT_ALLOWED', field: 'ssn' });
    expect(error?.message).not.toContain('6789');
  });

  it('must sign with their own name if they sign', () => {
    expect(codes(youth({ signature: { typedName: 'Someone Else' } }))).toEqual(['SIGNATURE_MISMATCH']);
    expect(codes(youth({ signature: { typedName: 'ANA MARIA LOPEZ' } }))).toEqual([]);
  });
});

describe('roles', () => {
  it.each([
    ['none', [], ['NO_ROLES']],
    ['a board role', [{ role: 'registrar', division: '10U' }], ['UNKNOWN_ROLE']],
    ['an unknown division', [{ role: 'field-helper', division: '11U' }], ['UNKNOWN_DIVISION']],
    [
      'the same role twice',
      [
        { role: 'field-helper', division: '8U' },
        { role: 'field-helper', division: '8u' },
      ],
      ['DUPLICATE_ROLE'],
    ],
    ['youth volunteer as an adult', [{ role: 'youth-volunteer', division: '8U' }], ['ROLE_NOT_ALLOWED']],
    [
      'several roles and divisions',
      [
        { role: 'head-coach', division: '10U' },
        { role: 'assistant-coach', division: '12U' },
        { role: 'field-helper', division: '10U' },
      ],
      [],
    ],
  ])('for an adult: %s', (_name, roles, expected) => {
    expect(codes(adult({ roles }))).toEqual(expected);
  });

  it('point at the line to fix', () => {
    const errors = applicationErrors(
      adult({
        roles: [
          { role: 'head-coach', division: '10U' },
          { role: 'coach', division: '99U' },
        ],
      }),
      NAME,
      config,
    );
    expect(errors.map((e) => e.field)).toEqual(['roles[1].role', 'roles[1].division']);
    expect(errors[1]?.message).toContain('6U, 7U, 8U, 10U, 12U, 14U, 16U, 19U');
  });

  it('are normalized to the configured division code', () => {
    const decision = decideApplication(adult({ roles: [{ role: ' Field-Helper ', division: '8u' }] }), NAME, config);
    expect(decision.ok && decision.roles).toEqual([{ role: 'field-helper', division: '8U' }]);
  });

  it('follow the age rule', () => {
    expect(roleAllowedForAge('youth-volunteer', false)).toBe(true);
    expect(roleAllowedForAge('field-helper', false)).toBe(false);
    expect(roleAllowedForAge('youth-volunteer', true)).toBe(false);
    expect(roleAllowedForAge('head-coach', true)).toBe(true);
  });
});

describe('signatureKey', () => {
  it('ignores case, accents, spaces and curly apostrophes only', () => {
    expect(signatureKey('  Seán  O’Brien ')).toBe(signatureKey("sean o'brien"));
    expect(signatureKey('Zoë  Van Dyke')).toBe(signatureKey('ZOE VANDYKE'));
    expect(signatureKey('Ana Lopez')).not.toBe(signatureKey(NAME));
  });
});

describe('acceptApplication', () => {
  it('returns the accepted application', () => {
    expect(acceptApplication(adult(), NAME, config).ssnLast4).toBe('6789');
  });

  it('throws the first problem with every problem in details', () => {
    try {
      acceptApplication(adult({ ssn: undefined, signature: { typedName: 'x' } }), NAME, config);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe('SSN_REQUIRED');
      expect(err.details).toEqual({
        errors: [expect.stringContaining('social security number'), expect.stringContaining('Type your full name')],
        fields: [expect.objectContaining({ code: 'SSN_REQUIRED', field: 'ssn' }), expect.objectContaining({ code: 'SIGNATURE_MISMATCH', field: 'signature.typedName' })],
      });
    }
  });
});

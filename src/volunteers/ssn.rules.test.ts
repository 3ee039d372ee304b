import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.js';
import { checkSsn, isValidSsn, normalizeSsn, ssnLast4, type SsnFault } from './ssn.rules.js';

describe('checkSsn accepts', () => {
  it.each([
    ['123-45-6789', '123456789'],
    ['123456789', '123456789'],
    [' 123 45 6789 ', '123456789'],
    ['123 - 45 - 6789', '123456789'],
    ['123\u201345\u20136789', '123456789'], // en dashes typed by a phone
    ['001-01-0001', '001010001'],
    ['665-99-9999', '665999999'],
    ['667-01-0001', '667010001'],
    ['899-99-9999', '899999999'],
  ])('%s as %s', (input, digits) => {
    const check = checkSsn(input);
    expect(check).toEqual({ ok: true, digits, last4: digits.slice(5) });
    expect(isValidSsn(input)).toBe(true);
  });
});

describe('checkSsn refuses', () => {
  const cases: [string, string, SsnFault, RegExp][] = [
    ['empty', '', 'FORMAT', /nine digits/],
    ['eight digits', '287-65-432', 'FORMAT', /nine digits/],
    ['ten digits', '2876543210', 'FORMAT', /nine digits/],
    ['letters', '287-65-432A', 'FORMAT', /nine digits/],
    ['other separators', '287.65.4321', 'FORMAT', /nine digits/],
    ['area 000', '000-65-4321', 'AREA_ZERO', /first three digits .* 000/],
    ['area 666', '666-65-4321', 'AREA_RESERVED', /first three digits .* 666/],
    ['area 900', '900-65-4321', 'AREA_RESERVED', /900 to 999/],
    ['area 999', '999-65-4321', 'AREA_RESERVED', /900 to 999/],
    ['group 00', '287-00-4321', 'GROUP_ZERO', /middle two digits .* 00/],
    ['serial 0000', '287-65-0000', 'SERIAL_ZERO', /last four digits .* 0000/],
  ];
  it.each(cases)('%s (%s)', (_name, input, fault, message) => {
    const check = checkSsn(input);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.code).toBe('SSN_INVALID');
    expect(check.fault).toBe(fault);
    expect(check.message).toMatch(message);
    expect(isValidSsn(input)).toBe(false);
  });

  it.each(cases)('%s without echoing the number', (_name, input) => {
    const check = checkSsn(input);
    const digits = input.replace(/\D/g, '');
    if (check.ok || digits.length < 4) return;
    expect(check.message).not.toContain(digits);
    expect(check.message).not.toContain(input);
  });
});

describe('normalizeSsn and ssnLast4', () => {
  it('give the nine digits and the last four', () => {
    expect(normalizeSsn('123-45-6789')).toBe('123456789');
    expect(ssnLast4('123 45 6789')).toBe('6789');
  });

  it('throw AppError SSN_INVALID with the fix, never the number', () => {
    const attempt = () => normalizeSsn('123-00-4567');
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (e) {
      const err = e as AppError;
      expect(err.code).toBe('SSN_INVALID');
      expect(err.message).toMatch(/middle two digits/);
      expect(JSON.stringify(err.details)).not.toContain('4567');
    }
    expect(() => ssnLast4('12345')).toThrow(/nine digits/);
  });
});

import { AppError } from '../platform/errors.js';

/**
 * Social security number form rules (rules.md, "Volunteer application"; design.md, "Security and
 * privacy"). Only the form is checked here: whether the number belongs to the person is the
 * background check's business. Messages never repeat the number the person typed, so they can be
 * logged and shown anywhere.
 */

/** Why a number was refused; the error code is always SSN_INVALID. */
export type SsnFault = 'FORMAT' | 'AREA_ZERO' | 'AREA_RESERVED' | 'GROUP_ZERO' | 'SERIAL_ZERO';

export type SsnCheck = { ok: true; digits: string; last4: string } | { ok: false; code: 'SSN_INVALID'; fault: SsnFault; message: string };

/** Separators people type between the groups: spaces and any kind of dash (phones autocorrect). */
const SEPARATORS = /[\s\u002D\u2010-\u2015\u2212]/g;

// Examples are written with # so that no page, answer or log ever shows a realistic number.
const MESSAGES: Record<SsnFault, string> = {
  FORMAT: 'A social security number has nine digits: type them with or without dashes (###-##-####).',
  AREA_ZERO: 'The first three digits of a social security number are never 000: check them against the card.',
  AREA_RESERVED: 'The first three digits of a social security number are never 666 or 900 to 999: check them against the card.',
  GROUP_ZERO: 'The middle two digits of a social security number are never 00: check them against the card.',
  SERIAL_ZERO: 'The last four digits of a social security number are never 0000: check them against the card.',
};

function faultOf(digits: string): SsnFault | null {
  if (!/^\d{9}$/.test(digits)) return 'FORMAT';
  const area = Number(digits.slice(0, 3));
  if (area === 0) return 'AREA_ZERO';
  if (area === 666 || area >= 900) return 'AREA_RESERVED';
  if (digits.slice(3, 5) === '00') return 'GROUP_ZERO';
  if (digits.slice(5) === '0000') return 'SERIAL_ZERO';
  return null;
}

/**
 * Checks a typed social security number. Accepts nine digits with or without the usual dashes
 * (spaces and dashes anywhere are ignored) and refuses numbers the SSA never issues: area 000,
 * 666 or 900-999, group 00, serial 0000. Each refusal says which part to correct.
 */
export function checkSsn(input: string): SsnCheck {
  const digits = input.replace(SEPARATORS, '');
  const fault = faultOf(digits);
  if (fault) return { ok: false, code: 'SSN_INVALID', fault, message: MESSAGES[fault] };
  return { ok: true, digits, last4: digits.slice(5) };
}

/** True when checkSsn accepts the number. */
export function isValidSsn(input: string): boolean {
  return checkSsn(input).ok;
}

/**
 * The nine digits of a valid number, the one form it is sealed in. Throws AppError SSN_INVALID
 * (with the message that says what to fix) otherwise, so a bad number can never reach the sealer.
 */
export function normalizeSsn(input: string): string {
  const check = checkSsn(input);
  if (!check.ok) throw new AppError(check.code, check.message, { field: 'ssn', fault: check.fault });
  return check.digits;
}

/** The last four digits, the only part kept in clear (for the safety director). Throws like normalizeSsn. */
export function ssnLast4(input: string): string {
  return normalizeSsn(input).slice(5);
}

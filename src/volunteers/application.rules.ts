import { ROLE_LABELS, VOLUNTEER_ROLES, type Role } from '../platform/roles.js';
import { AppError, type ErrorCode } from '../platform/errors.js';
import { ageOn, isIsoDate } from '../region/index.js';
import type { RegionConfig } from '../region/index.js';
import { checkSsn } from './ssn.rules.js';

/**
 * Volunteer application rules (rules.md, "Volunteer application (one per person per season)").
 * One application per person per season is the store's concern; the timestamp and IP address of
 * the e-signature are added by the service (rules never read the clock or the request).
 */

/** Adults are 18 or over on the application date; they give an SSN and sign. */
export const ADULT_AGE = 18;
/** The youngest a volunteer may be on the application date (the page: "at least 12-years old"). */
export const YOUTH_MIN_AGE = 12;
/** The one role open to volunteers under 18, and closed to adults. */
export const YOUTH_ROLE: Role = 'youth-volunteer';

export interface RoleChoice {
  role: string;
  division: string;
}

export interface ApplicationInput {
  birthDate: string;
  applicationDate: string;
  roles: readonly RoleChoice[];
  ssn?: string;
  signature?: { typedName: string };
  /** No screening key yet: an adult applies without the number and gives it once the region opens that step. */
  ssnLater?: boolean;
}

/** One problem, tied to the form field that shows it (`roles[1].division`, `ssn`, ...). */
export interface FieldError {
  code: ErrorCode;
  message: string;
  field: string;
}

/**
 * An accepted application. `ssn` holds the nine digits only so the service can seal them at once;
 * it must never be stored or logged in clear (keep `ssnLast4`).
 */
export interface AcceptedApplication {
  ok: true;
  adult: boolean;
  age: number;
  birthDate: string;
  applicationDate: string;
  roles: { role: Role; division: string }[];
  ssn: string | null;
  ssnLast4: string | null;
  signature: { typedName: string } | null;
}

export type ApplicationDecision = AcceptedApplication | { ok: false; errors: FieldError[] };

/**
 * Whether a role may be held at an age: people under 18 serve only as youth volunteers, and adults
 * never as youth volunteers (an adult on the field with players needs the adult requirements).
 */
export function roleAllowedForAge(role: string, adult: boolean): boolean {
  return adult ? role !== YOUTH_ROLE : role === YOUTH_ROLE;
}

/**
 * A typed name reduced for comparison: case, accents, whitespace and curly apostrophes do not
 * count, so "ana maria lopez" signs for "Ana María López" but "Ana Lopez" does not.
 */
export function signatureKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .replace(/\s+/g, '')
    .toLowerCase();
}

const blank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

function listOf(values: readonly string[]): string {
  return values.join(', ');
}

/** The date a person turns `years` (29 February counts as 1 March in other years, as ageOn does). */
function birthday(birthDate: string, years: number): string {
  const y = Number(birthDate.slice(0, 4)) + years;
  const md = birthDate.slice(5);
  return md === '02-29' && !isIsoDate(`${y}-02-29`) ? `${y}-03-01` : `${y}-${md}`;
}

function checkDates(input: ApplicationInput): FieldError[] {
  const out: FieldError[] = [];
  if (!isIsoDate(input.applicationDate)) {
    out.push({ code: 'APPLICATION_DATE_INVALID', message: 'The application date must be a real date written YYYY-MM-DD.', field: 'applicationDate' });
  }
  if (!isIsoDate(input.birthDate)) {
    out.push({ code: 'BIRTH_DATE_INVALID', message: 'Enter your date of birth as a real date (YYYY-MM-DD).', field: 'birthDate' });
  } else if (out.length === 0 && input.birthDate > input.applicationDate) {
    out.push({ code: 'BIRTH_DATE_INVALID', message: 'Your date of birth is after the application date: check the year.', field: 'birthDate' });
  }
  return out;
}

function checkRoleChoice(choice: RoleChoice, i: number, config: RegionConfig, age: number | null): FieldError[] {
  const out: FieldError[] = [];
  const role = choice.role.trim().toLowerCase();
  if (!(VOLUNTEER_ROLES as readonly string[]).includes(role)) {
    const names = listOf(VOLUNTEER_ROLES.map((r) => ROLE_LABELS[r].toLowerCase()));
    out.push({ code: 'UNKNOWN_ROLE', message: `Choose a volunteer role: ${names}.`, field: `roles[${i}].role` });
  } else if (age !== null && !roleAllowedForAge(role, age >= ADULT_AGE)) {
    const message =
      age >= ADULT_AGE
        ? 'Youth volunteer is for volunteers aged 12 to 17: adults apply as field helper, assistant coach or head coach.'
        : 'Volunteers under 18 can apply only as youth volunteer: choose that role instead.';
    out.push({ code: 'ROLE_NOT_ALLOWED', message, field: `roles[${i}].role` });
  }
  if (!config.divisions.some((d) => d.code.toLowerCase() === choice.division.trim().toLowerCase())) {
    const message = `Choose one of the region's divisions: ${listOf(config.divisions.map((d) => d.code))}.`;
    out.push({ code: 'UNKNOWN_DIVISION', message, field: `roles[${i}].division` });
  }
  return out;
}

function checkRoles(input: ApplicationInput, config: RegionConfig, age: number | null): FieldError[] {
  if (input.roles.length === 0) {
    return [{ code: 'NO_ROLES', message: 'Choose at least one role and the division you want to serve in.', field: 'roles' }];
  }
  const out: FieldError[] = [];
  const seen = new Set<string>();
  input.roles.forEach((choice, i) => {
    out.push(...checkRoleChoice(choice, i, config, age));
    const key = `${choice.role.trim().toLowerCase()} ${choice.division.trim().toLowerCase()}`;
    if (seen.has(key)) out.push({ code: 'DUPLICATE_ROLE', message: 'This role and division are already on your application: remove the repeated line.', field: `roles[${i}]` });
    seen.add(key);
  });
  return out;
}

/** What an adult reads while the region has no screening key. */
export const SSN_STEP_CLOSED =
  'The social security number step opens when the region finishes setting up background checks: leave the number out for now. Your application is kept, and you will get a mail when you can add it.';

function checkAdultIdentity(input: ApplicationInput, fullName: string): FieldError[] {
  const out: FieldError[] = [];
  if (input.ssnLater) {
    if (!blank(input.ssn)) out.push({ code: 'SCREENING_NOT_READY', message: SSN_STEP_CLOSED, field: 'ssn' });
  } else if (blank(input.ssn)) {
    out.push({ code: 'SSN_REQUIRED', message: 'Volunteers 18 and over must give their social security number for the background check.', field: 'ssn' });
  } else {
    const ssn = checkSsn(input.ssn ?? '');
    if (!ssn.ok) out.push({ code: ssn.code, message: ssn.message, field: 'ssn' });
  }
  if (blank(input.signature?.typedName)) {
    out.push({ code: 'SIGNATURE_REQUIRED', message: 'Sign the application by typing your full name.', field: 'signature.typedName' });
  } else out.push(...checkSignatureMatch(input, fullName));
  return out;
}

function checkSignatureMatch(input: ApplicationInput, fullName: string): FieldError[] {
  if (blank(input.signature?.typedName) || signatureKey(input.signature?.typedName ?? '') === signatureKey(fullName)) return [];
  const message = `Type your full name as it appears on your account (${fullName.trim()}); if that name is wrong, ask the registrar to correct it.`;
  return [{ code: 'SIGNATURE_MISMATCH', message, field: 'signature.typedName' }];
}

function checkAge(input: ApplicationInput, fullName: string, age: number): FieldError[] {
  if (age < YOUTH_MIN_AGE) {
    const from = birthday(input.birthDate, YOUTH_MIN_AGE);
    return [{ code: 'TOO_YOUNG', message: `Volunteers must be at least ${YOUTH_MIN_AGE} years old: you can apply from ${from}.`, field: 'birthDate' }];
  }
  if (age >= ADULT_AGE) return checkAdultIdentity(input, fullName);
  const out: FieldError[] = [];
  if (!blank(input.ssn)) {
    out.push({ code: 'SSN_NOT_ALLOWED', message: 'Volunteers under 18 do not give a social security number: leave that field empty.', field: 'ssn' });
  }
  return [...out, ...checkSignatureMatch(input, fullName)];
}

/**
 * Every problem of an application at once, in form order, so a form can show them all. Empty
 * when the application can be accepted. `fullName` is the person's name on their account.
 */
export function applicationErrors(input: ApplicationInput, fullName: string, config: RegionConfig): FieldError[] {
  const dates = checkDates(input);
  const age = dates.length === 0 ? ageOn(input.birthDate, input.applicationDate) : null;
  const ageErrors = age === null ? [] : checkAge(input, fullName, age);
  const tooYoung = ageErrors.some((e) => e.code === 'TOO_YOUNG');
  return [...dates, ...ageErrors, ...checkRoles(input, config, tooYoung ? null : age)];
}

/** Decides an application: the normalized application, or every problem found. */
export function decideApplication(input: ApplicationInput, fullName: string, config: RegionConfig): ApplicationDecision {
  const errors = applicationErrors(input, fullName, config);
  if (errors.length) return { ok: false, errors };
  const age = ageOn(input.birthDate, input.applicationDate);
  const adult = age >= ADULT_AGE;
  const ssn = adult && !input.ssnLater ? checkSsn(input.ssn ?? '') : null;
  const digits = ssn?.ok ? ssn.digits : null;
  const typed = input.signature?.typedName.trim().replace(/\s+/g, ' ');
  return {
    ok: true,
    adult,
    age,
    birthDate: input.birthDate,
    applicationDate: input.applicationDate,
    roles: input.roles.map((c) => ({
      role: c.role.trim().toLowerCase() as Role,
      division: config.divisions.find((d) => d.code.toLowerCase() === c.division.trim().toLowerCase())?.code ?? c.division,
    })),
    ssn: digits,
    ssnLast4: digits ? digits.slice(5) : null,
    signature: typed ? { typedName: typed } : null,
  };
}

/**
 * Like decideApplication, for services: returns the accepted application or throws AppError with
 * the first problem's code and message, every message in `details.errors` (the convention forms and
 * JSON answers show) and every problem with its code and field in `details.fields`.
 */
export function acceptApplication(input: ApplicationInput, fullName: string, config: RegionConfig): AcceptedApplication {
  const decision = decideApplication(input, fullName, config);
  if (decision.ok) return decision;
  const [first] = decision.errors as [FieldError, ...FieldError[]];
  throw new AppError(first.code, first.message, { errors: decision.errors.map((e) => e.message), fields: decision.errors });
}

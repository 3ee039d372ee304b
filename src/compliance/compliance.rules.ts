import { DIVISION_ROLES, ROLE_LABELS, isRole } from '../platform/roles.js';
import type { Division, RegionConfig, Training } from '../region/index.js';
import { EXPIRES_SOON_DAYS, catalogOf, completionCode, howToComplete, indexCompletions, registrationPrerequisites, trainingStatus } from '../training/index.js';
import type { Catalog, Completion, CompletionIndex, TrainingStatus } from '../training/index.js';
import { roleAllowedForAge } from '../volunteers/index.js';

/**
 * When a volunteer is certified (rules.md, "When a coach is certified (the three elements)"):
 * 1. this season's application is complete (SSN and e-signature for adults) for this role and
 *    division, and the background check is not flagged;
 * 2. the role's safety trainings (roleRequirements) are complete and not expired;
 * 3. when the role needs it, the division's age-level certification: exactly the training the
 *    division names, every part of it, so an older age group's course never counts for a younger one.
 * Records passed in are the season's (its application and roles); completions carry across seasons.
 */

export type ComplianceElement = 1 | 2 | 3;

/** One thing still missing, with a one-line message saying how to complete it. */
export interface MissingItem {
  element: ComplianceElement;
  code: string;
  message: string;
}

/**
 * What a viewer other than the person and the safety director is shown of a missing item: a flagged
 * background check becomes "not cleared" (issue 15: background-check results are the safety
 * director's), so the board learns that the person cannot coach, not the check's result.
 */
export const CHECK_HIDDEN: MissingItem = { element: 1, code: 'SCREENING', message: 'Not cleared by the safety director yet: ask them.' };

export function withCheckResult(missing: readonly MissingItem[], seesCheckResults: boolean): MissingItem[] {
  return missing.map((m) => (seesCheckResults || m.code !== 'BACKGROUND_FLAGGED' ? { element: m.element, code: m.code, message: m.message } : CHECK_HIDDEN));
}

/** The answer of GET /api/v1/people/{id}/compliance, exactly. */
export interface ComplianceAnswer {
  certified: boolean;
  missing: MissingItem[];
}

export type BackgroundCheck = 'not-started' | 'pending' | 'clear' | 'flagged';

export interface ApplicationFacts {
  complete: boolean;
  adult: boolean;
  hasSsn: boolean;
  signed: boolean;
}

export interface RoleInDivision {
  role: string;
  division: string;
}

/** A person's records for one season. */
export interface ComplianceRecords {
  application: ApplicationFacts | null;
  /** The roles and divisions chosen on this season's application. */
  roles: readonly RoleInDivision[];
  /**
   * The roles the person holds this season (role grants), which summaries cover; when absent,
   * summaries cover the application's roles. A held role missing from the application is reported
   * as ROLE_NOT_APPLIED.
   */
  held?: readonly RoleInDivision[];
  completions: readonly Completion[];
  backgroundCheck: BackgroundCheck;
}

/** What a role needs in a division: safety training codes, and the age-level course if required. */
export interface Requirement {
  trainings: readonly string[];
  ageLevel: string | null;
}

/** A configuration read once for many checks (the dashboard checks thousands of people). */
export interface ComplianceRules {
  readonly catalog: Catalog;
  readonly divisions: ReadonlyMap<string, Division>;
  readonly requirements: ReadonlyMap<string, Requirement>;
}

const NONE: Requirement = { trainings: [], ageLevel: null };
const key = (role: string, division: string) => `${role}\u0000${division}`;

/**
 * Resolves every role and division pair of the configuration once. A requirement entry naming
 * divisions takes precedence over a general one (divisions: null) for those divisions; among
 * entries of the same kind the first one listed wins.
 */
export function prepareCompliance(config: RegionConfig): ComplianceRules {
  const requirements = new Map<string, Requirement>();
  const roles = new Set(config.roleRequirements.map((r) => r.role));
  for (const role of roles) {
    const entries = config.roleRequirements.filter((r) => r.role === role);
    for (const d of config.divisions) {
      const entry = entries.find((r) => r.divisions?.includes(d.code)) ?? entries.find((r) => r.divisions === null);
      if (entry) requirements.set(key(role, d.code), { trainings: entry.trainings, ageLevel: entry.ageLevel ? d.coachCertification : null });
    }
  }
  return { catalog: catalogOf(config), divisions: new Map(config.divisions.map((d) => [d.code, d])), requirements };
}

/** What a role needs in a division; nothing for a role the configuration does not mention. */
export function requirementFor(rules: ComplianceRules, role: string, division: string): Requirement {
  return rules.requirements.get(key(role, division)) ?? NONE;
}

/** One person's records, indexed once and shared by every role checked. */
interface Person {
  records: ComplianceRecords;
  index: CompletionIndex;
  statuses: Map<string, TrainingStatus>;
  today: string;
}

function personOf(records: ComplianceRecords, today: string): Person {
  return { records, index: indexCompletions(records.completions, today), statuses: new Map(), today };
}

const roleName = (q: RoleInDivision) => `${isRole(q.role) ? ROLE_LABELS[q.role].toLowerCase() : q.role} in ${q.division}`;

function applicationItems(rules: ComplianceRules, p: Person, q: RoleInDivision): MissingItem[] {
  const out: MissingItem[] = [];
  const add = (code: string, message: string) => out.push({ element: 1, code, message });
  const app = p.records.application;
  if (!rules.divisions.has(q.division)) add('UNKNOWN_DIVISION', `The region has no division ${q.division} any more: ask the coach administrator to move your role.`);
  if (!app) add('APPLICATION_MISSING', `Complete this season's volunteer application, choosing ${roleName(q)}.`);
  else {
    const noSsn = app.adult && !app.hasSsn;
    const unsigned = app.adult && !app.signed;
    if (noSsn) add('SSN_MISSING', "Give your social security number on this season's application (needed for the background check).");
    if (unsigned) add('SIGNATURE_MISSING', "Sign this season's application by typing your full name.");
    if (!app.complete && !noSsn && !unsigned) add('APPLICATION_INCOMPLETE', "Finish this season's volunteer application and submit it.");
    if (!p.records.roles.some((r) => r.role === q.role && r.division === q.division)) add('ROLE_NOT_APPLIED', `Add ${roleName(q)} to this season's application.`);
    if (!roleAllowedForAge(q.role, app.adult)) {
      add(
        'ROLE_NOT_ALLOWED',
        app.adult ? 'Adults serve as field helper or coach, not youth volunteer: change the role.' : 'Volunteers under 18 can serve only as youth volunteer: change the role.',
      );
    }
  }
  if (p.records.backgroundCheck === 'flagged') add('BACKGROUND_FLAGGED', 'Your background check did not clear: contact the safety director.');
  return out;
}

function statusOf(p: Person, training: Training): TrainingStatus {
  let status = p.statuses.get(training.code);
  if (!status) p.statuses.set(training.code, (status = trainingStatus(training, p.index, p.today)));
  return status;
}

/** " First complete X." when registering for this in-person part needs something not done yet. */
function firstHint(rules: ComplianceRules, p: Person, training: Training, part: string): string {
  if (training.parts.find((x) => x.part === part)?.mode !== 'in-person') return '';
  const missing = registrationPrerequisites(rules.catalog, { training: training.code, part }, p.index, p.today);
  if (missing.length === 0) return '';
  const names = missing.map((m) => (m.part ? `the online part` : (rules.catalog.get(m.training)?.name ?? m.training)));
  return ` First complete ${names.join(' and ')}.`;
}

function trainingItems(rules: ComplianceRules, p: Person, code: string, element: ComplianceElement): MissingItem[] {
  const training = rules.catalog.get(code);
  if (!training) return [{ element, code, message: `The required training "${code}" is not in the region's catalog: tell the coach administrator.` }];
  const status = statusOf(p, training);
  if (status.valid) return [];
  if (status.expired) return [{ element, code, message: `${training.name} expired on ${status.expiresOn}. ${howToComplete(training)}` }];
  if (training.parts.length === 1) return [{ element, code, message: howToComplete(training) + firstHint(rules, p, training, training.parts[0]!.part) }];
  return status.partsMissing.map((part) => ({
    element,
    code: completionCode(training, part),
    message: howToComplete(training, part) + firstHint(rules, p, training, part),
  }));
}

function answer(rules: ComplianceRules, p: Person, q: RoleInDivision): ComplianceAnswer {
  const need = requirementFor(rules, q.role, q.division);
  const missing = [
    ...applicationItems(rules, p, q),
    ...need.trainings.flatMap((code) => trainingItems(rules, p, code, 2)),
    ...(need.ageLevel ? trainingItems(rules, p, need.ageLevel, 3) : []),
  ];
  return { certified: missing.length === 0, missing };
}

/**
 * Whether a person is certified for a role in a division this season, and everything still
 * missing, element by element. A pending or not-started background check does not block (the
 * three elements do not name it); a flagged one does, as element 1 (BACKGROUND_FLAGGED).
 */
export function checkCompliance(rules: ComplianceRules, records: ComplianceRecords, query: RoleInDivision, today: string): ComplianceAnswer {
  return answer(rules, personOf(records, today), query);
}

/** checkCompliance for several roles of one person, indexing their records once (the dashboard's rows). */
export function checkRoles(rules: ComplianceRules, records: ComplianceRecords, queries: readonly RoleInDivision[], today: string): ComplianceAnswer[] {
  const p = personOf(records, today);
  return queries.map((q) => answer(rules, p, q));
}

export interface RoleCompliance extends RoleInDivision, ComplianceAnswer {}

export interface ExpiringTraining {
  training: string;
  name: string;
  expiresOn: string;
}

/** A person across all their division roles of the season, for their home page and the dashboard. */
export interface PersonSummary {
  /** Holds at least one division role this season and is certified in every one. */
  certified: boolean;
  roles: RoleCompliance[];
  /** Everything missing over all roles, each item once, by element. */
  missing: MissingItem[];
  /** Valid completions that expire within the window: a reminder, not a missing item. */
  expiringSoon: ExpiringTraining[];
}

function summarize(rules: ComplianceRules, p: Person, soonDays: number): PersonSummary {
  const seen = new Set<string>();
  const roles: RoleCompliance[] = [];
  for (const r of p.records.held ?? p.records.roles) {
    const k = key(r.role, r.division);
    if (!(DIVISION_ROLES as readonly string[]).includes(r.role) || seen.has(k)) continue;
    seen.add(k);
    roles.push({ role: r.role, division: r.division, ...answer(rules, p, r) });
  }
  const items = new Map<string, MissingItem>();
  for (const item of roles.flatMap((r) => r.missing)) items.set(`${item.code}\u0000${item.message}`, item);
  const missing = [...items.values()].sort((a, b) => a.element - b.element);
  const expiringSoon: ExpiringTraining[] = [];
  for (const code of p.index.keys()) {
    const t = rules.catalog.get(code);
    const s = t && trainingStatus(t, p.index, p.today, soonDays);
    if (t && s?.valid && s.expiresSoon) expiringSoon.push({ training: code, name: t.name, expiresOn: s.expiresOn! });
  }
  return { certified: roles.length > 0 && roles.every((r) => r.certified), roles, missing, expiringSoon };
}

/** Summarizes one person: every division role they hold this season, and what expires soon. */
export function summarizePerson(rules: ComplianceRules, records: ComplianceRecords, today: string, soonDays = EXPIRES_SOON_DAYS): PersonSummary {
  return summarize(rules, personOf(records, today), soonDays);
}

/**
 * summarizePerson for many people (the dashboard's 2,000 volunteers): one pass, linear in the
 * records, with the configuration resolved once by prepareCompliance.
 */
export function summarizeMany(
  rules: ComplianceRules,
  people: Iterable<{ personId: string; records: ComplianceRecords }>,
  today: string,
  soonDays = EXPIRES_SOON_DAYS,
): Map<string, PersonSummary> {
  const out = new Map<string, PersonSummary>();
  for (const { personId, records } of people) out.set(personId, summarize(rules, personOf(records, today), soonDays));
  return out;
}

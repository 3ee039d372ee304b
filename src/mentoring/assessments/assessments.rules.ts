import type { Viewer } from '../mentoring.access.js';

/**
 * Assessments of coaches as pure rules: the criteria and their scale, what a mentor must fill in,
 * and who may see an assessment (rules.md, Coach mentoring: "results are shared one to one: only
 * the coach, the mentor and the coach administrator see them").
 */

export const ASSESSMENT_KINDS = ['practice', 'game'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const isAssessmentKind = (v: string): v is AssessmentKind => (ASSESSMENT_KINDS as readonly string[]).includes(v);

export const CRITERIA = [
  { code: 'organisation', label: 'Session organisation' },
  { code: 'age-appropriate', label: 'Age-appropriate activities' },
  { code: 'positive-coaching', label: 'Positive coaching' },
  { code: 'safety', label: 'Safety' },
  { code: 'game-day', label: 'Game-day management' },
] as const;
export type CriterionCode = (typeof CRITERIA)[number]['code'];

/** The short scale every criterion is rated on; null means "not observed" (game day at a practice). */
export const SCALE = [
  { value: 1, label: 'Needs support' },
  { value: 2, label: 'Developing' },
  { value: 3, label: 'Secure' },
  { value: 4, label: 'Excellent' },
] as const;
export type Ratings = Record<CriterionCode, number | null>;

export const scaleLabel = (v: number | null) => (v === null ? 'Not observed' : (SCALE.find((s) => s.value === v)?.label ?? String(v)));

export interface AssessmentInput {
  kind: string;
  date: string;
  ratings: Partial<Record<string, number | null>>;
  strengths: string;
  workOn: string;
  notes: string;
}

export const TEXT_LIMIT = 4000;

/** Every problem with an assessment to record; `today` is the region's date. */
export function assessmentProblems(a: AssessmentInput, today: string): string[] {
  const errors: string[] = [];
  if (!isAssessmentKind(a.kind)) errors.push('Say whether you watched a practice or a game.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.date) || Number.isNaN(Date.parse(`${a.date}T00:00:00Z`))) errors.push('Give the date as YYYY-MM-DD.');
  else if (a.date > today) errors.push(`The date ${a.date} is in the future: record an assessment after the practice or game.`);
  for (const c of CRITERIA) {
    const v = a.ratings[c.code];
    if (v !== null && v !== undefined && !SCALE.some((s) => s.value === v)) errors.push(`${c.label}: choose a rating from 1 to ${SCALE.length}, or "not observed".`);
  }
  if (CRITERIA.every((c) => a.ratings[c.code] === null || a.ratings[c.code] === undefined)) errors.push('Rate at least one criterion.');
  if (!a.strengths.trim()) errors.push('Write at least one strength: what went well.');
  if (!a.workOn.trim()) errors.push('Write at least one thing to work on.');
  for (const [label, text] of [
    ['Strengths', a.strengths],
    ['Things to work on', a.workOn],
    ['Notes', a.notes],
  ] as const) {
    if (text.length > TEXT_LIMIT) errors.push(`${label}: at most ${TEXT_LIMIT} characters.`);
  }
  return errors;
}

/** The ratings as stored: every criterion present, unknown keys dropped. */
export function normalizeRatings(r: Partial<Record<string, number | null>>): Ratings {
  return Object.fromEntries(CRITERIA.map((c) => [c.code, r[c.code] ?? null])) as Ratings;
}

export interface AssessmentParties {
  coachId: string;
  mentorId: string;
}

/**
 * Who may see an assessment: the coach assessed, the mentor who wrote it, and a coach
 * administrator. Nobody else: not other mentors or coaches, not a region administrator (unless
 * they are also coach administrator). Whoever may not see it is answered "not found".
 */
export function canSeeAssessment(viewer: Viewer | null, a: AssessmentParties): boolean {
  if (!viewer) return false;
  return viewer.personId === a.coachId || viewer.personId === a.mentorId || viewer.roles.includes('coach-administrator');
}

/** The part a viewer plays in an assessment's thread: the coach asks, the mentor answers; others only read. */
export function threadRole(viewer: Viewer, a: AssessmentParties): 'coach' | 'mentor' | null {
  if (viewer.personId === a.coachId) return 'coach';
  if (viewer.personId === a.mentorId) return 'mentor';
  return null;
}

export const MESSAGE_LIMIT = 2000;

export function messageProblems(body: string): string[] {
  if (!body.trim()) return ['Write your message first.'];
  return body.length > MESSAGE_LIMIT ? [`A message is at most ${MESSAGE_LIMIT} characters.`] : [];
}

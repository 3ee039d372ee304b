import { describe, expect, it } from 'vitest';
import { ROLES } from '../../platform/roles.js';
import { assessmentProblems, canSeeAssessment, messageProblems, normalizeRatings, threadRole, type AssessmentInput } from './assessments.rules.js';
import type { Viewer } from '../mentoring.access.js';

const a = { coachId: 'coach', mentorId: 'mentor' };
const as = (personId: string, ...roles: string[]): Viewer => ({ personId, roles });

describe('canSeeAssessment: only the coach, its mentor and the coach administrator', () => {
  it.each<[string, Viewer | null, boolean]>([
    ['the coach assessed', as('coach', 'head-coach'), true],
    ['the coach assessed, even with no role left', as('coach'), true],
    ['the mentor who wrote it', as('mentor', 'mentor'), true],
    ['a coach administrator', as('admin', 'coach-administrator'), true],
    ['a region administrator who is also coach administrator', as('ra', 'region-administrator', 'coach-administrator'), true],
    ['another mentor', as('m2', 'mentor'), false],
    ['another head coach', as('c2', 'head-coach'), false],
    ['an assistant coach of the same team', as('c3', 'assistant-coach'), false],
    ['a region administrator', as('ra', 'region-administrator'), false],
    ['the registrar', as('reg', 'registrar'), false],
    ['the safety director', as('sd', 'safety-director'), false],
    ['someone holding every other role', as('x', ...ROLES.filter((r) => r !== 'coach-administrator')), false],
    ['nobody logged in', null, false],
  ])('%s: %s', (_who, viewer, expected) => {
    expect(canSeeAssessment(viewer, a)).toBe(expected);
  });
});

describe('threadRole', () => {
  it('lets the coach ask and the mentor answer; the coach administrator only reads', () => {
    expect(threadRole(as('coach'), a)).toBe('coach');
    expect(threadRole(as('mentor', 'mentor'), a)).toBe('mentor');
    expect(threadRole(as('admin', 'coach-administrator'), a)).toBeNull();
  });
});

describe('assessmentProblems', () => {
  const good: AssessmentInput = {
    kind: 'practice',
    date: '2026-09-14',
    ratings: { organisation: 3, 'age-appropriate': 4, 'positive-coaching': 2, safety: 4, 'game-day': null },
    strengths: 'Clear instructions.',
    workOn: 'More touches per player.',
    notes: '',
  };

  it('accepts a complete assessment with a criterion not observed', () => {
    expect(assessmentProblems(good, '2026-09-15')).toEqual([]);
  });

  it.each<[string, Partial<AssessmentInput>, RegExp]>([
    ['unknown kind', { kind: 'training' }, /practice or a game/],
    ['date in the future', { date: '2026-09-16' }, /in the future/],
    ['bad date', { date: 'yesterday' }, /YYYY-MM-DD/],
    ['rating off the scale', { ratings: { ...good.ratings, safety: 5 } }, /Safety: choose a rating from 1 to 4/],
    ['nothing rated', { ratings: {} }, /at least one criterion/],
    ['no strengths', { strengths: ' ' }, /strength/],
    ['nothing to work on', { workOn: '' }, /work on/],
    ['notes too long', { notes: 'x'.repeat(4001) }, /Notes: at most 4000/],
  ])('refuses %s', (_n, change, message) => {
    const errors = assessmentProblems({ ...good, ...change }, '2026-09-15');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it('stores every criterion, unknown keys dropped', () => {
    expect(normalizeRatings({ safety: 2, bogus: 3 })).toEqual({ organisation: null, 'age-appropriate': null, 'positive-coaching': null, safety: 2, 'game-day': null });
  });

  it('refuses empty and overlong messages', () => {
    expect(messageProblems('  ')).toHaveLength(1);
    expect(messageProblems('x'.repeat(2001))).toHaveLength(1);
    expect(messageProblems('Why a 2 on positive coaching?')).toEqual([]);
  });
});

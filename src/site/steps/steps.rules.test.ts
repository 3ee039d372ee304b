import { describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../../region/region.testkit.js';
import { summarizePerson } from '../../compliance/index.js';
import { prepareCompliance } from '../../compliance/compliance.testkit.js';
import { catalogOf } from '../../training/index.js';
import { cardsOwed, coachSteps, playedBy, type StepFacts } from './steps.rules.js';

const config = defaultRegionConfig('2026-09-15');

describe('coachSteps', () => {
  const rules = prepareCompliance(config);
  const facts = (over: Partial<StepFacts> = {}): StepFacts => ({
    catalog: catalogOf(config),
    summary: null,
    hasApplication: false,
    needsCourse: true,
    classes: [],
    teams: [],
    cards: [],
    coach: false,
    mentoringSignups: 0,
    badge: { photo: null, current: false, printed: false },
    ...over,
  });
  const statusOf = (steps: ReturnType<typeof coachSteps>, key: string) => steps.find((s) => s.key === key)?.status;

  it('links each step to where it happens, without statuses for visitors', () => {
    const steps = coachSteps(config, null);
    expect(steps.map((s) => [s.key, s.href])).toEqual([
      ['apply', '/volunteer'],
      ['safety', '/training'],
      ['course', '/training'],
      ['photo', '/profile'],
      ['practice', '/practice'],
      ['mentoring', '/mentoring'],
      ['gamecards', '/games'],
    ]);
    expect(steps.every((s) => s.status === null)).toBe(true);
  });

  it('says what is missing element by element for a coach', () => {
    const records = {
      application: { complete: true, adult: true, hasSsn: true, signed: true },
      roles: [{ role: 'head-coach', division: '10U' }],
      completions: [
        { training: 'safe-haven', part: 'online', completedOn: '2026-01-01' },
        { training: 'coach-10u', part: 'online', completedOn: '2026-01-01' },
      ],
      backgroundCheck: 'pending' as const,
    };
    const summary = summarizePerson(rules, records, '2026-09-15');
    const steps = coachSteps(
      config,
      facts({
        summary,
        hasApplication: true,
        coach: true,
        classes: [{ label: '10U Coach: Field session', date: '2026-09-20' }],
        teams: [{ name: 'Comets', booked: 1, perWeek: 2 }],
      }),
    );
    expect(statusOf(steps, 'apply')).toEqual({ state: 'done', text: 'Done' });
    expect(statusOf(steps, 'safety')).toEqual({ state: 'missing', text: 'Missing: CDC Concussion Awareness, Sudden Cardiac Arrest, SafeSport' });
    expect(statusOf(steps, 'course')).toEqual({ state: 'missing', text: 'Missing: 10U Coach: Field session (registered for 10U Coach: Field session on 2026-09-20)' });
    expect(statusOf(steps, 'practice')).toEqual({ state: 'missing', text: 'Missing: Comets has 1 of 2 practices booked' });
    expect(statusOf(steps, 'mentoring')).toEqual({ state: 'todo', text: 'Not signed up yet' });
    expect(statusOf(steps, 'photo')).toEqual({ state: 'todo', text: 'No photo yet' });
  });

  it('counts the game cards a coach still owes, team by team', () => {
    const cases: [StepFacts['cards'], { state: string; text: string } | null][] = [
      [[], null],
      [[{ team: 'Comets', played: 0, owed: 0 }], { state: 'todo', text: 'No games played yet' }],
      [
        [
          { team: 'Comets', played: 3, owed: 0 },
          { team: 'Rockets', played: 1, owed: 0 },
        ],
        { state: 'done', text: 'Every card submitted (4 games)' },
      ],
      [
        [
          { team: 'Comets', played: 3, owed: 2 },
          { team: 'Rockets', played: 1, owed: 1 },
        ],
        { state: 'missing', text: 'Missing: Comets, 2 cards not submitted; Rockets, 1 card not submitted' },
      ],
    ];
    for (const [cards, want] of cases) expect(statusOf(coachSteps(config, facts({ cards, coach: true })), 'gamecards')).toEqual(want);
  });

  it('follows the badge photo to the printed badge, for coaches only', () => {
    const records = {
      application: { complete: true, adult: true, hasSsn: true, signed: true },
      roles: [{ role: 'head-coach', division: '10U' }],
      completions: [],
      backgroundCheck: 'pending' as const,
    };
    const notCertified = summarizePerson(rules, records, '2026-09-15');
    const certified = { ...notCertified, missing: [] };
    const photo = (status: 'pending' | 'approved' | 'rejected', reason: string | null = null) => ({ status, reason });
    const cases: [Partial<StepFacts>, { state: string; text: string } | null][] = [
      [{ coach: false, badge: { photo: photo('approved'), current: false, printed: false } }, null],
      [
        { coach: true, summary: notCertified, badge: { photo: photo('pending'), current: false, printed: false } },
        { state: 'todo', text: 'Photo waiting for the coach administrator' },
      ],
      [
        { coach: true, summary: notCertified, badge: { photo: photo('rejected', 'Face not visible.'), current: false, printed: false } },
        { state: 'missing', text: 'Photo not accepted: Face not visible. Upload another one' },
      ],
      [
        { coach: true, summary: notCertified, badge: { photo: photo('approved'), current: false, printed: false } },
        { state: 'todo', text: 'Photo approved; the badge prints once you are certified' },
      ],
      [
        { coach: true, summary: certified, badge: { photo: photo('approved'), current: false, printed: false } },
        { state: 'done', text: 'Photo approved: your badge is ready to download' },
      ],
      [
        { coach: true, summary: certified, badge: { photo: photo('approved'), current: true, printed: false } },
        { state: 'done', text: 'Badge ready to download' },
      ],
      [
        { coach: true, summary: certified, badge: { photo: photo('approved'), current: true, printed: true } },
        { state: 'done', text: 'Badge printed: pick it up from the coach administrator, or download it' },
      ],
    ];
    for (const [over, want] of cases) expect(statusOf(coachSteps(config, facts(over)), 'photo'), JSON.stringify(over.badge)).toEqual(want);
  });

  it('asks a person without a role to apply first', () => {
    const steps = coachSteps(config, facts());
    expect(statusOf(steps, 'apply')).toEqual({ state: 'todo', text: 'Not started' });
    expect(statusOf(steps, 'safety')?.text).toContain('Apply first');
    expect(statusOf(steps, 'practice')).toBeNull();
    expect(statusOf(steps, 'mentoring')).toBeNull();
  });

  it('marks a youth volunteer’s course as not needed', () => {
    const records = {
      application: { complete: true, adult: false, hasSsn: false, signed: false },
      roles: [{ role: 'youth-volunteer', division: '8U' }],
      completions: [{ training: 'safe-haven', part: 'online', completedOn: '2026-01-01' }],
      backgroundCheck: 'not-started' as const,
    };
    const steps = coachSteps(config, facts({ summary: summarizePerson(rules, records, '2026-09-15'), hasApplication: true, needsCourse: false }));
    expect(statusOf(steps, 'safety')).toEqual({ state: 'done', text: 'Done' });
    expect(statusOf(steps, 'course')).toEqual({ state: 'done', text: 'Not needed for your role' });
  });
});

describe('game cards owed', () => {
  const game = (id: string, date: string, home: string, away: string) => ({ id, date, home: { id: home }, away: { id: away } });
  const games = [game('g1', '2026-09-12', 'lions', 'tigers'), game('g2', '2026-09-19', 'tigers', 'bears'), game('g3', '2026-09-26', 'lions', 'bears')];

  it('counts a game from its day on, not before', () => {
    expect(playedBy(games, '2026-09-18').map((g) => g.id)).toEqual(['g1']);
    expect(playedBy(games, '2026-09-19').map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(playedBy(games, '2026-09-11')).toEqual([]);
  });

  it("owes each team its own card of every game it played, until that team's card is submitted", () => {
    const submitted = new Set(['g1|lions', 'g2|bears']);
    const owed = cardsOwed(
      [
        { id: 'lions', name: 'Lions' },
        { id: 'tigers', name: 'Tigers' },
        { id: 'bears', name: 'Bears' },
        { id: 'owls', name: 'Owls' },
      ],
      playedBy(games, '2026-09-20'),
      (g, t) => submitted.has(`${g}|${t}`),
    );
    expect(owed).toEqual([
      { team: 'Lions', played: 1, owed: 0 },
      { team: 'Tigers', played: 2, owed: 2 },
      { team: 'Bears', played: 1, owed: 0 },
      { team: 'Owls', played: 0, owed: 0 },
    ]);
  });
});

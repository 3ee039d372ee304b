import type { MissingItem, PersonSummary } from '../../compliance/index.js';
import { itemLabel } from '../../compliance/index.js';
import type { RegionConfig } from '../../region/index.js';
import type { Catalog } from '../../training/index.js';
import { listWords } from '../default-pages.rules.js';

/**
 * The steps of the coaches page: what each is, where it is done, and, for a logged-in visitor,
 * their own status beside it ("Done", "Missing: Safe Haven"...). Pure: the facts are read elsewhere.
 */

export type StepKey = 'apply' | 'safety' | 'course' | 'photo' | 'practice' | 'mentoring' | 'gamecards';

export interface StepStatus {
  state: 'done' | 'missing' | 'todo';
  text: string;
}

export interface Step {
  key: StepKey;
  title: string;
  text: string;
  href: string;
  link: string;
  status: StepStatus | null;
}

/** What is known about the visitor (absent when nobody is logged in). */
export interface StepFacts {
  catalog: Catalog;
  /** The compliance summary over the roles held this season (or chosen on the application); null with neither. */
  summary: PersonSummary | null;
  hasApplication: boolean;
  /** A role held needs an age-level course. */
  needsCourse: boolean;
  /** Upcoming in-person sessions the person registered for and was not yet credited for. */
  classes: { label: string; date: string }[];
  /** Teams coached this season with their practice bookings. */
  teams: { name: string; booked: number; perWeek: number }[];
  /** Teams coached in a division with game cards: games played by today and cards not submitted for them. */
  cards: { team: string; played: number; owed: number }[];
  /** Holds a head or assistant coach role this season. */
  coach: boolean;
  mentoringSignups: number;
  /** The latest badge photo (null: none uploaded) and whether a badge of the season is current and printed on a sheet. */
  badge: { photo: { status: 'pending' | 'approved' | 'rejected'; reason: string | null } | null; current: boolean; printed: boolean };
}

/** A game as the game-card step sees it: when, and the two teams. */
export interface PlayedGame {
  id: string;
  date: string;
  home: { id: string };
  away: { id: string };
}

/** The games played by `today` (region date, YYYY-MM-DD): a game's card is owed from its day on. */
export const playedBy = <G extends PlayedGame>(games: readonly G[], today: string): G[] => games.filter((g) => g.date <= today);

/**
 * For each team: the games it played (of `played`) and how many of their cards the team has not
 * submitted (a card started but not submitted is still owed).
 */
export function cardsOwed(
  teams: readonly { id: string; name: string }[],
  played: readonly PlayedGame[],
  submitted: (gameId: string, teamId: string) => boolean,
): StepFacts['cards'] {
  return teams.map((t) => {
    const games = played.filter((g) => g.home.id === t.id || g.away.id === t.id);
    return { team: t.name, played: games.length, owed: games.filter((g) => !submitted(g.id, t.id)).length };
  });
}

const labels = (items: readonly MissingItem[], element: 1 | 2 | 3, catalog: Catalog) => [...new Set(items.filter((m) => m.element === element).map((m) => itemLabel(m, catalog)))];
const done = (text = 'Done'): StepStatus => ({ state: 'done', text });
const missing = (what: readonly string[]): StepStatus => ({ state: 'missing', text: `Missing: ${what.join(', ')}` });
const todo = (text: string): StepStatus => ({ state: 'todo', text });

function applyStatus(f: StepFacts): StepStatus {
  if (!f.summary) return todo(f.hasApplication ? 'Choose a role on your application' : 'Not started');
  const m = labels(f.summary.missing, 1, f.catalog);
  return m.length ? missing(m) : done();
}

function safetyStatus(f: StepFacts): StepStatus {
  if (!f.summary) return todo('Apply first: your role decides which trainings you need');
  const m = labels(f.summary.missing, 2, f.catalog);
  return m.length ? missing(m) : done();
}

function courseStatus(f: StepFacts): StepStatus {
  if (!f.summary) return todo('Apply first: your division decides which course you need');
  if (!f.needsCourse) return done('Not needed for your role');
  const m = labels(f.summary.missing, 3, f.catalog);
  if (!m.length) return done();
  const registered = f.classes.map((c) => `registered for ${c.label} on ${c.date}`);
  return { state: 'missing', text: `Missing: ${m.join(', ')}${registered.length ? ` (${registered.join('; ')})` : ''}` };
}

function practiceStatus(f: StepFacts): StepStatus | null {
  if (!f.teams.length) return null;
  const short = f.teams.filter((t) => t.booked < t.perWeek);
  if (!short.length) return done(`Booked for ${listWords(f.teams.map((t) => t.name))}`);
  return { state: 'missing', text: `Missing: ${short.map((t) => `${t.name} has ${t.booked} of ${t.perWeek} practice${t.perWeek === 1 ? '' : 's'} booked`).join('; ')}` };
}

function photoStatus(f: StepFacts): StepStatus | null {
  if (!f.coach) return null;
  const { photo, current, printed } = f.badge;
  if (!photo) return todo('No photo yet');
  if (photo.status === 'pending') return todo('Photo waiting for the coach administrator');
  if (photo.status === 'rejected')
    return { state: 'missing', text: `Photo not accepted${photo.reason?.trim() ? `: ${photo.reason.trim().replace(/[.\s]+$/, '')}` : ''}. Upload another one` };
  if (f.summary?.missing.length) return todo('Photo approved; the badge prints once you are certified');
  if (printed) return done('Badge printed: pick it up from the coach administrator, or download it');
  return done(current ? 'Badge ready to download' : 'Photo approved: your badge is ready to download');
}

function cardsStatus(f: StepFacts): StepStatus | null {
  if (!f.cards.length) return null;
  const owing = f.cards.filter((c) => c.owed > 0);
  if (owing.length) return { state: 'missing', text: `Missing: ${owing.map((c) => `${c.team}, ${c.owed} card${c.owed === 1 ? '' : 's'} not submitted`).join('; ')}` };
  const played = f.cards.reduce((n, c) => n + c.played, 0);
  return played ? done(`Every card submitted (${played} game${played === 1 ? '' : 's'})`) : todo('No games played yet');
}

function mentoringStatus(f: StepFacts): StepStatus | null {
  if (!f.coach) return null;
  return f.mentoringSignups > 0 ? done(`Signed up for ${f.mentoringSignups} session${f.mentoringSignups === 1 ? '' : 's'}`) : todo('Not signed up yet');
}

/** The steps, in order, with the visitor's status when `facts` is given. */
export function coachSteps(config: RegionConfig, facts: StepFacts | null): Step[] {
  const safety = (config.roleRequirements.find((r) => r.role === 'head-coach')?.trainings ?? []).map((c) => config.trainings.find((t) => t.code === c)?.name ?? c);
  const cards = config.divisions.filter((d) => d.gameCard).map((d) => d.code);
  const f = facts;
  return [
    {
      key: 'apply',
      title: 'Apply to volunteer',
      text: "This season's application: your role and division, and for adults the social security number (for the background check) and a typed signature.",
      href: '/volunteer',
      link: 'Open the volunteer application',
      status: f && applyStatus(f),
    },
    { key: 'safety', title: 'Complete the safety trainings', text: `Online: ${listWords(safety)}.`, href: '/training', link: 'Open your trainings', status: f && safetyStatus(f) },
    {
      key: 'course',
      title: 'Complete the course for your age group',
      text: 'Online, or online plus an in-person session: register for the session before you go.',
      href: '/training',
      link: 'Register for a class',
      status: f && courseStatus(f),
    },
    {
      key: 'photo',
      title: 'Upload your photo',
      text: 'Your badge is printed once you are certified and your photo is on your profile.',
      href: '/profile',
      link: 'Add your photo',
      status: f && photoStatus(f),
    },
    {
      key: 'practice',
      title: 'Book practice slots',
      text: "The team's coach books its practice slots when sign-up opens.",
      href: '/practice',
      link: 'Practice sign-up',
      status: f && practiceStatus(f),
    },
    {
      key: 'mentoring',
      title: 'Sign up for coach mentoring',
      text: 'A session with a coach mentor; mentors also assess one practice and one game of yours each season.',
      href: '/mentoring',
      link: 'Mentoring sign-up',
      status: f && mentoringStatus(f),
    },
    {
      key: 'gamecards',
      title: 'Fill in game cards',
      text: cards.length ? `${listWords(cards)} teams fill in a card for every game.` : 'Teams fill in a card when their division asks for one.',
      href: '/games',
      link: 'Game cards',
      status: f && cardsStatus(f),
    },
  ];
}

import type { RegionConfig } from '../region/index.js';
import { YOUTH_MIN_AGE } from '../volunteers/index.js';
import type { PageInput, PageSlug } from './site.rules.js';

/**
 * The text a new region starts with, built from its configuration (name, number, trainings,
 * divisions, playing time), so it is right before anyone edits it. Written for Touchline from the
 * region's rules (shared/spec/rules.md); the region administrator rewrites any of it.
 */

export const regionLabel = (c: RegionConfig) => `Region ${c.region.number} ${c.region.name}`;

/** "a, b and c" */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const trainingName = (c: RegionConfig, code: string) => c.trainings.find((t) => t.code === code)?.name ?? code;

function requirementOf(c: RegionConfig, role: string) {
  return c.roleRequirements.find((r) => r.role === role && r.divisions === null) ?? c.roleRequirements.find((r) => r.role === role);
}

function needsOf(c: RegionConfig, role: string): string {
  const r = requirementOf(c, role);
  if (!r) return 'the trainings the coach administrator names';
  const parts = r.trainings.map((t) => trainingName(c, t));
  if (r.ageLevel) parts.push('the course for the division they help in');
  return listWords(parts);
}

const gameCardDivisions = (c: RegionConfig) => c.divisions.filter((d) => d.gameCard).map((d) => d.code);

function coachesPage(c: RegionConfig): PageInput {
  const region = regionLabel(c);
  const cards = gameCardDivisions(c);
  const pt = c.playingTime;
  const md = `${region} is run by volunteers from start to finish, and most of our coaches are parents who had never coached a team before. The courses are made for exactly that: each one teaches what you need for the age group you coach.

## Becoming a certified coach

Head coaches and assistant coaches are certified once three things are done. Each step below links to the page where you do it; log in to see what you still need.

{{steps}}

### The three elements

1. **This season's volunteer application.** Choose the role and the division you want. If you are 18 or over, you also give your social security number, used only for the background check, and sign by typing your full name.
2. **The safety trainings**, all online: ${listWords((requirementOf(c, 'head-coach')?.trainings ?? []).map((t) => trainingName(c, t)))}.
3. **The course for your age group.** Each division has its own course, listed below. A course for older players does not count for a younger division: coach the division you are certified for.

{{coach-courses}}

A course with an online part and an in-person session counts once both parts are done. Register for in-person sessions ahead of time on your [Training page](/training): the instructor can credit only the people who registered.

## Your coach badge

Every certified head and assistant coach gets a badge to wear at every game, so that referees and families can see who the coaches are. We print it once all three elements are done and your photo is on [your profile](/profile). Without both, there is no badge.

## Helpers on the field and youth volunteers

Anyone who helps at practices or games, a parent lending a hand included, applies as a volunteer too. Field helpers complete ${needsOf(c, 'field-helper')}. Youth volunteers are at least ${YOUTH_MIN_AGE} years old and complete ${needsOf(c, 'youth-volunteer')}.

## Balanced teams

The system forms each division's teams from the ratings coaches gave players at the end of the last season. The draw is random and balanced: no draft, no coach picks, and no requests for particular players, friends or coaching partners. The one exception: a coach's own child plays on that coach's team. Assistant coaches are found once the teams are formed.

## Practice fields

When practice sign-up opens (late August for the fall season), each team's coach books the team's practice slots on the [practice page](/practice). Slots go first come, first served, and teams practise only in the slots they booked.

{{practice-rules}}

Build each practice on the region's practice session template; you find it with sample practice plans on the [resources page](/coaches/resources).

## Coach mentoring

During the season our coach mentors run sessions every week: [sign up for one](/mentoring). Each coach is also watched once at a practice and once at a game every season. The mentor goes through it with you one to one; only you, your mentor and the coach administrator see the results.

## Game cards

${cards.length ? `${listWords(cards)} teams fill in a [game card](/games) for every game.` : 'Teams fill in a [game card](/games) when their division asks for one.'} Every player who comes to a game plays at least ${pt.minQuarters} of its ${pt.quarters} quarters, whether or not they came to practice.

Questions? [Write to the coach administrator](/contact).
`;
  return {
    title: 'For coaches',
    description: `How to coach in ${region}: the three steps to certification, badges, helpers, balanced teams, practice fields, mentoring and game cards.`,
    markdown: md,
  };
}

function faqPage(c: RegionConfig): PageInput {
  const region = regionLabel(c);
  const pt = c.playingTime;
  const md = `## Can I ask for a particular coach for my child?

No. The system forms teams from player ratings, at random and balanced, so nobody chooses who plays where. The only child placed with a particular coach is that coach's own child. Over the years your child will play for many coaches, and learn something from each.

## Can my child play on the same team as friends?

No. Every team comes from the same balanced, random draw, and we take no friend requests. New teammates every season are part of the fun.

## Can I choose who coaches with me?

No. Pairing coaches would also pair their children, and the draw would no longer be random. Once teams are formed, we look for an assistant coach for every team.

## If I coach, do I choose my players?

No. There is no draft in ${region}: the system forms the teams, and you coach the one you get.

## If I coach, do I choose when we practise?

Yes. When practice sign-up opens, the head coach books the team's practice slots on the [practice page](/practice), first come, first served.

## How do I become a coach or an assistant coach?

1. [Apply to volunteer](/volunteer) for this season and choose the role and division you want.
2. Complete the online safety trainings and keep the certificates: each one can be downloaded from your [Training page](/training).
3. Complete the course for your age group. Some are fully online; others have an in-person session. Register for the session on your Training page before you go: the instructor can credit only registered coaches.
4. Put a photo of yourself on [your profile](/profile) so that we can print your badge.

## I coached before. What do I do this season?

Apply again for this season. Trainings you completed stay valid unless the region sets an expiry, so you need a new course only when you coach a new age group. Your Training page shows what you already have.

## I can't see my certifications. What now?

This usually means you have two accounts, or your older records were not brought over. [Write to the registrar](/contact): the registrar can merge two accounts without losing anything, and import records from the older system.

## I only want to help at practice. Do I need all this?

Yes. Everyone on the field with players applies and completes the trainings of their role, for insurance reasons: field helpers complete ${needsOf(c, 'field-helper')}. Cheering from the sideline needs nothing at all.

## Some of my players can't come at our practice time. What can I do?

No time suits every family. Players who miss practice still play at least ${pt.minQuarters} of the ${pt.quarters} quarters of every game they come to.
`;
  return {
    title: 'Coaches: questions and answers',
    description: `Answers for coaches and parents in ${region}: team requests, becoming a coach, practice times, certifications and helpers.`,
    markdown: md,
  };
}

function resourcesPage(c: RegionConfig): PageInput {
  const md = `Everything a coach needs to plan the season: the practice session template every practice follows, practice plans (a good start for the youngest teams, and a base older divisions can build on), notes from coach meetings and short videos.

{{resources}}

Need help planning a session? [Ask the coach administrator](/contact).
`;
  return { title: 'Coach resources', description: `Practice session template, practice plans, coach meeting notes and videos for coaches of ${regionLabel(c)}.`, markdown: md };
}

function contactPage(c: RegionConfig): PageInput {
  const md = `Questions about coaching, courses, badges or practice fields go to the coach administrator. Questions about your account, your registration or certifications you cannot see go to the registrar. Write with the form below: the answer comes by mail.

{{contact-form}}

${regionLabel(c)}${c.region.address ? `, ${c.region.address}` : ''}.
`;
  return { title: 'Contact', description: `Write to the coach administrator or the registrar of ${regionLabel(c)}.`, markdown: md };
}

export function defaultPage(c: RegionConfig, slug: PageSlug): PageInput {
  switch (slug) {
    case 'coaches':
      return coachesPage(c);
    case 'faq':
      return faqPage(c);
    case 'resources':
      return resourcesPage(c);
    case 'contact':
      return contactPage(c);
  }
}

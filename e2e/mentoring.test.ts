/**
 * Browser flows of coach mentoring: a mentor publishes weekly sessions, a coach signs up (and joins
 * the waitlist of a full one), a mentor records an assessment, the coach reads it from the mailed
 * link, acknowledges it and asks a question, the mentor answers; another mentor cannot find it.
 * The app runs on a fixed clock (Tuesday 15 September 2026, 10:00 in Los Angeles).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { flash, heading, describeAxe, openHarness, pageWidth, PHONE, textOf, type Account, type Harness } from './browser.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { publishSessions, signUp } from '../src/mentoring/mentoring.testkit.js';
import { recordAssessment } from '../src/mentoring/mentoring.testkit.js';
import { makeTeam, groupSession } from '../src/mentoring/mentoring.testkit.js';

const SEASON = '2026-fall';
let h: Harness;

beforeAll(async () => {
  h = await openHarness({ clock: fixedClock(TEST_NOW) });
});

afterAll(async () => {
  await h?.close();
});

const card = (page: Page, topic: string) => page.getByRole('article', { name: new RegExp(`^${topic},`) });
const coachAccount = (first: string) => h.createAccount({ firstName: first, lastName: 'Coach', grants: [{ role: 'head-coach', seasonId: SEASON, division: '10U' }] });
const mentorAccount = (first: string) => h.createAccount({ firstName: first, lastName: 'Mentor', grants: [{ role: 'mentor', seasonId: SEASON }] });
const viewer = (a: Account, role: string) => ({ personId: a.id, roles: [role] });

/** Browser errors, except sub-resources aborted because the test navigated on (not an app fault). */
function expectNoBrowserErrors(page: Page) {
  expect(
    h.browserErrors(page).filter((e) => !/^request failed: .* \(net::ERR_ABORTED\)$/.test(e)),
    `browser errors on ${page.url()}`,
  ).toEqual([]);
}

async function expectPhoneFriendly(page: Page, where: string) {
  await page.setViewportSize(PHONE);
  const { scrollWidth } = await pageWidth(page);
  expect(scrollWidth, `${where} is wider than a phone`).toBeLessThanOrEqual(PHONE.width);
  const findings = await h.axe(page);
  expect(findings, describeAxe(where, findings)).toEqual([]);
}

describe('sessions', () => {
  it('a mentor publishes a weekly series through the form', async () => {
    const mentor = await mentorAccount('Mina');
    const page = await h.newPage();
    await h.logIn(page, mentor);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentoring' }).click();
    await page.getByRole('link', { name: 'Sessions and rosters' }).click();
    await heading(page, 'Mentoring sessions').waitFor();
    await page.getByRole('link', { name: 'Publish a session' }).click();
    await heading(page, 'Publish a mentoring session').waitFor();
    await expectPhoneFriendly(page, '/mentoring/sessions/new');
    await h.screenshotSizes(page, 'mentoring-publish');
    await page.getByLabel(/^Topic/).fill('Running a 10U practice');
    await page.getByLabel(/^Date/).fill('2026-09-24');
    await page.getByLabel(/^Start time/).fill('18:00');
    await page.getByLabel(/^Field/).selectOption({ label: 'Richmond' });
    await page.getByLabel(/^Capacity/).fill('8');
    await page.getByLabel(/^Repeat weekly/).fill('3');
    await page.getByRole('button', { name: 'Publish' }).click();
    expect(await textOf(flash(page))).toBe('3 weekly sessions published.');
    const rows = page.getByRole('row').filter({ hasText: 'Running a 10U practice' });
    expect(await rows.count()).toBe(3);
    expect(await textOf(rows.first())).toContain('Thu 24 Sep 2026, 18:00–19:00');
    expect(await textOf(rows.nth(2))).toContain('Thu 8 Oct 2026');
    await expectPhoneFriendly(page, '/mentoring/sessions');
    await h.screenshotSizes(page, 'mentoring-sessions');
    expectNoBrowserErrors(page);
  });

  it('a coach signs up, gets the calendar by mail, and joins the waitlist of a full session', async () => {
    const mentor = await mentorAccount('Milo');
    const other = await coachAccount('Olga');
    const [open] = await publishSessions(h.deps, viewer(mentor, 'mentor'), groupSession({ topic: 'Positive coaching', capacity: 5 }));
    const [full] = await publishSessions(h.deps, viewer(mentor, 'mentor'), groupSession({ topic: 'Goalkeeping basics', capacity: 1, date: '2026-09-25' }));
    await signUp(h.deps, viewer(other, 'head-coach'), full!.id, false);
    const coach = await coachAccount('Cora');
    const page = await h.newPage();
    await h.logIn(page, coach);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentoring' }).click();
    await heading(page, 'Mentoring').waitFor();
    expect(await textOf(card(page, 'Positive coaching'))).toContain('5 of 5 places left');

    await card(page, 'Positive coaching').getByRole('button', { name: 'Sign up' }).click();
    expect(await textOf(flash(page))).toContain('You are signed up.');
    const mine = page.getByRole('region', { name: 'Your sign-ups' });
    expect(await textOf(mine.getByRole('article', { name: /^Positive coaching,/ }))).toContain('You are signed up.');
    const mail = await h.lastMail({ to: coach.email, kind: 'mentoring-signup' });
    expect(mail.subject).toBe('Signed up: Positive coaching on Tue 22 Sep 2026, 18:30–19:30');
    const stored = await h.deps.db.selectFrom('outbox').select('attachments').where('id', '=', mail.id).executeTakeFirstOrThrow();
    expect(stored.attachments).toContain('BEGIN:VEVENT');
    expect(
      (await h.deps.db.selectFrom('mentoring_signups').select('status').where('session_id', '=', open!.id).where('person_id', '=', coach.id).executeTakeFirstOrThrow()).status,
    ).toBe('confirmed');

    expect(await textOf(card(page, 'Goalkeeping basics'))).toContain('Full');
    await card(page, 'Goalkeeping basics').getByRole('button', { name: 'Join the waitlist' }).click();
    expect(await textOf(flash(page))).toContain('you are number 1 on the waitlist');
    expect(await textOf(card(page, 'Goalkeeping basics'))).toContain('You are number 1 on the waitlist.');
    await expectPhoneFriendly(page, '/mentoring (coach)');
    await h.screenshotSizes(page, 'mentoring-coach');
    expectNoBrowserErrors(page);
  });
});

describe('assessments', () => {
  it('a mentor records an assessment; the coach reads it, acknowledges it and asks; the mentor answers', async () => {
    const mentor = await mentorAccount('Maya');
    const coach = await coachAccount('Cleo');
    const team = await makeTeam(h.deps, '10U', [{ personId: coach.id }]);

    const m = await h.newPage();
    await h.logIn(m, mentor);
    await m.goto(h.url('/mentoring'));
    await m.getByRole('link', { name: 'Record an assessment' }).click();
    await heading(m, 'Record an assessment').waitFor();
    await expectPhoneFriendly(m, 'record an assessment');
    await m.getByLabel('Coach and team').selectOption(`${team.id}|${coach.id}`);
    await m.getByRole('radio', { name: 'A practice' }).check();
    await m.getByLabel(/^Date/).fill('2026-09-14');
    await m.getByRole('group', { name: 'Session organisation' }).getByRole('radio', { name: '3 · Secure' }).check();
    await m.getByRole('group', { name: 'Positive coaching' }).getByRole('radio', { name: '4 · Excellent' }).check();
    await m.getByRole('group', { name: 'Safety' }).getByRole('radio', { name: '2 · Developing' }).check();
    await m.getByLabel(/^Strengths/).fill('Warm, clear instructions.');
    await m.getByLabel(/^Things to work on/).fill('Check the goals are anchored before play.');
    await m.getByRole('button', { name: 'Save and send to the coach' }).click();
    expect(await textOf(flash(m))).toBe('Assessment saved; the coach was mailed a link to it.');
    await heading(m, 'Assessment of Cleo Coach at a practice').waitFor();
    const assessmentPath = new URL(m.url()).pathname;

    const link = await h.mailedLink({ to: coach.email, kind: 'mentoring-assessment' }, '/mentoring/assessments/');
    expect(new URL(link).pathname).toBe(assessmentPath);
    const c = await h.newPage();
    await h.logIn(c, coach);
    await c.goto(link);
    await heading(c, 'Assessment of Cleo Coach at a practice').waitFor();
    const ratings = c.getByRole('region', { name: /Ratings on a scale/ });
    expect(await textOf(ratings.getByRole('row').filter({ hasText: 'Safety' }))).toContain('2 · Developing');
    expect(await textOf(ratings.getByRole('row').filter({ hasText: 'Game-day management' }))).toContain('Not observed');
    expect(await textOf(c.locator('main'))).toContain('Check the goals are anchored before play.');
    await c.getByRole('button', { name: 'I have read it' }).click();
    expect(await textOf(flash(c))).toContain('your mentor can see you have read it');
    await c.getByLabel(/^Your question/).fill('How do I anchor portable goals?');
    await c.getByRole('button', { name: 'Ask' }).click();
    expect(await textOf(flash(c))).toBe('Message sent.');
    await expectPhoneFriendly(c, 'assessment page (coach)');
    await h.screenshotSizes(c, 'mentoring-assessment');

    await m.goto(h.url(assessmentPath));
    expect(await textOf(m.locator('main'))).toContain('Acknowledged by Cleo Coach');
    expect(await textOf(m.locator('ol.thread'))).toContain('How do I anchor portable goals?');
    await m.getByLabel(/^Your answer/).fill('Sandbags on each back bar.');
    await m.getByRole('button', { name: 'Answer' }).click();
    expect((await h.lastMail({ to: coach.email, kind: 'mentoring-message' })).subject).toBe('Your mentor answered');

    await c.reload();
    const thread = c.locator('ol.thread li');
    expect(await thread.count()).toBe(2);
    expect(await textOf(thread.nth(1))).toContain('Sandbags on each back bar.');
    expectNoBrowserErrors(c);
    expectNoBrowserErrors(m);

    const stranger = await mentorAccount('Sam');
    const s = await h.newPage();
    await h.logIn(s, stranger);
    await s.goto(h.url(assessmentPath));
    await heading(s, 'Page not found').waitFor();
    expect(await textOf(s.locator('main'))).not.toContain('anchored');
  });
});

describe('coverage', () => {
  it('the coach administrator sees who still needs an assessment; a mentor plans a visit from it', { timeout: 90_000 }, async () => {
    const head = await h.createAccount({ firstName: 'Hugo', lastName: 'Head', grants: [{ role: 'head-coach', seasonId: SEASON, division: '12U' }] });
    const assistant = await h.createAccount({ firstName: 'Ada', lastName: 'Assist', grants: [{ role: 'assistant-coach', seasonId: SEASON, division: '12U' }] });
    const team = await makeTeam(h.deps, '12U', [{ personId: head.id }, { personId: assistant.id, role: 'assistant-coach' }]);
    const mentor = await mentorAccount('Max');
    await recordAssessment(h.deps, viewer(mentor, 'mentor'), {
      teamId: team.id,
      coachId: head.id,
      kind: 'game',
      date: '2026-09-12',
      ratings: { 'game-day': 3 },
      strengths: 'Calm on the sideline.',
      workOn: 'Substitution plan.',
      notes: '',
    });

    const admin = await h.createAccount({ firstName: 'Carla', lastName: 'Admin', roles: ['coach-administrator'] });
    const a = await h.newPage();
    await h.logIn(a, admin);
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coverage' }).click();
    await heading(a, /^Assessment coverage/).waitFor();
    await a.getByLabel('Division').selectOption('12U');
    await a.getByRole('button', { name: 'Show' }).click();
    await a.getByRole('heading', { level: 2, name: '12U: 2 of 2 coaches still need an assessment' }).waitFor();
    const coaches = a.getByRole('region', { name: `Coaches of ${team.name}` });
    const cells = async (name: string) => (await coaches.getByRole('row').filter({ hasText: name }).getByRole('cell').allInnerTexts()).map((x) => x.trim());
    expect(await cells('Hugo Head')).toEqual(['Hugo Head\nHead coach', 'Needed', '1 done']);
    expect(await cells('Ada Assist')).toEqual(['Ada Assist\nAssistant', 'Needed', 'Needed']);
    expect(await a.getByRole('link', { name: 'Plan a practice visit' }).count()).toBe(0);
    expect(await textOf(a.locator('main'))).not.toContain('Calm on the sideline');
    const csvHref = await a.getByRole('link', { name: 'Download as CSV' }).getAttribute('href');
    const csv = await a.request.get(h.url(csvHref!));
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain(`12U,${team.name},Hugo Head,head-coach,0,1,Needs a practice assessment`);
    await expectPhoneFriendly(a, '/mentoring/coverage');
    await h.screenshotSizes(a, 'mentoring-coverage');

    const m = await h.newPage();
    await h.logIn(m, mentor);
    await m.goto(h.url('/mentoring/coverage?division=12U&missing=1'));
    const block = m.locator('.team').filter({ has: m.getByRole('heading', { level: 3, name: team.name }) });
    await block.getByRole('link', { name: 'Plan a practice visit' }).click();
    await heading(m, 'Publish a mentoring session').waitFor();
    expect(await m.getByLabel(/^Kind/).inputValue()).toBe('practice-visit');
    expect(await m.getByLabel(/^Team visited/).inputValue()).toBe(team.id);
    await m.getByLabel(/^Topic/).fill('Practice visit');
    await m.getByLabel(/^Date/).fill('2026-09-17');
    await m.getByLabel(/^Start time/).fill('17:30');
    await m.getByLabel(/^Capacity/).fill('2');
    await m.getByRole('button', { name: 'Publish' }).click();
    expect(await textOf(flash(m))).toBe('Session published.');
    await heading(m, `Visit to a team's practice (${team.name}): Practice visit`).waitFor();
    await expectPhoneFriendly(m, 'session roster');
    await h.screenshotSizes(m, 'mentoring-roster');
    expect((await h.lastMail({ to: head.email, kind: 'mentoring-visit' })).subject).toBe(`A mentor will visit ${team.name}`);
    await m.goto(h.url('/mentoring/coverage?division=12U'));
    expect(await textOf(block.getByRole('listitem'))).toContain("Planned: Visit to a team's practice: Practice visit, Thu 17 Sep 2026, 17:30–18:30 (Max Mentor)");
    expectNoBrowserErrors(m);
    expectNoBrowserErrors(a);
  });
});

/**
 * The README's journeys, tried on the demo region (`touchline demo`) as the accounts its summary
 * lists: the head coach sees they are certified, books a practice slot and fills and submits the
 * game card of the last round; the coach administrator approves a waiting photo and draws the
 * division whose teams are not drawn yet; the instructor opens the roster of their class; the
 * parent sees their child's team. The app runs on a fixed clock in the middle of the fall season.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { flash, heading, textOf, useHarness } from './browser.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { fillDemo } from '../src/demo/demo.js';

const harness = useHarness({ clock: fixedClock(TEST_NOW) });
const PASSWORD = 'touchline-demo';

/** The demo accounts as the summary lists them: role label -> email. */
let accounts: Map<string, string>;
let summary = '';

function account(role: RegExp): { email: string; password: string } {
  const found = [...accounts].find(([label]) => role.test(label));
  if (!found) throw new Error(`the demo summary lists no account for ${role}:\n${summary}`);
  return { email: found[1], password: PASSWORD };
}

const card = (page: Page, title: string | RegExp) => page.locator('section.card').filter({ has: heading(page, title, 2) });

beforeAll(async () => {
  const h = harness();
  summary = await fillDemo(h.deps, { seed: 5, password: PASSWORD });
  const lines = summary.split('\n');
  const from = lines.indexOf('Demo accounts (log in with the email and the password below):');
  accounts = new Map(
    lines
      .slice(from + 1)
      .map((l) => /^ {2}(.+?) {2,}(\S+@\S+)$/.exec(l))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => [m[1]!, m[2]!]),
  );
}, 300_000);

describe('the demo region', () => {
  it('lists an account for every role, with the password', () => {
    expect(summary).toContain(`Every demo account's password: ${PASSWORD}`);
    for (const role of [
      /^Region administrator$/,
      /^Coach administrator$/,
      /^Registrar$/,
      /^Safety director$/,
      /^Head coach/,
      /^Assistant coach/,
      /^Mentor$/,
      /^Instructor$/,
      /^Volunteer/,
      /^Parent/,
    ])
      expect(account(role).email).toMatch(/@demo\.touchline\.invalid$/);
  });

  it('lets the head coach see they are certified, book a practice and submit the last game card', async () => {
    const h = harness();
    const page = await h.newPage();
    await h.logIn(page, account(/^Head coach/));
    await card(page, /^Head coach, 10U: certified$/).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice', exact: true }).click();
    await heading(page, 'Practice sign-up').waitFor();
    const team = page.locator('section[id^="team-"]').first();
    expect(await textOf(team.locator('p.status-ok').first())).toContain('Sign-up is open.');
    const book = team.getByRole('button', { name: /^Book / }).first();
    const slot = (await book.getAttribute('aria-label')) ?? (await textOf(book));
    await book.click();
    expect(await textOf(page.locator('main .flash').first())).toContain(`Booked: ${slot.replace(/^Book /, '')}`);

    await page.goto(h.url('/games'));
    await page
      .getByRole('link', { name: /^Card of / })
      .first()
      .waitFor();
    // Games ahead have cards to fill; the last round played still waits for this coach's card.
    const waiting = page.locator('section.card').filter({ hasText: '(not started)' });
    const dates = (await waiting.getByRole('heading', { level: 2 }).allInnerTexts()).map((t) => t.slice(0, 10));
    const today = TEST_NOW.slice(0, 10);
    expect(dates.some((d) => d > today)).toBe(true);
    const played = dates.findIndex((d) => d < today);
    expect(played).toBeGreaterThanOrEqual(0);
    await waiting
      .nth(played)
      .getByRole('link', { name: /^Card of / })
      .click();
    await heading(page, /^Game card: /).waitFor();
    await page.getByRole('link', { name: 'Plan the rotation' }).click();
    const keepers = page.getByRole('checkbox', { name: /can keep goal/ });
    for (let i = 0; i < 3; i++) await keepers.nth(i).check();
    await heading(page, /^Rotation plan: /).waitFor();
    await page.getByRole('button', { name: 'Make a plan' }).click();
    await page.getByRole('button', { name: 'Put this plan on the card' }).click();
    await heading(page, /^Game card: /).waitFor();
    await page.getByLabel('Final score: us').fill('2');
    await page.getByLabel('Final score: them').fill('1');
    await page.getByLabel('Referee', { exact: true }).fill('Robin Ref');
    await page.getByLabel('Sportsmanship').selectOption('good');
    await page.waitForFunction(() => !document.querySelector('#card-form')?.classList.contains('htmx-request'));
    await page.getByRole('button', { name: 'Submit card' }).click();
    expect(await textOf(page.locator('main .flash[role="status"]'))).toContain('Card submitted');
    expect(h.browserErrors(page)).toEqual([]);
  });

  it('lets the coach administrator approve a waiting photo and draw the division not drawn yet', async () => {
    const h = harness();
    const page = await h.newPage();
    await h.logIn(page, account(/^Coach administrator$/));
    await page.goto(h.url('/badges/photos'));
    await page
      .getByRole('button', { name: /^Approve / })
      .first()
      .click();
    expect(await textOf(page.locator('.flash'))).toBe('Photo approved.');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams', exact: true }).click();
    await heading(page, 'Teams').waitFor();
    await page.getByRole('link', { name: 'Open 19U Boys' }).click();
    await heading(page, /^19U Boys, /).waitFor();
    await page.getByLabel('Seed (leave empty for a random one)').fill('19');
    await page.getByRole('button', { name: 'Preview teams' }).click();
    expect(await textOf(flash(page))).toMatch(/^Preview drawn with seed 19: \d+ teams\. Publish it, or draw again\.$/);
    await page.getByRole('button', { name: 'Publish these teams' }).click();
    expect(await textOf(flash(page))).toBe('The teams of 19U Boys are published; their head coaches are told by mail.');
    expect(h.browserErrors(page)).toEqual([]);
  });

  it('lets the instructor open the roster of a class ahead', async () => {
    const h = harness();
    const page = await h.newPage();
    await h.logIn(page, account(/^Instructor$/));
    await page.goto(h.url('/training/classes'));
    await page
      .getByRole('link', { name: /^Roster of / })
      .first()
      .click();
    await heading(page, /^Roster: /).waitFor();
    expect(await page.getByRole('region', { name: 'Registered attendees' }).getByRole('row').count()).toBeGreaterThan(1);
  });

  it("lets the parent see their child's team", async () => {
    const h = harness();
    const page = await h.newPage();
    await h.logIn(page, account(/^Parent/));
    await page.goto(h.url('/family'));
    expect(await textOf(page.locator('main'))).toMatch(/10U (Boys|Girls) \d+/);
  });
});

/**
 * Browser flow of the game card: a coach fills in the card on a phone-width page (375 px), each
 * change is saved at once (htmx), a playing-time violation appears as it is entered, the coach
 * fixes it and submits; the card is then locked. The app runs on a fixed clock (15 September 2026).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeAxe, openHarness, pageWidth, PHONE, textOf, type Harness } from './browser.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { makeGame, makeTeam, type TeamFixture } from '../src/gamecards/gamecards.testkit.js';

let h: Harness;

beforeAll(async () => {
  h = await openHarness({ clock: fixedClock(TEST_NOW) });
});

afterAll(async () => {
  await h?.close();
});

const violations = (page: Page) => page.locator('#violations');

/** The good card of gamecards.testkit (goodCard): players 0-3 sit one quarter each, 4 and 5 keep goal. */
const markFor = (i: number, q: number) => (i === q ? 'S' : (i === 4 && q < 2) || (i === 5 && q >= 2) ? 'K' : 'P');

/** Waits until no autosave is in flight or queued (htmx marks the form while it posts). */
async function settled(page: Page) {
  await page.waitForFunction(() => !document.querySelector('#card-form')?.classList.contains('htmx-request'));
}

async function choose(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).selectOption(value);
}

describe('filling in a game card on a phone', () => {
  let us: TeamFixture;
  let gameId: string;

  beforeAll(async () => {
    const coach = await h.createAccount({
      firstName: 'Casey',
      lastName: 'Coach',
      email: 'casey.coach@example.org',
      grants: [{ role: 'head-coach', seasonId: '2026-fall', division: '10U' }],
    });
    us = await makeTeam(h.deps.db, { number: 3, name: 'Comets', headCoachId: coach.id });
    const them = await makeTeam(h.deps.db, { number: 8, name: 'Rockets' });
    gameId = await makeGame(h.deps.db, us, them, { date: '2026-09-12', time: '10:30' });
  });

  it('shows a violation as it is entered, clears it when fixed, and submits the card', async () => {
    const page = await h.newPage(undefined, { viewport: PHONE });
    await h.logIn(page, { email: 'casey.coach@example.org', password: 'correct horse battery' });
    await page.goto(h.url(`/games/${gameId}/cards/${us.id}`));
    await page.getByRole('heading', { level: 1, name: /Game card: #3 Comets v Rockets/ }).waitFor();
    expect((await pageWidth(page)).scrollWidth, 'the card page is wider than a phone').toBeLessThanOrEqual(PHONE.width);
    const findings = await h.axe(page);
    expect(findings, describeAxe('game card page', findings)).toEqual([]);

    // Fill the card as it happened, except that Ana (player 1) is wrongly left sitting in quarter 2 too.
    const ana = us.players[0]!;
    for (const [i, p] of us.players.entries()) {
      for (let q = 0; q < 4; q++) {
        const mark = i === 0 && q === 1 ? 'S' : markFor(i, q);
        if (mark !== 'S') await choose(page, `${p.name}: quarter ${q + 1}`, mark);
      }
    }
    await settled(page);
    const problem = violations(page).locator('li[data-code="UNDER_MINIMUM"]');
    expect(await textOf(problem)).toBe(`${ana.name} played 2 quarters but is owed 3. Put ${ana.name} on the field for 1 more quarter; ${ana.name} sat out quarters 1 and 2.`);
    // Nobody plays all four quarters while Ana is short: the four who did are named too.
    const codes = await violations(page)
      .locator('li')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-code')} ${e.getAttribute('data-player')}`));
    expect(codes.sort()).toEqual([`UNDER_MINIMUM ${ana.id}`, ...us.players.slice(4).map((p) => `FOUR_WHILE_SHORT ${p.id}`)].sort());

    await choose(page, `${ana.name}: quarter 2`, 'P');
    await settled(page);
    expect(await textOf(violations(page).locator('p'))).toBe('No problems: every player got the time the rule asks for.');
    await page.getByLabel('Final score: us').fill('2');
    await page.getByLabel('Final score: them').fill('1');
    await page.getByLabel('Referee', { exact: true }).fill('Robin Ref');
    await page.getByLabel('Sportsmanship').selectOption('good');
    await settled(page);
    expect(await textOf(page.locator('#card-live p[role="status"]'))).toMatch(/^Saved \(revision \d+\)\.$/);
    expect(h.browserErrors(page)).toEqual([]);

    await page.getByRole('button', { name: 'Submit card' }).click();
    expect(await textOf(page.locator('main .flash[role="status"]'))).toContain('Card submitted');
    expect(await textOf(page.locator('main strong.status-ok'))).toContain('the card is locked');
    expect(await page.getByLabel(`${ana.name}: quarter 2`, { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Submit card' }).count()).toBe(0);
    await h.screenshot(page, 'gamecard-submitted-phone');

    const stored = await h.deps.db.selectFrom('game_cards').selectAll().where('game_id', '=', gameId).executeTakeFirstOrThrow();
    expect(stored.status).toBe('submitted');
    expect(stored.violation_count).toBe(0);
    const state = JSON.parse(stored.state_json);
    expect(state.back).toMatchObject({ final: { us: 2, them: 1 }, sportsmanship: 'good', referees: { center: 'Robin Ref' } });
    expect(state.rows[0].quarters.map((c: { played: boolean }) => c.played)).toEqual([false, true, true, true]);
    expect(h.browserErrors(page)).toEqual([]);
  });
});

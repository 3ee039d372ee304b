/**
 * Browser flow of practice sign-up: a coach on a phone books two slots for a team with the
 * per-slot buttons (htmx swaps the team's card) and finds them in the team's schedule with its
 * calendar link. The app runs on a fixed clock inside an open sign-up.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeAxe, overflowingElements, pageWidth, PHONE, textOf, useHarness } from './browser.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { insertTeams, SEASON, setUpSeason } from '../src/practice/practice.testkit.js';

const harness = useHarness({ clock: fixedClock(TEST_NOW) });

async function fitsPhone(page: Page) {
  const { scrollWidth } = await pageWidth(page);
  expect(scrollWidth, `${page.url()} is ${scrollWidth} px wide: ${(await overflowingElements(page)).join(', ')}`).toBeLessThanOrEqual(PHONE.width);
}

describe('practice sign-up in the browser', () => {
  it('lets a coach book two slots on a phone and see them in the team schedule', async () => {
    const h = harness();
    await setUpSeason(h.deps);
    const coach = await h.createAccount({ firstName: 'Casey', lastName: 'Coach', grants: [{ role: 'head-coach', seasonId: SEASON, division: '10U' }] });
    const [team] = await insertTeams(h.deps.db, SEASON, [{ division: '10U', name: 'Comets', headCoachId: coach.id }]);
    const page = await h.newPage(undefined, { viewport: PHONE });
    await h.logIn(page, coach);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Practice sign-up' }).waitFor();
    const card = page.locator(`#team-${team}`);
    expect(await textOf(card.getByRole('heading', { level: 2 }))).toBe('Comets (10U)');
    expect(await textOf(card.locator('p.status-ok'))).toContain('Sign-up is open.');
    await fitsPhone(page);
    const findings = await h.axe(page);
    expect(findings, describeAxe('/practice', findings)).toEqual([]);

    await card.getByRole('button', { name: 'Book Monday 17:00-18:00 at Richmond' }).click();
    expect(await textOf(page.locator(`#team-${team} .flash`))).toBe('Booked: Monday 17:00-18:00 at Richmond. The coaches get a confirmation by mail.');
    // The other Monday slot is now refused in place (different days for 10U), without a button.
    await page.locator(`#team-${team}`).getByText('Your team already practises this day').waitFor();
    expect(await page.locator(`#team-${team}`).getByRole('button', { name: 'Book Monday 18:00-19:00 at Richmond' }).count()).toBe(0);

    await page.locator(`#team-${team}`).getByRole('button', { name: 'Book Tuesday 17:00-18:00 at Brett' }).click();
    await page.locator(`#team-${team}`).getByText('2 of 2 weekly practices booked.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/practice');
    const practices = page.getByRole('list', { name: 'Practices of Comets' }).getByRole('listitem');
    expect(await practices.allInnerTexts()).toEqual([expect.stringContaining('Monday 17:00-18:00 at Richmond'), expect.stringContaining('Tuesday 17:00-18:00 at Brett')]);
    await fitsPhone(page);

    await page.locator(`#team-${team}`).getByRole('link', { name: 'Team schedule and calendar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Comets: practice schedule' }).waitFor();
    const rows = page.getByRole('region', { name: 'Weekly practices' }).getByRole('row');
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringMatching(/^Day\s+Time\s+Field$/),
      expect.stringMatching(/^Monday\s+17:00-18:00\s+Richmond/),
      expect.stringMatching(/^Tuesday\s+17:00-18:00\s+Brett/),
    ]);
    expect(await page.getByRole('link', { name: "Add the team's practices to your calendar" }).getAttribute('href')).toMatch(
      /^webcal:\/\/127\.0\.0\.1:\d+\/practice\/feeds\/[A-Za-z0-9_-]+\.ics$/,
    );
    await fitsPhone(page);
    const scheduleFindings = await h.axe(page);
    expect(scheduleFindings, describeAxe('team schedule', scheduleFindings)).toEqual([]);
    expect(h.browserErrors(page)).toEqual([]);

    const mails = await h.mails({ to: coach.email, kind: 'practice-booked' });
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Practice booking confirmed: Comets, Mondays 17:00-18:00 at Richmond',
      'Practice booking confirmed: Comets, Tuesdays 17:00-18:00 at Brett',
    ]);
  });
});

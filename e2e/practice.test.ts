/**
 * Browser flow of practice sign-up: a coach on a phone books two slots for a team with the
 * per-slot buttons (htmx swaps the team's card) and finds them in the team's schedule with its
 * calendar link; the coach administrator is told, in the window form, that a window may not hold
 * more teams than its field. The app runs on a fixed clock inside an open sign-up.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, describeAxe, flash, overflowingElements, pageWidth, PHONE, textOf, useHarness } from './browser.js';
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

  it('refuses a window that would hold more teams than its field, says which field and how many fit, and adds it once within', async () => {
    const h = harness();
    await setUpSeason(h.deps);
    const admin = await h.createAccount({ firstName: 'Ada', lastName: 'Fields', roles: ['coach-administrator'] });
    const page = await h.newPage(undefined, { viewport: DESKTOP });
    await h.logIn(page, admin);
    await page.goto(`${h.baseUrl}/practice/admin`);
    await page.getByRole('heading', { level: 1, name: 'Practice sign-up administration' }).waitFor();
    const windows = page.getByRole('table', { name: 'Windows' }).getByRole('row');
    const before = await windows.count();

    const addWindow = async (capacity: string) => {
      await page.getByRole('combobox', { name: /^Field\b/ }).selectOption({ label: 'Richmond (2 teams)' });
      await page.locator('#f-startTime').fill('08:00');
      await page.locator('#f-endTime').fill('10:00');
      await page.getByLabel('Teams at once').fill(capacity);
      await page.getByRole('checkbox', { name: 'Saturday' }).check();
      await page.getByRole('button', { name: 'Add window' }).click();
    };
    await addWindow('6');
    const alert = page.getByRole('alert');
    expect(await textOf(alert)).toBe(
      "Richmond holds 2 teams at once, so a window on it may hold at most 2 (this one says 6). Lower its capacity, or leave it empty to use the field's.",
    );
    expect(await page.getByRole('table', { name: 'Windows' }).getByRole('row').count()).toBe(before);
    const findings = await h.axe(page);
    expect(findings, describeAxe('/practice/admin with a refused window', findings)).toEqual([]);

    await addWindow('2');
    expect(await textOf(flash(page))).toBe('Window added. Generate the slots again to use it.');
    expect(await windows.count()).toBe(before + 1);
    expect(await windows.filter({ hasText: '08:00-10:00' }).innerText()).toMatch(/^Richmond\s+Sat\s+08:00-10:00\s+2\s/);
    expect(h.browserErrors(page)).toEqual([]);
  });
});

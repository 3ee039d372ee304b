/**
 * Browser flows of volunteer applications: a volunteer applies (a refusal first, then with SSN and
 * signature) and sees their application; the safety director records the background check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { heading, expectAccessible, openHarness, PHONE, textOf, type Harness } from './browser.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { installTestKey } from '../src/volunteers/volunteers.testkit.js';

let h: Harness;

beforeAll(async () => {
  h = await openHarness({ clock: fixedClock(TEST_NOW) });
  await installTestKey(h.deps);
});

afterAll(async () => {
  await h?.close();
});

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function expectNoFullSsn(page: Page) {
  const html = await page.content();
  expect(html).not.toContain('123456789');
  expect(html).not.toContain('123-45-6789');
}

describe('volunteer application', () => {
  it('applies, fixes the problems shown, and sees the application; the safety director records the check', async () => {
    const volunteer = await h.createAccount({ firstName: 'Jordan', lastName: 'Rivera' });
    const page = await h.newPage();
    await h.logIn(page, volunteer);
    await mainNav(page).getByRole('link', { name: 'Volunteer', exact: true }).click();
    await heading(page, 'Volunteer for Fall 2026').waitFor();
    await expectAccessible(h, page, 'volunteer form');
    await h.screenshotSizes(page, 'volunteer-form');

    // First try: no SSN and a signature that is not the account's name.
    await page.getByRole('group', { name: 'Head coach' }).getByLabel('10U', { exact: true }).check();
    await page.getByRole('group', { name: 'Field helper' }).getByLabel('8U', { exact: true }).check();
    await page.getByLabel('Date of birth').fill('1990-05-17');
    await page.getByLabel('Phone').fill('310-555-0142');
    await page.getByLabel('Type your full name to sign').fill('J. Rivera');
    await page.getByRole('button', { name: 'Submit application' }).click();
    const alert = page.getByRole('alert');
    expect(await textOf(alert)).toContain('Please fix these 2 problems');
    expect(await textOf(alert)).toContain('social security number for the background check');
    expect(await textOf(alert)).toContain('Type your full name as it appears on your account (Jordan Rivera)');
    // What was typed is kept, except the SSN field.
    expect(await page.getByRole('group', { name: 'Head coach' }).getByLabel('10U', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Phone').inputValue()).toBe('310-555-0142');

    await page.getByLabel('Social security number').fill('123-45-6789');
    expect(await page.getByLabel('Social security number').getAttribute('type')).toBe('password');
    await page.getByLabel('Type your full name to sign').fill('Jordan Rivera');
    await page.getByRole('button', { name: 'Submit application' }).click();

    await page.getByRole('heading', { level: 2, name: 'Your application for Fall 2026' }).waitFor();
    expect(await textOf(page.locator('main .flash[role="status"]'))).toContain('Your application for Fall 2026 is received');
    const status = await textOf(page.locator('section.card', { has: page.getByRole('heading', { name: 'Your application for Fall 2026' }) }));
    expect(status).toContain("Head coach 10U: waiting for the board's decision");
    expect(status).toContain('Field helper 8U: granted');
    expect(status).toContain('Signed: as Jordan Rivera on 2026-09-15');
    expect(status).toContain('Background check: pending');
    await expectNoFullSsn(page);
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(h, page, 'volunteer status');
    await h.screenshotSizes(page, 'volunteer-status');
    expect(h.browserErrors(page)).toEqual([]);
    const mail = await h.lastMail({ to: volunteer.email, kind: 'application-received' });
    expect(mail.text).toContain('Head coach 10U, Field helper 8U');
    expect(mail.text).not.toContain('6789');

    const director = await h.createAccount({ firstName: 'Sam', lastName: 'Safe', roles: ['safety-director'] });
    const sd = await h.newPage();
    await h.logIn(sd, director);
    await mainNav(sd).getByRole('link', { name: 'Background checks' }).click();
    await heading(sd, 'Background checks').waitFor();
    const row = sd.getByRole('row').filter({ has: sd.getByRole('cell', { name: 'Jordan Rivera', exact: true }) });
    expect(await textOf(row)).toContain('6789');
    await expectNoFullSsn(sd);
    await expectAccessible(h, sd, 'background checks');
    await h.screenshotSizes(sd, 'safety-checks');
    await row.getByRole('button', { name: 'Record clear for Jordan Rivera' }).click();
    expect(await textOf(sd.locator('main .flash[role="status"]'))).toContain('recorded as clear');
    expect(await sd.getByRole('cell', { name: 'Jordan Rivera', exact: true }).count()).toBe(0);

    await page.reload();
    expect(await textOf(page.locator('section.card', { has: page.getByRole('heading', { name: 'Your application for Fall 2026' }) }))).toContain('Background check: clear');
    expect(await textOf(page.locator('main'))).toContain('can no longer be changed');
  }, 120_000);
});

/**
 * Browser flow of the board's decisions on role requests: three adults apply as coaches; the coach
 * administrator sees the count on the home page, grants two requests at once with the checkboxes
 * and declines the third with a reason; each applicant is mailed and sees the decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, openHarness, textOf, type Harness } from './browser.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { applyAsAdult, installTestKey } from '../src/volunteers/volunteers.testkit.js';

let h: Harness;

beforeAll(async () => {
  h = await openHarness({ clock: fixedClock(TEST_NOW) });
  await installTestKey(h.deps);
});

afterAll(async () => {
  await h?.close();
});

describe('role decisions', () => {
  it('a coach administrator grants two requests at once and declines one with a reason', async () => {
    const ana = await h.createAccount({ firstName: 'Ana', lastName: 'Alvarez' });
    const ben = await h.createAccount({ firstName: 'Ben', lastName: 'Brooks' });
    const cy = await h.createAccount({ firstName: 'Cy', lastName: 'Castro' });
    await applyAsAdult(h.deps, ana, [{ role: 'head-coach', division: '10U' }]);
    await applyAsAdult(h.deps, ben, [{ role: 'assistant-coach', division: '10U' }]);
    await applyAsAdult(h.deps, cy, [{ role: 'head-coach', division: '12U' }]);
    const boss = await h.createAccount({ firstName: 'Dana', lastName: 'Diaz', roles: ['coach-administrator'] });

    const page = await h.newPage();
    await h.logIn(page, boss);
    expect(await textOf(page.locator('section.card', { hasText: 'Role requests' }))).toContain('3 role request(s) wait for your decision');
    await page.getByRole('link', { name: 'Decide' }).click();
    await heading(page, 'Role requests').waitFor();
    await expectAccessible(h, page, 'role requests');
    await h.screenshot(page, 'role-requests');

    await page.getByLabel('Select Ana Alvarez, Head coach 10U').check();
    await page.getByLabel('Select Ben Brooks, Assistant coach 10U').check();
    await page.getByRole('button', { name: 'Grant selected' }).click();
    expect(await textOf(page.getByRole('status'))).toContain('Granted 2, declined 0');
    expect(await page.getByLabel('Select Ana Alvarez, Head coach 10U').count()).toBe(0);

    await page.getByLabel('Reason for Cy Castro, Head coach 12U (optional)').fill('Our 12U teams have their coaches this fall.');
    await page.getByRole('button', { name: 'Decline Cy Castro, Head coach 12U' }).click();
    expect(await textOf(page.getByRole('status'))).toContain('Granted 0, declined 1');
    expect(await textOf(page.locator('main'))).toContain('No request is waiting for your decision.');

    await page.getByLabel('Show').selectOption('declined');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    expect(await textOf(page.locator('main table'))).toContain('Our 12U teams have their coaches this fall.');

    expect((await h.lastMail({ to: ana.email, kind: 'role-granted' })).text).toContain('Head coach 10U');
    expect((await h.lastMail({ to: ben.email, kind: 'role-granted' })).text).toContain('Assistant coach 10U');
    expect((await h.lastMail({ to: cy.email, kind: 'role-declined' })).text).toContain('Our 12U teams have their coaches this fall.');

    const applicant = await h.newPage();
    await h.logIn(applicant, ana);
    expect(await textOf(heading(applicant, /^Hello,/))).toContain('Ana');
    expect(await textOf(applicant.locator('main'))).toContain('Your roles: Head coach');
  });
});

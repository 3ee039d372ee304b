/**
 * Browser flow of the people directory: the registrar searches (accents and case do not matter),
 * sees the total and pages through every match, opens a person, edits their contact details and
 * association id, and gives them a role; at desktop size and on a 390 x 844 phone.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, flash, heading, pageWidth, textOf, useHarness } from './browser.js';
import { fixedClock, newId } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { personRow } from '../src/people/people.testkit.js';

const clock = fixedClock(TEST_NOW);
const harness = useHarness({ clock });
const PHONE_390 = { width: 390, height: 844 };
const FIRSTS = ['Ana', 'Bruno', 'Chloé', 'Dara', 'Émile', 'Farah'];

describe('the people directory', () => {
  it('finds, pages through, opens and changes a person', async () => {
    const h = harness();
    const db = h.deps.db;
    const registrar = await h.createAccount({ firstName: 'Rita', lastName: 'Registrar', roles: ['registrar'] });
    const at = clock.now().toISOString();
    for (let i = 0; i < 62; i++) {
      const first = FIRSTS[i % FIRSTS.length]!;
      const email = `${first.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()}.smith${i}@example.org`;
      await db
        .insertInto('people')
        .values(personRow({ id: newId(), email, firstName: first, lastName: i % 2 ? 'Smith' : 'Smíth', at }))
        .execute();
    }

    const page = await h.newPage();
    await h.logIn(page, registrar);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await heading(page, 'People').waitFor();
    await page.getByLabel('Name, email or association id').fill('SMITH');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await textOf(page.locator('#people-count'))).toMatch(/^Showing 1–50 of 62 people\./);
    expect(await page.getByRole('region', { name: 'People, by last name' }).getByRole('row').count()).toBe(51);
    await expectAccessible(h, page, 'people directory');
    await h.screenshot(page, 'people-directory-desktop');
    await page.setViewportSize(PHONE_390);
    expect((await pageWidth(page)).scrollWidth).toBeLessThanOrEqual(390);
    await h.screenshot(page, 'people-directory-phone-390');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('navigation', { name: 'Pages of people' }).getByRole('link', { name: 'Next' }).click();
    expect(await textOf(page.locator('#people-count'))).toMatch(/^Showing 51–62 of 62 people\./);
    const rows = page.getByRole('region', { name: 'People, by last name' }).getByRole('row');
    expect(await rows.count()).toBe(13);
    const name = await textOf(rows.nth(1).getByRole('link'));
    await rows.nth(1).getByRole('link').click();
    const [last, first] = name.split(', ');
    await heading(page, `${first} ${last}`).waitFor();

    await page.getByLabel('Phone').fill('310-555-0142');
    await page.getByLabel('Association id').fill('12ab');
    await page.getByRole('button', { name: 'Save contact details' }).click();
    expect(await textOf(page.locator('.errors[role="alert"]'))).toContain('The association id is 6 to 12 digits');
    await page.getByLabel('Association id').fill('90100042');
    await page.getByRole('button', { name: 'Save contact details' }).click();
    expect(await textOf(flash(page))).toBe('Contact details saved.');
    expect(await page.getByLabel('Association id').inputValue()).toBe('90100042');
    expect(await page.getByLabel('Phone').inputValue()).toBe('310-555-0142');

    const give = page.getByRole('form', { name: 'Give a role' });
    await give.getByLabel('Role to give').selectOption('field-helper');
    await give.getByLabel('Season').selectOption('2026-fall');
    await give.getByLabel('Division').selectOption('8U');
    await give.getByRole('button', { name: 'Give role' }).click();
    expect(await textOf(flash(page))).toBe('Role given.');
    const roles = page.getByRole('region', { name: 'Roles' });
    expect(await roles.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).toEqual(['Fall 2026', 'Field helper', '8U', 'Remove']);
    const changes = page.getByRole('list', { name: 'Changes, newest first' });
    expect(await changes.innerText()).toContain('role.grant');
    expect(await changes.innerText()).toContain('person.update');
    expect(await changes.innerText()).toContain('associationId: — → 90100042');
    await expectAccessible(h, page, 'a person in the directory');
    await h.screenshot(page, 'people-person-desktop');
    await page.setViewportSize(PHONE_390);
    expect((await pageWidth(page)).scrollWidth).toBeLessThanOrEqual(390);
    await h.screenshot(page, 'people-person-phone-390');

    // The search finds them by their new association id.
    await page.goto(h.url('/admin/people?q=90100042'));
    expect(await textOf(page.locator('#people-count'))).toMatch(/^Showing 1–1 of 1 person\./);
  });
});

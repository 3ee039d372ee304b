/**
 * Browser flow of the volunteer import: the registrar opens "Import volunteers" from the menu,
 * uploads the association's volunteer export and reads the report (people created, lines left out
 * with their line numbers); a file without the needed columns is refused, naming them.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, openHarness, textOf, type Harness } from './browser.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';

const sample = fileURLToPath(new URL('../src/volunteers/imports/fixtures/volunteers-export.csv', import.meta.url));

let h: Harness;

beforeAll(async () => {
  // The region's seasons are made on the test's date (2026-09-15), so Fall 2026 is configured.
  h = await openHarness({ clock: fixedClock(TEST_NOW) });
});

afterAll(async () => {
  await h?.close();
});

describe('volunteer import', () => {
  it("brings the association's volunteers in and reports every line left out", async () => {
    const registrar = await h.createAccount({ firstName: 'Rita', lastName: 'Registrar', roles: ['registrar'] });
    const page = await h.newPage();
    await h.logIn(page, registrar);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import volunteers' }).click();
    await heading(page, 'Import volunteers').waitFor();
    await expectAccessible(h, page, 'the volunteer import page');

    await page.getByLabel('Volunteer export').setInputFiles(sample);
    await page.getByRole('button', { name: 'Import' }).click();
    await heading(page, 'Result for volunteers-export.csv', 2).waitFor();
    expect(await textOf(page.locator('main [role="status"] ul'))).toBe('37 people created\n0 people updated\n0 people unchanged\n4 lines skipped');
    const skipped = page.getByRole('region', { name: 'Lines left out' });
    const lines = await skipped.locator('tbody tr td:first-child').allInnerTexts();
    expect(lines).toEqual(['5', '7', '25', '33']);
    expect(await textOf(skipped.locator('tbody tr').first())).toContain('Role "Team Parent" is not a role Touchline has');
    await expectAccessible(h, page, 'the volunteer import report');
    const fatima = await h.deps.db.selectFrom('people').select(['first_name', 'email']).where('association_id', '=', '90100006').executeTakeFirstOrThrow();
    expect(fatima).toEqual({ first_name: 'Fatima', email: 'fatima.martin.6@example.org' });

    // The same file again changes nothing.
    await page.getByLabel('Volunteer export').setInputFiles(sample);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('37 people unchanged').waitFor();
  });

  it('refuses a file without the needed columns, naming them', async () => {
    const registrar = await h.createAccount({ firstName: 'Rob', lastName: 'Registrar', roles: ['registrar'] });
    const page = await h.newPage();
    await h.logIn(page, registrar);
    await page.goto(h.url('/people/import'));
    await page
      .getByLabel('Volunteer export')
      .setInputFiles({ name: 'names.csv', mimeType: 'text/csv', buffer: Buffer.from('Volunteer First Name,Volunteer Last Name\r\nAna,Núñez\r\n') });
    await page.getByRole('button', { name: 'Import' }).click();
    const alert = page.locator('main .errors[role="alert"]');
    await alert.waitFor();
    expect(await textOf(alert)).toContain('names.csv cannot be imported: Missing columns: AYSO Volunteer ID; Volunteer Date Of Birth; Volunteer Role; Division Name');
    await expectAccessible(h, page, 'the refused volunteer import');
  });
});

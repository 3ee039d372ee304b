/**
 * Browser flows of compliance: a volunteer sees on their home page what is still missing for each
 * role, element by element, with where to complete it; the coach administrator filters the
 * dashboard (htmx, the address follows) and downloads the same rows as CSV.
 * The data is written straight into the tables, as the volunteers and training features store it.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { heading, textOf, useHarness, expectAccessible } from './browser.js';
import { features } from '../src/features.js';
import { fixedClock, newId } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { complianceFeature } from '../src/compliance/index.js';
import { certify, giveApplication, giveCompletions, giveRole } from '../src/compliance/compliance.testkit.js';

const harness = useHarness({ clock: fixedClock(TEST_NOW), features: [...features, ...(features.some((f) => f.name === complianceFeature.name) ? [] : [complianceFeature])] });
const SEASON = '2026-fall';

const card = (page: Page, title: string) => page.locator('section.card').filter({ has: heading(page, title, 2) });

describe('a volunteer', () => {
  it('sees on the home page what is missing for each role, by element, with where to complete it', async () => {
    const h = harness();
    const coach = await h.createAccount({ firstName: 'Vera', lastName: 'Volunteer' });
    const db = h.deps.db;
    await giveRole(db, coach.id, 'head-coach', SEASON, '10U');
    await giveRole(db, coach.id, 'field-helper', SEASON, '6U');
    await giveApplication(
      db,
      coach.id,
      SEASON,
      [
        { role: 'head-coach', division: '10U' },
        { role: 'field-helper', division: '6U' },
      ],
      { signed: false },
    );
    await giveCompletions(db, coach.id, ['safe-haven', 'concussion', 'coach-10u:online', 'coach-6u']);

    const page = await h.newPage();
    await h.logIn(page, coach);
    const head = card(page, 'Head coach, 10U: not certified yet');
    await head.waitFor();
    expect(await head.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['1. Volunteer application', '2. Safety trainings', '3. Age-level certification']);
    expect(await head.getByRole('listitem').allInnerTexts()).toEqual([
      "Sign this season's application by typing your full name.",
      'Complete the Sudden Cardiac Arrest course online.',
      'Complete the SafeSport course online.',
      expect.stringMatching(/^Register for an in-person session of 10U Coach \(field session\) and attend it/),
    ]);
    const helper = card(page, 'Field helper, 6U: not certified yet');
    expect(await helper.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['1. Volunteer application']);

    await head.getByRole('link', { name: 'Open your volunteer application' }).waitFor();
    expect(await head.getByRole('link', { name: 'Open your trainings and classes' }).first().getAttribute('href')).toBe('/training');
    expect(await head.getByRole('link', { name: 'Open your volunteer application' }).getAttribute('href')).toBe('/volunteer');
    await expectAccessible(h, page, 'home page with compliance cards');
    await h.screenshotSizes(page, 'compliance-home-missing');
  });

  it('sees "certified" once every element is complete', async () => {
    const h = harness();
    const coach = await h.createAccount({ firstName: 'Cora', lastName: 'Complete' });
    await certify(h.deps.db, coach.id, 'assistant-coach', SEASON, '12U');
    const page = await h.newPage();
    await h.logIn(page, coach);
    const done = card(page, 'Assistant coach, 12U: certified');
    expect(await textOf(done.locator('.status-ok'))).toBe('Certified');
    expect(await done.getByRole('heading', { level: 3 }).count()).toBe(0);
  });
});

describe('the coach administrator', () => {
  it('filters the dashboard without reloading, and downloads the same rows as CSV', async () => {
    const h = harness();
    const db = h.deps.db;
    const admin = await h.createAccount({ firstName: 'Ada', lastName: 'Coachadmin', roles: ['coach-administrator'] });
    const done = await h.createAccount({ firstName: 'Dora', lastName: 'Done' });
    await certify(db, done.id, 'head-coach', SEASON, '14U');
    const todo = await h.createAccount({ firstName: 'Tom', lastName: 'Todo' });
    await giveRole(db, todo.id, 'assistant-coach', SEASON, '14U');

    const page = await h.newPage();
    await h.logIn(page, admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
    await heading(page, 'Coach compliance').waitFor();
    const table = page.getByRole('region', { name: 'Volunteers by division and role' });
    await table.getByRole('cell', { name: /Tom Todo/ }).waitFor();

    // The page is not reloaded: a marker set on the window survives the filter.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.getByRole('combobox', { name: /^Division/ }).selectOption('14U');
    await page.getByRole('combobox', { name: /^Status/ }).selectOption('missing');
    await page.waitForURL(/status=missing/);
    await table.getByRole('cell', { name: /Dora Done/ }).waitFor({ state: 'detached' });
    expect(await table.getByRole('row').count()).toBe(2);
    expect(await table.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).toEqual([
      expect.stringContaining('Tom Todo'),
      '14U',
      'Assistant coach',
      'Missing',
      'no application',
      expect.stringContaining('Safe Haven'),
      'Intermediate Coach (14U)',
    ]);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(new URL(page.url()).searchParams.get('division')).toBe('14U');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download all 1 rows as CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe('compliance-2026-fall.csv');
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n').filter(Boolean)).toEqual([
      'Name,Email,Division,Role,Status,1 Volunteer application: missing,2 Safety trainings: missing,3 Age-level certification: missing',
      `Tom Todo,${todo.email},14U,Assistant coach,Missing,no application,Safe Haven; CDC Concussion Awareness; Sudden Cardiac Arrest; SafeSport,Intermediate Coach (14U)`,
    ]);

    // Without JavaScript's help the same address gives the same page.
    await page.reload();
    await heading(page, 'Coach compliance').waitFor();
    expect(await page.getByRole('combobox', { name: /^Status/ }).inputValue()).toBe('missing');
    expect(await table.getByRole('row').count()).toBe(2);
    await expectAccessible(h, page, 'compliance dashboard');
    await h.screenshotSizes(page, 'compliance-dashboard');
  });

  it('pages through a filtered list, the filters kept in every page link and in the address', async () => {
    const h = harness();
    const db = h.deps.db;
    const admin = await h.createAccount({ firstName: 'Pia', lastName: 'Pager', roles: ['coach-administrator'] });
    // 130 assistant coaches in 16U with nothing done yet, and 20 more in 19U the filter leaves out
    // (divisions the other tests of this file leave empty).
    const people = Array.from({ length: 150 }, (_, i) => ({
      id: newId(),
      email: `pager${i}@example.org`,
      first_name: `Vol${String(i).padStart(3, '0')}`,
      last_name: i < 130 ? 'Sixteen' : 'Nineteen',
      created_at: TEST_NOW,
      updated_at: TEST_NOW,
    }));
    await db.insertInto('people').values(people).execute();
    await db
      .insertInto('role_grants')
      .values(
        people.map((p, i) => ({
          id: newId(),
          person_id: p.id,
          role: 'assistant-coach',
          season_id: SEASON,
          division: i < 130 ? '16U' : '19U',
          granted_at: TEST_NOW,
          granted_by: null,
        })),
      )
      .execute();

    const page = await h.newPage();
    await h.logIn(page, admin);
    await page.goto(h.url('/compliance'));
    await heading(page, 'Coach compliance').waitFor();
    await page.getByRole('combobox', { name: /^Division/ }).selectOption('16U');
    await page.waitForURL(/division=16U/);
    await page.getByRole('combobox', { name: /^Status/ }).selectOption('missing');
    await page.waitForURL(/status=missing/);
    const pages = page.getByRole('navigation', { name: 'Pages of volunteers' });
    await pages.getByText('Page 1 of 2').waitFor();
    const table = page.getByRole('region', { name: 'Volunteers by division and role' });
    expect(await table.getByRole('row').count()).toBe(101);

    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await pages.getByRole('link', { name: 'Next 100' }).click();
    await pages.getByText('Page 2 of 2').waitFor();
    const url = new URL(page.url());
    expect([url.searchParams.get('division'), url.searchParams.get('status'), url.searchParams.get('page')]).toEqual(['16U', 'missing', '2']);
    expect(await table.getByRole('row').count()).toBe(31);
    expect(await table.getByRole('row').nth(1).getByRole('cell').first().innerText()).toContain('Vol100 Sixteen');
    expect(await table.getByRole('row').last().getByRole('cell').first().innerText()).toContain('Vol129 Sixteen');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await page.getByRole('combobox', { name: /^Division/ }).inputValue()).toBe('16U');
    await page.getByText('0 of 130 volunteer roles certified.').waitFor();
    const previous = new URL((await pages.getByRole('link', { name: 'Previous 100' }).getAttribute('href'))!, h.url('/'));
    expect([previous.pathname, previous.searchParams.get('division'), previous.searchParams.get('status'), previous.searchParams.get('page')]).toEqual([
      '/compliance',
      '16U',
      'missing',
      '1',
    ]);

    // The address of page 2 gives the same page without JavaScript's help; back goes to page 1.
    await page.reload();
    await pages.getByText('Page 2 of 2').waitFor();
    expect(await table.getByRole('row').count()).toBe(31);
    await pages.getByRole('link', { name: 'Previous 100' }).click();
    await pages.getByText('Page 1 of 2').waitFor();
    expect(await table.getByRole('row').nth(1).getByRole('cell').first().innerText()).toContain('Vol000 Sixteen');

    await expectAccessible(h, page, 'compliance dashboard, paged');

    // A new filter starts again at its first page.
    await pages.getByRole('link', { name: 'Next 100' }).click();
    await pages.getByText('Page 2 of 2').waitFor();
    await page.getByRole('combobox', { name: /^Status/ }).selectOption('');
    await page.waitForURL((u) => u.searchParams.get('status') === '');
    await pages.getByText('Page 1 of 2').waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    expect(new URL(page.url()).searchParams.get('division')).toBe('16U');
    expect(await table.getByRole('row').nth(1).getByRole('cell').first().innerText()).toContain('Vol000 Sixteen');
  });
});

/**
 * Browser flow of a new region's first run: the administrator made through the one-time link sees
 * the set-up checklist on their home page with every step's state, follows a step's link, takes
 * the step, and finds it marked done. Screenshots at desktop and phone size (390 x 844).
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { flash, heading, overflowingElements, pageWidth, textOf, uniqueEmail, useHarness, type Harness } from './browser.js';

const harness = useHarness();
const PHONE_390 = { width: 390, height: 844 } as const;

const checklist = (page: Page) => page.locator('section.card').filter({ has: page.getByRole('heading', { level: 2, name: 'Region set-up' }) });
const stepItem = (page: Page, title: string): Locator =>
  checklist(page)
    .getByRole('listitem')
    .filter({ has: page.locator('strong', { hasText: title }) });
const stateOf = async (page: Page, title: string) => ((await textOf(stepItem(page, title))).includes('✓ done') ? 'done' : 'to do');

async function goHome(h: Harness, page: Page) {
  await page.goto(h.url('/'));
  await heading(page, /^Hello,/).waitFor();
}

async function checkWidths(h: Harness, page: Page, name: string) {
  await h.screenshotSizes(page, name);
  await page.setViewportSize(PHONE_390);
  await h.screenshot(page, `${name}-phone-390`);
  const w = await pageWidth(page);
  expect(w.scrollWidth, `too wide on a phone: ${(await overflowingElements(page)).join(', ')}`).toBeLessThanOrEqual(w.viewport);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('first run of a new region', () => {
  it('shows the administrator the set-up steps with their state, and marks a step done once it is taken', async () => {
    const h = harness();
    const page = await h.newPage(await h.setupLink());
    await heading(page, 'Set up the region administrator').waitFor();
    await page.getByLabel('First name').fill('Morgan');
    await page.getByLabel('Last name').fill('Lee');
    await page.getByLabel('Email').fill(uniqueEmail('first-run'));
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Become administrator' }).click();
    await heading(page, 'Hello, Morgan').waitFor();

    // Every step of a fresh region is to do, each saying what is missing.
    expect(await textOf(checklist(page).locator('p').first())).toBe('0 of 7 set-up steps done. Each step says what is missing and where to do it.');
    const titles = ['Public address', 'Mail server', 'Board contacts', 'Screening key', 'Season dates', 'Practice fields', 'First coach administrator'];
    for (const t of titles) expect(await stateOf(page, t), t).toBe('to do');
    const address = await textOf(stepItem(page, 'Public address'));
    expect(address).toContain(`point to ${h.baseUrl}`);
    expect(address).toContain('Set TOUCHLINE_BASE_URL');
    expect(address).toContain('restart');
    expect(await textOf(stepItem(page, 'Mail server'))).toContain('Set SMTP_URL');
    expect(await textOf(stepItem(page, 'Board contacts'))).toContain('coach-admin@region.example');
    expect(await stepItem(page, 'Screening key').getByRole('link', { name: 'Make the screening key' }).getAttribute('href')).toBe('/safety/key');
    await checkWidths(h, page, 'first-run-checklist');
    expect(await h.axe(page)).toEqual([]);

    // Follow the fields step: add the region's own field.
    await stepItem(page, 'Practice fields').getByRole('link', { name: 'Add a field' }).click();
    await heading(page, 'Add a field').waitFor();
    await page.getByLabel('Name').fill('Recreation Park');
    await page.getByLabel('Address').fill('401 Sheldon Street');
    await page.getByLabel('Teams that fit at once').fill('4');
    await page.getByRole('button', { name: 'Add field' }).click();
    expect(await textOf(flash(page))).toBe('Field added.');

    // Follow the contacts step: give the real coach administrator and registrar.
    await goHome(h, page);
    expect(await stateOf(page, 'Practice fields')).toBe('done');
    expect(await textOf(stepItem(page, 'Practice fields'))).toContain('Recreation Park');
    await stepItem(page, 'Board contacts').getByRole('link', { name: 'Edit the region details' }).click();
    await heading(page, 'Region configuration').waitFor();
    await page.getByLabel("Coach administrator's name").fill('Casey Ortiz');
    await page.getByLabel("Coach administrator's email").fill('casey.ortiz@region92.org');
    await page.getByLabel("Registrar's name").fill('Riley Chen');
    await page.getByLabel("Registrar's email").fill('riley.chen@region92.org');
    await page.getByRole('button', { name: 'Save region details' }).click();
    expect(await textOf(flash(page))).toBe('Region details saved.');

    await goHome(h, page);
    expect(await stateOf(page, 'Board contacts')).toBe('done');
    expect(await textOf(stepItem(page, 'Board contacts'))).toContain('Casey Ortiz (casey.ortiz@region92.org)');
    expect(await textOf(checklist(page).locator('p').first())).toMatch(/^2 of 7 set-up steps done/);
    for (const t of titles.filter((x) => x !== 'Board contacts' && x !== 'Practice fields')) expect(await stateOf(page, t), t).toBe('to do');
    await checkWidths(h, page, 'first-run-checklist-two-done');
    expect(h.browserErrors(page)).toEqual([]);
  });
});

/**
 * Browser flows of the foundation: first administrator, region configuration, accounts and
 * password reset, phone width, accessibility and keyboard use. One server and one Chromium for the
 * file; every test makes its own accounts and its own browser contexts.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { flash, heading, describeAxe, overflowingElements, pageWidth, PHONE, textOf, uniqueEmail, useHarness, type AxeFinding, type Harness } from './browser.js';
import { getStoredConfig } from '../src/region/index.js';

const harness = useHarness();

const alert = (page: Page) => page.getByRole('alert');
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The cells of the row of the table `tableName` whose first cell is exactly `first`. */
function row(page: Page, tableName: string, first: string) {
  return page
    .getByRole('region', { name: tableName })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: first, exact: true }) });
}

function expectNoBrowserErrors(h: Harness, page: Page) {
  expect(h.browserErrors(page), `browser errors on ${page.url()}`).toEqual([]);
}

describe('first administrator', () => {
  it('sets up the administrator through the one-time link, which then stops working', async () => {
    const h = harness();
    const link = await h.setupLink();
    const email = uniqueEmail('first-admin');
    const page = await h.newPage(link);
    await heading(page, 'Set up the region administrator').waitFor();
    await page.getByLabel('First name').fill('Morgan');
    await page.getByLabel('Last name').fill('Lee');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Become administrator' }).click();

    await heading(page, 'Hello, Morgan').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await textOf(flash(page))).toContain('You are the region administrator.');
    await mainNav(page).getByRole('link', { name: 'Region', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Region set-up' }).waitFor();
    expect(await textOf(page.locator('header .who'))).toContain('Morgan Lee');
    expectNoBrowserErrors(h, page);

    const again = await h.newPage(link);
    expect(await textOf(alert(again))).toContain('This set-up link was already used');
    expect(await again.getByRole('button', { name: 'Become administrator' }).count()).toBe(0);
  });
});

describe('region configuration', () => {
  it('edits and adds fields, and records the change in the audit log', async () => {
    const h = harness();
    const admin = await h.createAdmin({ firstName: 'Robin', lastName: 'Fields' });
    const page = await h.newPage();
    await h.logIn(page, admin);
    const before = await getStoredConfig(h.deps.db);
    const brettIndex = before.config.fields.findIndex((f) => f.id === 'brett');
    expect(before.config.fields[brettIndex]?.capacity).toBe(2);

    await page.goto(h.url('/admin/region'));
    await heading(page, 'Region configuration').waitFor();
    expect(await textOf(row(page, 'Fields', 'Brett').getByRole('cell').nth(2))).toBe('2');

    // Edit Brett: capacity 2 -> 4.
    await page.getByRole('link', { name: 'Edit Brett' }).click();
    await heading(page, 'Edit Brett').waitFor();
    await page.getByLabel('Teams that fit at once').fill('4');
    await page.getByRole('button', { name: 'Save field' }).click();
    expect(await textOf(flash(page))).toBe('Field saved.');
    expect(await textOf(row(page, 'Fields', 'Brett').getByRole('cell').nth(2))).toBe('4');

    // Add North Park.
    await page.getByRole('link', { name: 'Add a field' }).click();
    await heading(page, 'Add a field').waitFor();
    await page.getByLabel('Name').fill('North Park');
    await page.getByLabel('Address').fill('North Park, El Segundo');
    await page.getByLabel('Teams that fit at once').fill('3');
    await page.getByRole('button', { name: 'Add field' }).click();
    expect(await textOf(flash(page))).toBe('Field added.');
    expect(await textOf(row(page, 'Fields', 'North Park').getByRole('cell').nth(2))).toBe('3');

    // The audit log shows who changed what.
    await page.goto(h.url('/admin/audit'));
    await heading(page, 'Audit log').waitFor();
    const update = page.getByRole('row').filter({ hasText: 'region.field.update' });
    expect(await textOf(update)).toContain('Robin Fields');
    expect(await textOf(update.getByRole('listitem'))).toBe(`fields.${brettIndex}.capacity: 2 → 4`);
    expect(await textOf(page.getByRole('row').filter({ hasText: 'region.field.add' }))).toContain('North Park');
    expectNoBrowserErrors(h, page);
  });

  it("refuses a field capacity of 0 or nothing, says why in the form's words, and saves nothing", async () => {
    const h = harness();
    const admin = await h.createAdmin({ firstName: 'Dana', lastName: 'Checks' });
    const page = await h.newPage();
    await h.logIn(page, admin);
    const saved = await getStoredConfig(h.deps.db);
    const capacityNow = String(saved.config.fields.find((f) => f.id === 'richmond')?.capacity);

    for (const value of ['0', '']) {
      await page.goto(h.url('/admin/region/fields/richmond'));
      await heading(page, 'Edit Richmond').waitFor();
      const capacity = page.getByLabel('Teams that fit at once');
      await capacity.fill(value);
      // The browser refuses first (min=1, required): no request leaves the page.
      await page.getByRole('button', { name: 'Save field' }).click();
      expect(new URL(page.url()).pathname).toBe('/admin/region/fields/richmond');
      expect(await capacity.evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(false);
      expect(await capacity.evaluate((el: HTMLInputElement) => el.validationMessage)).not.toBe('');
      expect(await alert(page).count()).toBe(0);

      // Without the browser's check (an old browser, a script), the server refuses too.
      await page.locator('main form[action="/admin/region/fields/richmond"]').evaluate((f: HTMLFormElement) => {
        f.noValidate = true;
      });
      await page.getByRole('button', { name: 'Save field' }).click();
      const message = await textOf(alert(page));
      await heading(page, 'Edit Richmond').waitFor();
      expect.soft(message, `message for capacity "${value}"`).toMatch(/^Teams that fit at once\b/);
      expect.soft(await capacity.inputValue(), `the form keeps the capacity typed ("${value}")`).toBe(value);
    }

    expect((await getStoredConfig(h.deps.db)).version).toBe(saved.version);
    await page.goto(h.url('/admin/region'));
    expect(await textOf(row(page, 'Fields', 'Richmond').getByRole('cell').nth(2))).toBe(capacityNow);
    expectNoBrowserErrors(h, page);
  });
});

describe('accounts', () => {
  it('signs up, refuses the same email twice, and resets a forgotten password by mail', async () => {
    const h = harness();
    const email = uniqueEmail('jamie');
    const first = 'correct horse battery';
    const second = 'another good password';
    const page = await h.newPage('/signup');
    await heading(page, 'Create your account').waitFor();
    await page.getByLabel('First name').fill('Jamie');
    await page.getByLabel('Last name').fill('Rivera');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(first);
    await page.getByRole('button', { name: 'Create account' }).click();
    await heading(page, 'Hello, Jamie').waitFor();
    expect(await textOf(flash(page))).toContain('Welcome, Jamie!');

    const twice = await h.newPage('/signup');
    await twice.getByLabel('First name').fill('Jamie');
    await twice.getByLabel('Last name').fill('Again');
    await twice.getByLabel('Email').fill(email.toUpperCase());
    await twice.getByLabel('Password').fill('yet another password');
    await twice.getByRole('button', { name: 'Create account' }).click();
    expect(await textOf(alert(twice))).toContain(`An account with ${email} already exists.`);
    expect(await twice.getByLabel('Last name').inputValue()).toBe('Again');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Create an account' }).waitFor();
    expect(await page.getByRole('button', { name: 'Log out' }).count()).toBe(0);

    await page.goto(h.url('/login'));
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await heading(page, 'Reset your password').waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    expect(await textOf(page.getByRole('main').getByRole('status'))).toContain('we have sent it a link');

    const link = await h.mailedLink({ to: email, kind: 'password-reset' }, '/reset/');
    expect(link.startsWith(h.baseUrl)).toBe(true);
    await page.goto(link);
    await heading(page, 'Choose a new password').waitFor();
    await page.getByLabel('New password').fill(second);
    await page.getByRole('button', { name: 'Save password' }).click();
    await heading(page, 'Log in').waitFor();
    expect(await textOf(flash(page))).toContain('Your password is changed.');

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(first);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    expect(await textOf(alert(page))).toContain('That email and password do not match an account.');

    await page.getByLabel('Password').fill(second);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await heading(page, 'Hello, Jamie').waitFor();
    expectNoBrowserErrors(h, page);
  });

  it('keeps the email filled in after a wrong password, and says what went wrong', async () => {
    const h = harness();
    const person = await h.createAccount({ firstName: 'Sam' });
    const page = await h.newPage('/login');
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    expect(await textOf(alert(page))).toBe('That email and password do not match an account. Check both, or reset your password.');
    expect(await page.getByLabel('Email').inputValue()).toBe(person.email);
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Log out' }).count()).toBe(0);
  });
});

describe('phone width', () => {
  it('shows the home, login, region and profile pages without sideways scrolling at 375 px', async () => {
    const h = harness();
    // A long but ordinary address: it must wrap rather than widen the page.
    const admin = await h.createAdmin({ firstName: 'Kim', lastName: 'Phone', email: `christopher.vanderberg-whitfield.${Date.now().toString(36)}@southbayyouthsoccer.org` });
    const anonymous = await h.newPage('/login', { viewport: PHONE });
    const page = await h.newPage(undefined, { viewport: PHONE });
    await h.logIn(page, admin);
    const pages: [Page, string, string][] = [
      [page, '/', 'home'],
      [anonymous, '/login', 'login'],
      [page, '/admin/region', 'region'],
      [page, '/profile', 'profile'],
    ];
    const wide: string[] = [];
    for (const [p, path, name] of pages) {
      await p.goto(h.url(path));
      await p.getByRole('heading', { level: 1 }).waitFor();
      const { scrollWidth } = await pageWidth(p);
      if (scrollWidth > PHONE.width) wide.push(`${path}: ${scrollWidth} px wide (${(await overflowingElements(p)).join(', ')})`);
      await h.screenshotSizes(p, `foundation-${name}`);
      expect(p.viewportSize()).toEqual(PHONE);
      expectNoBrowserErrors(h, p);
    }
    expect(wide).toEqual([]);
  });
});

describe('accessibility', () => {
  it.each([
    ['/login', false],
    ['/signup', false],
    ['/', true],
    ['/admin/region', true],
    ['/profile', true],
    ['/admin/audit', true],
  ] as const)('has no serious or critical axe violations on %s', async (path, asAdmin) => {
    const h = harness();
    const page = await h.newPage();
    if (asAdmin) await h.logIn(page, await h.createAdmin({ firstName: 'Ari', lastName: 'Access' }));
    await page.goto(h.url(path));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const findings: AxeFinding[] = await h.axe(page);
    expect(findings, describeAxe(path, findings)).toEqual([]);
    expectNoBrowserErrors(h, page);
  });
});

describe('keyboard', () => {
  it('reaches email, password and the Log in button in order with Tab, and logs in with Enter', async () => {
    const h = harness();
    const person = await h.createAccount({ firstName: 'Kai' });
    const page = await h.newPage('/login');
    await heading(page, 'Log in').waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? { tag: el.tagName.toLowerCase(), id: el.id, text: el.textContent?.trim() ?? '', inMain: !!el.closest('main') } : null;
      });

    const path: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      path.push(f?.id || f?.text || f?.tag || '?');
      if (f?.id === 'f-email') break;
    }
    expect(path.at(-1), `Tab went through: ${path.join(' → ')}`).toBe('f-email');
    await page.keyboard.type(person.email);
    await page.keyboard.press('Tab');
    expect((await focused())?.id).toBe('f-password');
    await page.keyboard.type(person.password);
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ tag: 'button', id: '', text: 'Log in', inMain: true });
    await page.keyboard.press('Enter');
    await heading(page, 'Hello, Kai').waitFor();
  });
});

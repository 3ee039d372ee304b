/**
 * Browser flows of accounts under attack and after a password change: the login throttle's message
 * and the change-password form that logs other browsers out and, when confirmed, revokes the API
 * tokens. The server runs on a fixed clock, so that no wait passes between attempts by itself.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixedClock } from '../src/platform/clock.js';
import { createApiToken, accountDeps } from '../src/people/index.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { flash, heading, textOf, useHarness } from './browser.js';

const clock = fixedClock(TEST_NOW);
const harness = useHarness({ clock });

const alert = (page: Page) => page.getByRole('alert');

async function tryLogin(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

describe('login throttling', () => {
  it('says how long to wait after too many wrong passwords, keeps the email, and lets the person in once the wait is over', async () => {
    const h = harness();
    const person = await h.createAccount({ firstName: 'Riley' });
    const page = await h.newPage('/login');
    for (let i = 0; i < 5; i++) {
      await tryLogin(page, person.email, 'not the password');
      expect(await textOf(alert(page))).toContain('That email and password do not match an account.');
    }
    await tryLogin(page, person.email, person.password);
    expect(await textOf(alert(page))).toBe('Too many failed logins from here. Try again in 1 second, or reset your password with "Forgot your password?".');
    expect(await page.getByLabel('Email').inputValue()).toBe(person.email);
    expect(await page.getByRole('link', { name: 'Forgot your password?' }).count()).toBe(1);
    clock.advance(1000);
    await tryLogin(page, person.email, person.password);
    await heading(page, 'Hello, Riley').waitFor();
  });
});

describe('changing a password', () => {
  it('logs every other browser out and, when the person ticks the box, revokes their API tokens', async () => {
    const h = harness();
    const person = await h.createAccount({ firstName: 'Dana' });
    const { token } = await createApiToken(accountDeps(h.deps), person.id, 'league spreadsheet');
    const here = await h.newPage();
    const elsewhere = await h.newPage();
    await h.logIn(here, person);
    await h.logIn(elsewhere, person);

    await here.goto(h.url('/profile'));
    const box = here.getByLabel(/Also revoke my API token/);
    expect(await box.isChecked()).toBe(false);
    await here.getByLabel('Current password').fill(person.password);
    await here.getByLabel('New password').fill('a brand new password');
    await box.check();
    await here.getByRole('button', { name: 'Change password' }).click();
    await heading(here, 'Your profile').waitFor();
    expect(await textOf(flash(here))).toBe('Your password is changed. One other browser was logged out. Your API token is revoked.');
    expect(await here.getByLabel(/Also revoke my/).count()).toBe(0);

    await elsewhere.goto(h.url('/profile'));
    await heading(elsewhere, 'Log in').waitFor();
    const api = await fetch(h.url('/api/v1/me'), { headers: { authorization: `Bearer ${token}` } });
    expect(api.status).toBe(401);

    await tryLogin(elsewhere, person.email, 'a brand new password');
    await heading(elsewhere, 'Your profile').waitFor();
  });

  it('keeps the API tokens when the box is left unticked', async () => {
    const h = harness();
    const person = await h.createAccount({ firstName: 'Ezra' });
    const { token } = await createApiToken(accountDeps(h.deps), person.id, 'calendar script');
    const page = await h.newPage();
    await h.logIn(page, person);
    await page.goto(h.url('/profile'));
    await page.getByLabel('Current password').fill(person.password);
    await page.getByLabel('New password').fill('a brand new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await textOf(flash(page))).toBe('Your password is changed.');
    const api = await fetch(h.url('/api/v1/me'), { headers: { authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);
  });
});

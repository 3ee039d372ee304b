/**
 * Browser flows of the public coach pages and notifications: walking the coaches page and following
 * every link (logged out and logged in), a volunteer's own status beside each step, the region
 * administrator's Markdown editor (htmx preview, no-JS preview, save, history, restore) with script
 * neutralized in the browser, the contact form by keyboard alone, and a mailed unsubscribe link.
 * The app runs on a fixed clock (15 September 2026, Fall 2026 season).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { flash, heading, textOf, useHarness, type Harness, expectAccessible } from './browser.js';
import { features } from '../src/features.js';
import type { Feature } from '../src/platform/feature.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { siteFeature } from '../src/site/index.js';
import { notificationsFeature } from '../src/notifications/index.js';
import { notify } from '../src/platform/notify/notify.js';
import { giveApplication, giveCompletions } from '../src/compliance/compliance.testkit.js';

/** The app's features, with the site and notifications added when src/features.ts does not list them yet. */
function withSite(): Feature[] {
  const names = new Set(features.map((f) => f.name));
  return [...features, ...[siteFeature, notificationsFeature].filter((f) => !names.has(f.name))];
}

const harness = useHarness({ clock: fixedClock(TEST_NOW), features: withSite() });

/** Every link of the page's main content and of the coach pages' menu, as site paths (outside links dropped). */
async function linksOf(h: Harness, page: Page): Promise<string[]> {
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const base = new URL(h.baseUrl);
  return [
    ...new Set(
      hrefs
        .map((x) => new URL(x))
        .filter((u) => u.origin === base.origin)
        .map((u) => u.pathname + u.search),
    ),
  ].sort();
}

/** Whether the route answering a path is public, from the app's own route table. */
function isPublic(h: Harness, path: string): boolean | undefined {
  const p = path.split('?')[0]!;
  const route = h.app.routeTable.find((r) => r.method === 'GET' && r.url === p);
  return route ? route.access === 'public' : undefined;
}

async function coach(h: Harness, firstName: string) {
  const a = await h.createAccount({ firstName, grants: [{ role: 'head-coach', seasonId: '2026-fall', division: '10U' }] });
  await giveApplication(h.deps.db, a.id, '2026-fall', [{ role: 'head-coach', division: '10U' }]);
  await giveCompletions(h.deps.db, a.id, ['safe-haven', 'concussion', 'cardiac-arrest']);
  return a;
}

describe('the coaches page', () => {
  it('links every step to a working page: public ones open, private ones ask to log in', async () => {
    const h = harness();
    const page = await h.newPage('/coaches');
    await heading(page, 'For coaches').waitFor();
    for (const where of ['/volunteer', '/training', '/profile', '/practice', '/mentoring', '/games'])
      expect(await page.locator(`ol.steps a[href="${where}"]`).count(), where).toBeGreaterThan(0);
    const links = await linksOf(h, page);
    expect(links).toEqual(expect.arrayContaining(['/coaches/faq', '/coaches/resources', '/contact', '/volunteer', '/games']));
    const problems: string[] = [];
    for (const link of links) {
      const publicRoute = isPublic(h, link);
      if (publicRoute === undefined) {
        problems.push(`${link}: no page answers here (is its feature registered in src/features.ts?)`);
        continue;
      }
      const r = await page.goto(h.url(link));
      const at = new URL(page.url());
      if (publicRoute && (r?.status() !== 200 || at.pathname !== link.split('?')[0])) problems.push(`${link}: public, answered ${r?.status()} at ${at.pathname}`);
      if (!publicRoute && (at.pathname !== '/login' || at.searchParams.get('next') !== link))
        problems.push(`${link}: private, but did not ask to log in (${r?.status()} at ${at.pathname})`);
    }
    expect(problems).toEqual([]);
  });

  it('answers every link with 200 once logged in, and shows the volunteer their own status', async () => {
    const h = harness();
    const who = await coach(h, 'Robin');
    const page = await h.newPage();
    await h.logIn(page, who);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'For coaches' }).click();
    await heading(page, 'For coaches').waitFor();
    const safety = page.locator('ol.steps li').filter({ hasText: 'Complete the safety trainings' });
    expect(await textOf(safety.locator('.status-bad'))).toBe('Missing: SafeSport');
    expect(await textOf(page.locator('ol.steps li').filter({ hasText: 'Apply to volunteer' }).locator('.status-ok'))).toBe('Done');
    expect(await textOf(page.locator('ol.steps li').filter({ hasText: 'Complete the course for your age group' }).locator('.status-bad'))).toContain('10U Coach');
    await expectAccessible(h, page, '/coaches (logged in)');
    const problems: string[] = [];
    for (const link of await linksOf(h, page)) {
      const r = await page.goto(h.url(link));
      if (r?.status() !== 200 || new URL(page.url()).pathname === '/login') problems.push(`${link}: ${r?.status()} at ${new URL(page.url()).pathname}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('editing the public pages', () => {
  it('previews with htmx and without JavaScript, saves, keeps history and restores', async () => {
    const h = harness();
    const admin = await h.createAdmin({ firstName: 'Ed', lastName: 'Itor' });
    const page = await h.newPage();
    await h.logIn(page, admin);
    await page.goto(h.url('/admin/site'));
    await heading(page, 'Public pages').waitFor();
    await expectAccessible(h, page, '/admin/site');
    await page.getByRole('link', { name: 'Edit Questions and answers' }).click();
    await heading(page, 'Edit: Questions and answers').waitFor();
    await page.getByLabel('Title').fill('Coach questions');
    await page
      .getByLabel('Page text (Markdown)')
      .fill(
        '## Can I pick my team?\n\nNo: **the system** forms balanced teams.\n\n<img src="/assets/favicon.svg" alt="" onerror="window.__pwned = 1">\n\n<script>window.__pwned = 2</script>\n\n[Trick](javascript:window.__pwned=3)',
      );
    // htmx: the preview follows the typing.
    await page.locator('#preview').getByRole('heading', { level: 2, name: 'Can I pick my team?' }).waitFor();
    expect(await textOf(page.locator('#preview ul.status-warn'))).toContain('Scripts, styles, frames and forms are removed');
    await expectAccessible(h, page, '/admin/site/pages/faq');
    // Without htmx, the Preview button renders the same on the server.
    await page.getByRole('button', { name: 'Preview' }).click();
    await heading(page, 'Edit: Questions and answers').waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Coach questions');
    await page.locator('#preview').getByRole('heading', { level: 2, name: 'Can I pick my team?' }).waitFor();
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await heading(page, 'Coach questions').waitFor();
    expect(new URL(page.url()).pathname).toBe('/coaches/faq');
    expect(await textOf(flash(page))).toContain('revision 1');
    await page.getByText('the system', { exact: true }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main a', { hasText: 'Trick' }).getAttribute('href')).toBeNull();

    await page.goto(h.url('/admin/site/pages/faq/history'));
    await heading(page, 'History: Questions and answers').waitFor();
    await expectAccessible(h, page, '/admin/site/pages/faq/history');
    await page.getByRole('link', { name: 'Open the default text' }).click();
    await heading(page, /the default text/).waitFor();
    await expectAccessible(h, page, '/admin/site/pages/faq/revisions/0');
    await page.getByRole('button', { name: 'Restore the default text' }).click();
    expect(await textOf(flash(page))).toBe('Restored the default text as revision 2.');
    await page.goto(h.url('/coaches/faq'));
    await heading(page, 'Coaches: questions and answers').waitFor();
  }, 90_000);
});

describe('contact', () => {
  it('sends a message to the registrar by keyboard alone, never showing an address', async () => {
    const h = harness();
    const page = await h.newPage('/contact');
    await heading(page, 'Contact').waitFor();
    expect(await page.content()).not.toMatch(/@region\.example|mailto:/);
    await expectAccessible(h, page, '/contact');
    await page.getByLabel('To').focus();
    await page.keyboard.press('ArrowDown'); // the registrar
    await page.keyboard.press('Tab');
    await page.keyboard.type('Morgan Parent');
    await page.keyboard.press('Tab');
    await page.keyboard.type('morgan.parent@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type('I have two accounts: can you merge them?');
    await page.keyboard.press('Tab'); // the honeypot is out of the tab order
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send the message');
    await page.keyboard.press('Enter');
    expect(await textOf(flash(page))).toBe('Thank you: your message is on its way to Registrar. The answer comes by mail.');
    const mail = await h.lastMail({ kind: 'contact-message' });
    expect(mail.to).toBe('registrar@region.example');
    expect(mail.text).toContain('Morgan Parent <morgan.parent@example.org>');
  });
});

describe('notifications', () => {
  it('stops a kind of mail from the link in the mail, without logging in', async () => {
    const h = harness();
    const person = await h.createAccount({ firstName: 'Una' });
    await notify(h.deps.db, h.deps.mailer, { personId: person.id, kind: 'teams-published', subject: 'Your team', text: 'Hello' }, h.deps);
    const link = await h.mailedLink({ to: person.email, kind: 'teams-published' }, '/unsubscribe/');
    const page = await h.newPage(link);
    await heading(page, 'Stop these mails?').waitFor();
    await expectAccessible(h, page, '/unsubscribe/…');
    await page.getByRole('button', { name: 'Stop these mails' }).click();
    await heading(page, 'These mails are off').waitFor();
    expect(await textOf(flash(page))).toContain('Teams of your division are published');
    const again = await notify(h.deps.db, h.deps.mailer, { personId: person.id, kind: 'teams-published', subject: 'Your team', text: 'Hello' }, h.deps);
    expect(again).toEqual({ sent: false, reason: 'opted-out' });

    const own = await h.newPage();
    await h.logIn(own, person);
    await own.goto(h.url('/profile/notifications'));
    await heading(own, 'Mail notifications').waitFor();
    expect(await own.getByLabel('Teams of your division are published').isChecked()).toBe(false);
    await own.getByLabel('Teams of your division are published').check();
    await own.getByRole('button', { name: 'Save my choices' }).click();
    expect(await textOf(flash(own))).toBe('Your mail choices are saved.');
    expect(await own.getByLabel('Teams of your division are published').isChecked()).toBe(true);
  });
});

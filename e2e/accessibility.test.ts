/**
 * Every page of the app, as every role sees it: for each role (and for a visitor who is not logged
 * in), every GET page route without parameters that the role may open (read from the app's own
 * route table) is loaded in Chromium, checked by axe-core (no serious or critical finding), and
 * measured at 375 pixels wide (no sideways scrolling). One test per role; a failure lists each
 * page with its findings (rule, element, what to fix). Pages with parameters are checked by their
 * capability's own browser flows. The app runs on a fixed clock (15 September 2026, Fall 2026).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { overflowingElements, pageWidth, PHONE, DESKTOP, useHarness, type Harness } from './browser.js';
import { features } from '../src/features.js';
import type { Feature } from '../src/platform/feature.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { decideAccess, type Auth } from '../src/platform/http/access.js';
import { DIVISION_ROLES, ROLES, type Role } from '../src/platform/roles.js';
import { siteFeature } from '../src/site/index.js';
import { notificationsFeature } from '../src/notifications/index.js';

function withSite(): Feature[] {
  const names = new Set(features.map((f) => f.name));
  return [...features, ...[siteFeature, notificationsFeature].filter((f) => !names.has(f.name))];
}

const harness = useHarness({ clock: fixedClock(TEST_NOW), features: withSite() });

const SEASON = '2026-fall';
const DIVISION = '10U';
const SKIP_PREFIXES = ['/api/', '/assets/'];
const SKIP = new Set(['/healthz', '/logout']);

/** GET routes without parameters the role may open (a visitor: the public ones). */
function pagesFor(h: Harness, role: Role | null): string[] {
  const auth = role ? ({ roles: [{ role, seasonId: '', division: '' }] } as unknown as Auth) : null;
  const urls = h.app.routeTable
    .filter((r) => r.method === 'GET' && !r.url.includes(':') && !r.url.includes('*') && !SKIP.has(r.url) && !SKIP_PREFIXES.some((p) => r.url.startsWith(p)) && r.url !== '/api')
    .filter((r) => decideAccess(r.access, auth) === 'allow')
    .map((r) => r.url);
  return [...new Set(urls)].sort();
}

/** Checks one page; answers its problems as readable lines (empty when it passes). */
async function checkPage(h: Harness, page: Page, url: string): Promise<string[]> {
  // Ask first (with the page's cookies): downloads, feeds and the sitemap are not pages.
  const probe = await page.request.get(h.url(url), { maxRedirects: 0 });
  if (!(probe.headers()['content-type'] ?? '').startsWith('text/html')) return [];
  const response = await page.goto(h.url(url));
  const problems: string[] = [];
  const status = response?.status() ?? 0;
  if (status >= 500) problems.push(`answered HTTP ${status}`);
  const findings = await h.axe(page);
  for (const f of findings) {
    for (const n of f.nodes)
      problems.push(`[${f.impact}] ${f.id}: ${f.help}\n      element: ${n.target}  ${n.html.slice(0, 200)}\n      fix: ${n.summary.replaceAll('\n', ' ').slice(0, 400)}`);
  }
  await page.setViewportSize(PHONE);
  const { scrollWidth, viewport } = await pageWidth(page);
  if (scrollWidth > viewport) problems.push(`scrolls sideways at 375 px (${scrollWidth} px wide): ${(await overflowingElements(page)).join(', ')}`);
  await page.setViewportSize(DESKTOP);
  return problems;
}

async function pageAs(h: Harness, role: Role | null): Promise<Page> {
  const page = await h.newPage();
  if (!role) return page;
  const grants = (DIVISION_ROLES as readonly Role[]).includes(role) ? [{ role, seasonId: SEASON, division: DIVISION }] : [{ role }];
  const who = await h.createAccount({ firstName: 'Ally', lastName: role.replace(/-/g, ' '), grants });
  await h.logIn(page, who);
  return page;
}

describe('accessibility of every page, for every role', () => {
  it.each([null, ...ROLES] as (Role | null)[])(
    'passes axe and fits 375 px for %s',
    async (role) => {
      const h = harness();
      const page = await pageAs(h, role);
      const urls = pagesFor(h, role);
      expect(urls.length).toBeGreaterThan(role ? 3 : 2);
      const report: string[] = [];
      for (const url of urls) {
        const problems = await checkPage(h, page, url);
        if (problems.length) report.push(`${url} (as ${role ?? 'visitor'}):\n    ${problems.join('\n    ')}`);
      }
      expect(report, `\n${report.join('\n')}`).toEqual([]);
    },
    600_000,
  );

  it('reaches every link and control of the coaches page with the keyboard alone', async () => {
    const h = harness();
    const page = await h.newPage('/coaches');
    const expected = await page.evaluate(
      () =>
        [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex="0"]')].filter(
          (e) => !(e as HTMLElement).closest('[aria-hidden="true"]'),
        ).length,
    );
    const seen = new Set<string>();
    for (let i = 0; i < expected + 5; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const all = [...document.querySelectorAll('*')];
        return `${el.tagName}#${all.indexOf(el)}`;
      });
      if (id) seen.add(id);
    }
    expect(seen.size).toBeGreaterThanOrEqual(expected);
  }, 60_000);
});

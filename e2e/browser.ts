/**
 * The browser test harness: the real application on a random port with its own SQLite file,
 * Chromium driven by playwright-core, and helpers every capability's browser flows share
 * (accounts, logging in, the outbox, screenshots, axe-core, phone width checks).
 *
 *   const harness = useHarness();            // at the top of a test file: beforeAll/afterAll
 *   it('...', async () => {
 *     const h = harness();                   // throws why the app or Chromium did not start
 *     const page = await h.newPage();        // a fresh browser context: its own cookies
 *     await h.logIn(page, await h.createAdmin());
 *   });
 *
 * openHarness() / h.close() do the same by hand.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Result as AxeResult } from 'axe-core';
import { buildApp } from '../src/app.js';
import { openRuntime } from '../src/runtime.js';
import { testConfig } from '../src/testing/harness.js';
import { newId, type Clock } from '../src/platform/clock.js';
import type { App, Deps, Feature } from '../src/platform/feature.js';
import { accountDeps, createPerson, createSetupLink, makeAdministrator } from '../src/people/index.js';
import { grantStandingRole } from '../src/people/people.testkit.js';
import type { Role } from '../src/platform/roles.js';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 375, height: 740 } as const;
export type Viewport = { width: number; height: number };

/** Where screenshots go (gitignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

// ---------------------------------------------------------------------------------------------
// Server

export interface TestServer {
  app: App;
  deps: Deps;
  /** http://127.0.0.1:<port>, the same value the app puts in mailed links. */
  baseUrl: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** The clock the app runs on (the system clock by default). */
  clock?: Clock;
  /** Features to register (all by default). */
  features?: Feature[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

const isAddressInUse = (e: unknown) => (e as { code?: string })?.code === 'EADDRINUSE';

/**
 * The whole application on a fresh SQLite file, listening on 127.0.0.1. The port is chosen
 * before the app is built because mailed links are built from `baseUrl`; should another process
 * take the port in between, it tries again with a new one.
 */
export async function startServer(opts: ServerOptions = {}): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'touchline-e2e-'));
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const deps = await openRuntime(testConfig({ sqliteFile: join(dir, `touchline-${attempt}.db`), baseUrl, port }), opts.clock);
    let app: App | null = null;
    try {
      app = await buildApp(deps, opts.features ? { features: opts.features } : {});
      await app.listen({ port, host: '127.0.0.1' });
    } catch (e) {
      await app?.close();
      await deps.database.close();
      if (isAddressInUse(e) && attempt < 5) continue;
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    const running = app;
    return {
      app: running,
      deps,
      baseUrl,
      close: async () => {
        await running.close();
        await deps.database.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Browser

/** Launches Chromium; fails (never skips) with how to install one when there is none. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const howTo = 'Install Chromium with `apt-get install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome executable.';
  if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: the browser tests need one. ${howTo}`);
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (e) {
    throw new Error(`Chromium at ${executablePath} did not start: ${(e as Error).message}\n${howTo}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Accounts and mail

export interface Account {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  password: string;
}

export interface AccountOptions {
  firstName?: string;
  lastName?: string;
  email?: string;
  password?: string;
  /** Standing roles (every season, no division). */
  roles?: Role[];
  /** Roles for one season and/or division (a head coach of U10 in Fall 2026, say). */
  grants?: { role: Role; seasonId?: string; division?: string }[];
}

export interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  createdAt: string;
}

let accountCounter = 0;

/** A unique email per call, so tests sharing one server never collide. */
export function uniqueEmail(prefix = 'person'): string {
  accountCounter++;
  return `${prefix}${accountCounter}.${process.pid}.${Date.now().toString(36)}@example.org`;
}

/** Every absolute link in a mail's text. */
export function linksIn(mail: Mail): string[] {
  return mail.text.match(/https?:\/\/[^\s<>"')]+/g) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Page checks

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** CSS selectors of the offending elements, with axe's summary of what to fix. */
  nodes: { target: string; html: string; summary: string }[];
}

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | null = null;

/**
 * Runs axe-core in the page and answers its serious and critical violations. The app's
 * Content-Security-Policy allows scripts from 'self' only, so an inline <script> tag
 * (page.addScriptTag({content})) would be refused and logged as a CSP error; the source is
 * evaluated through the DevTools protocol instead, which CSP does not govern. The page keeps its
 * real CSP, so CSP mistakes in the app still show up in browserErrors().
 */
export async function axeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<AxeFinding[]> {
  axeSource ??= readFile(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  const source = await axeSource;
  const present = () => page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!(await present())) await page.evaluate(source);
  const violations = await page.evaluate(async (exclude: string[]) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const context = exclude.length ? { exclude: exclude.map((s) => [s]) } : document;
    const r = await axe.run(context as never, { resultTypes: ['violations'] });
    return JSON.parse(JSON.stringify(r.violations)) as AxeResult[];
  }, options.exclude ?? []);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary ?? '' })),
    }));
}

/** A readable report of axe findings for an assertion message. */
export function describeAxe(where: string, findings: AxeFinding[]): string {
  if (!findings.length) return `${where}: no serious or critical violations`;
  return [
    `${where}:`,
    ...findings.map(
      (f) => `  [${f.impact}] ${f.id}: ${f.help} (${f.helpUrl})\n${f.nodes.map((n) => `    ${n.target}  ${n.html}\n      ${n.summary.replaceAll('\n', '\n      ')}`).join('\n')}`,
    ),
  ].join('\n');
}

/** How wide the page is against the viewport: a phone page must not scroll sideways. */
export async function pageWidth(page: Page): Promise<{ scrollWidth: number; viewport: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }));
}

/** Elements sticking out past the right edge of the viewport outside any scrolling box (for failure messages). */
export function overflowingElements(page: Page, limit = 10): Promise<string[]> {
  return page.evaluate((max: number) => {
    const inScroller = (el: Element): boolean => {
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX)) return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (out.length >= max) break;
      if (el.getBoundingClientRect().right > window.innerWidth + 0.5 && !inScroller(el)) {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}`);
      }
    }
    return out;
  }, limit);
}

/** Saves a full-page screenshot to screenshots/<name>.png and answers its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Screenshots of the current page at desktop and phone size (name-desktop.png, name-phone.png). */
export async function screenshotSizes(page: Page, name: string): Promise<{ desktop: string; phone: string }> {
  const before = page.viewportSize();
  await page.setViewportSize(DESKTOP);
  const desktop = await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  const phone = await screenshot(page, `${name}-phone`);
  if (before) await page.setViewportSize(before);
  return { desktop, phone };
}

/** The visible text of the first match, once it is there (Playwright's auto-waiting). */
export async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor();
  return (await locator.first().innerText()).trim();
}

// ---------------------------------------------------------------------------------------------
// The harness

export interface PageOptions {
  viewport?: Viewport;
}

export interface Harness extends TestServer {
  browser: Browser;
  /** A page in a fresh browser context (own cookies), opened at `path` when given. */
  newPage(path?: string, opts?: PageOptions): Promise<Page>;
  /** Browser errors seen by a page of this harness: console errors, uncaught exceptions, CSP refusals. */
  browserErrors(page: Page): string[];
  /** An absolute URL on the server. */
  url(path: string): string;
  /** A person with a password (and standing roles), made through the account service. */
  createAccount(opts?: AccountOptions): Promise<Account>;
  /** A region administrator, made the way `touchline admin create` makes one. */
  createAdmin(opts?: Omit<AccountOptions, 'roles'>): Promise<Account>;
  /** The first-administrator link (absolute URL), as printed at start. */
  setupLink(): Promise<string>;
  /** Logs in through the login form and waits for the home page. */
  logIn(page: Page, who: { email: string; password: string }): Promise<void>;
  /** Mail in the outbox, oldest first, optionally only to one address and of one kind. */
  mails(filter?: { to?: string; kind?: string }): Promise<Mail[]>;
  /** The newest mail matching the filter; fails when there is none. */
  lastMail(filter?: { to?: string; kind?: string }): Promise<Mail>;
  /** The first link in the newest matching mail whose path starts with `pathPrefix`. */
  mailedLink(filter: { to?: string; kind?: string }, pathPrefix: string): Promise<string>;
  axe(page: Page, options?: { exclude?: string[] }): Promise<AxeFinding[]>;
  screenshot(page: Page, name: string): Promise<string>;
  screenshotSizes(page: Page, name: string): Promise<{ desktop: string; phone: string }>;
}

/** Starts the app and Chromium together; `close()` ends both and removes the database file. */
export async function openHarness(opts: ServerOptions = {}): Promise<Harness> {
  const browser = await launchChromium();
  let server: TestServer;
  try {
    server = await startServer(opts);
  } catch (e) {
    await browser.close();
    throw e;
  }
  const { deps, baseUrl } = server;
  const contexts: BrowserContext[] = [];
  const errors = new WeakMap<Page, string[]>();
  const url = (path: string) => new URL(path, `${baseUrl}/`).toString();

  const createAccount = async (o: AccountOptions = {}): Promise<Account> => {
    const a = { firstName: o.firstName ?? 'Pat', lastName: o.lastName ?? 'Tester', email: o.email ?? uniqueEmail(), password: o.password ?? 'correct horse battery' };
    const person = await createPerson(accountDeps(deps), { firstName: a.firstName, lastName: a.lastName, email: a.email }, a.password);
    const at = deps.clock.now().toISOString();
    for (const role of o.roles ?? []) await grantStandingRole(deps.db, person.id, role, at, null);
    for (const g of o.grants ?? []) {
      await deps.db
        .insertInto('role_grants')
        .values({ id: newId(), person_id: person.id, role: g.role, season_id: g.seasonId ?? '', division: g.division ?? '', granted_at: at, granted_by: null })
        .execute();
    }
    return { id: person.id, ...a, email: person.email ?? a.email };
  };

  const mails = async (filter: { to?: string; kind?: string } = {}): Promise<Mail[]> => {
    let q = deps.db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id');
    if (filter.to) q = q.where('to_address', '=', filter.to.toLowerCase());
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    return (await q.execute()).map((m) => ({ id: m.id, to: m.to_address, subject: m.subject, text: m.body_text, kind: m.kind, createdAt: m.created_at }));
  };

  const lastMail = async (filter: { to?: string; kind?: string } = {}): Promise<Mail> => {
    const list = await mails(filter);
    const last = list.at(-1);
    if (!last) throw new Error(`No mail in the outbox for ${JSON.stringify(filter)}.`);
    return last;
  };

  return {
    ...server,
    browser,
    url,
    async newPage(path, o = {}) {
      const context = await browser.newContext({ viewport: o.viewport ?? DESKTOP, locale: 'en-US' });
      contexts.push(context);
      const page = await context.newPage();
      const seen: string[] = [];
      errors.set(page, seen);
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        // A page answered with 4xx on purpose (a refused form) is not a browser error; failed
        // sub-resources are reported with their address by the 'response' listener below.
        if (m.text().startsWith('Failed to load resource')) return;
        seen.push(`console: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
      });
      page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.request().isNavigationRequest()) seen.push(`HTTP ${r.status()} for ${r.request().resourceType()} ${r.url()}`);
      });
      // A navigation that starts before a sub-resource (the favicon) finished aborts it: not an error.
      page.on('requestfailed', (r) => {
        if (r.failure()?.errorText !== 'net::ERR_ABORTED') seen.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`);
      });
      if (path) await page.goto(url(path));
      return page;
    },
    browserErrors: (page) => [...(errors.get(page) ?? [])],
    createAccount,
    async createAdmin(o = {}) {
      const a = { firstName: o.firstName ?? 'Alex', lastName: o.lastName ?? 'Admin', email: o.email ?? uniqueEmail('admin'), password: o.password ?? 'correct horse battery' };
      const person = await makeAdministrator(accountDeps(deps), { firstName: a.firstName, lastName: a.lastName, email: a.email }, a.password, { id: null, name: 'browser test' });
      return { id: person.id, ...a, email: person.email ?? a.email };
    },
    setupLink: () => createSetupLink(accountDeps(deps)),
    async logIn(page, who) {
      await page.goto(url('/login'));
      await page.getByLabel('Email').fill(who.email);
      await page.getByLabel('Password', { exact: false }).fill(who.password);
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: /^Hello,/ }).waitFor();
    },
    mails,
    lastMail,
    async mailedLink(filter, pathPrefix) {
      const mail = await lastMail(filter);
      const link = linksIn(mail).find((l) => new URL(l).pathname.startsWith(pathPrefix));
      if (!link) throw new Error(`The mail "${mail.subject}" to ${mail.to} has no link under ${pathPrefix}:\n${mail.text}`);
      return link;
    },
    axe: axeViolations,
    screenshot,
    screenshotSizes,
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/**
 * One harness for a test file: started in beforeAll, closed in afterAll. The answered function
 * gives the harness inside a test, or throws the reason it could not start (no Chromium, say), so
 * that every test fails with that reason instead of being skipped.
 */
/** The page's heading of a level (1 by default) with that name. */
export const heading = (page: Page, name: string | RegExp, level = 1) => page.getByRole('heading', { level, name });

/** The flash message a page shows after a form (role status). */
export const flash = (page: Page) => page.locator('main .flash[role="status"]');

export function useHarness(opts: ServerOptions = {}): () => Harness {
  let harness: Harness | null = null;
  let failure: unknown = null;
  beforeAll(async () => {
    try {
      harness = await openHarness(opts);
    } catch (e) {
      failure = e;
    }
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (harness) return harness;
    throw failure ?? new Error('The browser harness is not running: call it inside a test, after beforeAll.');
  };
}

/**
 * The checks every browser flow makes on a page it shows: no serious or critical axe finding, no
 * sideways scrolling at 375 px, no browser errors. Restores the viewport afterwards.
 */
export async function expectAccessible(h: Harness, page: Page, where: string): Promise<void> {
  const findings = await h.axe(page);
  expect(findings, describeAxe(where, findings)).toEqual([]);
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  const w = await pageWidth(page);
  expect(w.scrollWidth, `${where} scrolls sideways at 375 px: ${(await overflowingElements(page)).join(', ')}`).toBeLessThanOrEqual(w.viewport);
  if (before) await page.setViewportSize(before);
  expect(h.browserErrors(page), `browser errors on ${where}`).toEqual([]);
}

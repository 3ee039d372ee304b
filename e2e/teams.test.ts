/**
 * Browser flow of team formation: the coach administrator opens a division on the Teams page,
 * previews a seeded draw (figures beside the lower bound), publishes it, and moves a player after
 * seeing the effect on balance; anyone can then read how the teams were drawn (seed, digest,
 * figures, no names), and the head coach finds the roster with the parents' contacts.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { flash, heading, describeAxe, overflowingElements, pageWidth, PHONE, textOf, useHarness } from './browser.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { SEASON, seedPlayers, tenUGirls } from '../src/teams/teams.testkit.js';

const harness = useHarness({ clock: fixedClock(TEST_NOW) });

async function checkPage(page: Page, where: string) {
  const h = harness();
  const findings = await h.axe(page);
  expect(findings, describeAxe(where, findings)).toEqual([]);
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  const { scrollWidth } = await pageWidth(page);
  expect(scrollWidth, `${where} is ${scrollWidth} px wide: ${(await overflowingElements(page)).join(', ')}`).toBeLessThanOrEqual(PHONE.width);
  if (before) await page.setViewportSize(before);
}

describe('team formation in the browser', () => {
  it('previews, publishes and adjusts a division, and shows the coach the roster', async () => {
    const h = harness();
    const admin = await h.createAccount({ firstName: 'Cora', lastName: 'Admin', roles: ['coach-administrator'] });
    const coaches = [];
    for (const lastName of ['Abbott', 'Baptiste'])
      coaches.push(await h.createAccount({ firstName: 'Coach', lastName, grants: [{ role: 'head-coach', seasonId: SEASON, division: '10U' }] }));
    await seedPlayers(h.deps.db, SEASON, tenUGirls(17));
    await seedPlayers(h.deps.db, SEASON, [{ first: 'Abby', last: 'Abbott', rating: 4, guardianId: coaches[0]!.id }]);

    const page = await h.newPage();
    await h.logIn(page, admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams', exact: true }).click();
    await heading(page, 'Teams').waitFor();
    await page.getByRole('link', { name: 'Open 10U Girls' }).click();
    await heading(page, '10U Girls, Fall 2026').waitFor();
    expect(await textOf(page.locator('main'))).toContain('2 teams by default');

    await page.getByLabel('Seed (leave empty for a random one)').fill('2026');
    await page.getByRole('button', { name: 'Preview teams' }).click();
    expect(await textOf(flash(page))).toBe('Preview drawn with seed 2026: 2 teams. Publish it, or draw again.');
    await heading(page, '10U Girls, Fall 2026').waitFor();
    expect(await textOf(page.getByRole('heading', { level: 2, name: 'Preview (seed 2026)' }))).toBe('Preview (seed 2026)');
    const summary = await textOf(page.locator('p.status-ok, p.status-warn').first());
    expect(summary).toMatch(/^Spread of team mean ratings: [\d.]+; best any formation could reach: [\d.]+ \(/);
    const figures = page.getByRole('table', { name: 'Figures of every team of 10U Girls' });
    expect(await figures.locator('tbody tr').count()).toBe(2);
    expect(await textOf(figures.locator('tbody tr').first())).toContain('10U Girls 1 (Abbott)');
    await checkPage(page, 'division preview');
    await h.screenshotSizes(page, 'teams-preview');

    await page.getByRole('button', { name: 'Publish these teams' }).click();
    expect(await textOf(flash(page))).toBe('The teams of 10U Girls are published; their head coaches are told by mail.');
    await page.getByRole('heading', { level: 2, name: 'Published teams' }).waitFor();
    expect((await h.lastMail({ to: coaches[0]!.email, kind: 'teams-published' })).subject).toBe('Teams published: you coach 10U Girls 1 (Abbott)');

    // A move: first its effect on balance, then the confirmation with a reason.
    const player = page.getByLabel('Player to move');
    const option = (await player.locator('option').allTextContents()).find((o) => o.includes('(10U Girls 2 (Baptiste))'))!;
    await player.selectOption({ label: option });
    await page.getByLabel('To team').selectOption({ label: '10U Girls 1 (Abbott)' });
    await page.getByRole('button', { name: 'Show the effect of the move' }).click();
    const effect = page.getByRole('table', { name: 'Effect on balance' });
    await effect.waitFor();
    expect(await textOf(effect.getByRole('row', { name: /10U Girls 1 \(Abbott\)/ }))).toMatch(/9 players, mean [\d.]+\s+10 players, mean [\d.]+/);
    await checkPage(page, 'move effect');
    await page.getByLabel('Reason').fill('Shares a ride with a teammate');
    await page.getByRole('button', { name: 'Confirm the change' }).click();
    expect(await textOf(flash(page))).toMatch(/^Done: Move .+ from 10U Girls 2 \(Baptiste\) to 10U Girls 1 \(Abbott\)\. The coaches are told by mail\.$/);
    const rows = page.getByRole('table', { name: 'Figures of every team of 10U Girls' }).locator('tbody tr');
    expect(await textOf(rows.nth(0))).toMatch(/^10U Girls 1 \(Abbott\)\s*Coach Abbott\s+10\s/);
    const audit = await h.deps.db.selectFrom('audit_log').select('after_json').where('action', '=', 'team.move').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!).reason).toBe('Shares a ride with a teammate');
    await h.screenshotSizes(page, 'teams-division-published');
    await page.getByRole('link', { name: 'Printable rosters of 10U Girls' }).click();
    await heading(page, /^Rosters of 10U Girls/).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['10U Girls 1 (Abbott)', '10U Girls 2 (Baptiste)']);
    await checkPage(page, 'printable rosters');
    await page.goto(h.url('/teams'));
    expect(await textOf(page.getByRole('table', { name: 'Divisions of Fall 2026' }).getByRole('row', { name: /10U Girls/ }))).toMatch(/10U Girls\s+18\s+2 published/);
    await checkPage(page, 'teams home');
    await h.screenshotSizes(page, 'teams-home');

    // "How these teams were drawn": linked from the division page, public, with no child's name.
    await page.goto(h.url(`/teams/divisions/10U/girls?season=${SEASON}`));
    await page.getByRole('link', { name: 'How these teams were drawn' }).click();
    await heading(page, 'How these teams were drawn: 10U Girls, Fall 2026').waitFor();
    const parent = await h.newPage(new URL(page.url()).pathname + new URL(page.url()).search);
    await heading(parent, 'How these teams were drawn: 10U Girls, Fall 2026').waitFor();
    const record = await textOf(parent.getByRole('region', { name: 'The draw record' }));
    expect(record).toMatch(/Seed\s*2026/);
    expect(record).toMatch(/Digest of the inputs \(sha256 of P\.csv then T\.csv\)\s*[0-9a-f]{64}/);
    const drawn = parent.getByRole('table', { name: "Every team's figures (teams by number)" });
    expect(await drawn.locator('tbody tr').count()).toBe(2);
    expect(await textOf(drawn.locator('tbody tr').first())).toMatch(/^Team 1\s+\d+\s/);
    expect(await textOf(parent.locator('main'))).toContain('touchline teams verify --players P.csv --teams T.csv --seed 2026 --assign A.csv');
    const shown = await textOf(parent.locator('main'));
    for (const child of ['Abby', 'Abbott', ...Array.from({ length: 17 }, (_, i) => `Girl${i + 1} `)]) expect(shown).not.toContain(child);
    await checkPage(parent, 'how the teams were drawn');
    await h.screenshotSizes(parent, 'teams-draw-public');
    expect(h.browserErrors(parent)).toEqual([]);

    // The head coach finds the roster, with the parents' contacts and the own child on the team.
    const cp = await h.newPage(undefined, { viewport: PHONE });
    await h.logIn(cp, coaches[0]!);
    await cp.getByRole('link', { name: '10U Girls 1 (Abbott)' }).first().click();
    await heading(cp, '10U Girls 1 (Abbott)').waitFor();
    const roster = cp.getByRole('table', { name: /^Players of 10U Girls 1 \(Abbott\) \(10\)$/ });
    expect(await textOf(roster)).toContain('Abby Abbott');
    expect(await roster.getByRole('link', { name: /^310-555-/ }).count()).toBeGreaterThan(0);
    await checkPage(cp, 'roster');
    await h.screenshot(cp, 'teams-roster-phone');
    expect(h.browserErrors(page)).toEqual([]);
    expect(h.browserErrors(cp)).toEqual([]);
  });

  it('imports the registration export on the Players page and lists a division', async () => {
    const h = harness();
    const registrar = await h.createAccount({ firstName: 'Rita', lastName: 'Registrar', roles: ['registrar'] });
    const page = await h.newPage();
    await h.logIn(page, registrar);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Players', exact: true }).click();
    await heading(page, 'Players').waitFor();
    await page.getByLabel('Export file').setInputFiles(fileURLToPath(new URL('../src/players/fixtures/players-export.tsv', import.meta.url)));
    await page.getByRole('button', { name: 'Import players' }).click();
    expect(await textOf(page.locator('main [role="status"] p').first())).toBe(
      'players-export.tsv: 40 players: 40 added, 0 updated, 0 unchanged; 40 parent(s) new to Touchline; 32 rating(s) imported.',
    );
    await page.getByRole('link', { name: 'List players of 12U Girls' }).click();
    const list = page.getByRole('table', { name: /players of 12U Girls$/ });
    expect(await textOf(list)).toContain('Chen, Chloe');
    await checkPage(page, '/players');
    await h.screenshotSizes(page, 'players-division');
    expect(h.browserErrors(page)).toEqual([]);
  });
});

/**
 * Browser flow of messages to groups: the coach administrator writes to a team's families,
 * previews the message (how many receive it and who), sends a test to themself, sends it, and
 * reads its record; at desktop size and on a 390 x 844 phone.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, flash, heading, pageWidth, textOf, useHarness } from './browser.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { seedPerson, seedTeam } from '../src/messages/messages.testkit.js';
import { seedPlayers } from '../src/teams/teams.testkit.js';

const clock = fixedClock(TEST_NOW);
const harness = useHarness({ clock });
const PHONE_390 = { width: 390, height: 844 };
const FALL = '2026-fall';

describe('messages to groups', () => {
  it('writes, previews, tests and sends a message to a team’s families', async () => {
    const h = harness();
    const db = h.deps.db;
    const writer = await h.createAccount({ firstName: 'Cora', lastName: 'Admin', roles: ['coach-administrator'] });
    const coach = await h.createAccount({ firstName: 'Hal', lastName: 'Head' });
    const guardians: string[] = [];
    for (let i = 0; i < 14; i++) guardians.push(await seedPerson(db, `family${i}@example.org`, `Parent${i}`, 'Family'));
    const kids = await seedPlayers(
      db,
      FALL,
      guardians.map((g) => ({ guardianId: g })),
    );
    await seedTeam(db, { seasonId: FALL, division: '10U', name: 'Blue Sharks', head: coach.id, players: kids });

    const page = await h.newPage();
    page.setDefaultTimeout(8000);
    await h.logIn(page, writer);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
    await heading(page, 'Messages').waitFor();
    await page.getByRole('button', { name: 'Write a message' }).click();
    await heading(page, 'Write a message').waitFor();
    await page.getByLabel("A team's staff or families").check();
    await page.locator('#f-teamId').selectOption({ label: 'Blue Sharks (10U)' });
    await page.locator('#f-who').selectOption('families');
    await page.locator('#f-subject').fill('Richmond is closed Saturday');
    await page.locator('#f-markdown').fill('Hello families,\n\n**Richmond** is closed on Saturday: practice moves to *Brett*.\n\n- Bring water\n- Be on time');
    await page.getByRole('button', { name: 'Preview' }).click();
    expect(await textOf(page.locator('#recipient-count'))).toBe('14 addresses will receive it: Families of Blue Sharks (10U).');
    await expect.poll(() => textOf(page.locator('.mail-preview strong'))).toBe('Richmond');
    await page.getByText('Everyone who will receive it (14)').click();
    expect(await page.locator('ul.recipients li').count()).toBe(14);
    await expectAccessible(h, page, 'message preview');
    await h.screenshot(page, 'messages-preview-desktop');
    await page.setViewportSize(PHONE_390);
    expect((await pageWidth(page)).scrollWidth).toBeLessThanOrEqual(390);
    await h.screenshot(page, 'messages-preview-phone-390');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: 'Send a test to me' }).click();
    expect(await textOf(page.locator('main .flash[role="status"]'))).toContain(`A test went to ${writer.email}`);
    const tests = await h.mails({ kind: 'board-message-test' });
    expect(tests.map((m) => [m.to, m.subject])).toEqual([[writer.email, '[Test] Richmond is closed Saturday']]);
    expect(await h.mails({ kind: 'board-message' })).toEqual([]);

    await page.getByRole('button', { name: 'Send to 14 addresses' }).click();
    expect(await textOf(flash(page))).toBe('Message queued for 14 addresses.');
    await heading(page, 'Richmond is closed Saturday').waitFor();
    expect(await textOf(page.locator('#delivery-counts'))).toBe('14 addresses: 0 sent, 14 queued, 0 failed');
    expect(await page.getByRole('region', { name: 'Recipients and delivery' }).getByRole('row').count()).toBe(15);
    const sent = await h.mails({ kind: 'board-message' });
    expect(sent.map((m) => m.to).sort()).toEqual(guardians.map((_, i) => `family${i}@example.org`).sort());
    await expectAccessible(h, page, 'message record');
    await h.screenshot(page, 'messages-record-desktop');
    await page.setViewportSize(PHONE_390);
    expect((await pageWidth(page)).scrollWidth).toBeLessThanOrEqual(390);
    await h.screenshot(page, 'messages-record-phone-390');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('link', { name: 'All messages' }).click();
    await expect.poll(() => textOf(page.getByRole('region', { name: 'Messages sent' }))).toContain('Richmond is closed Saturday');
  });
});

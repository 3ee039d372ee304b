/**
 * Browser flow of the next season: the coach administrator previews what starting it does (roles
 * offered again, practice windows carried over as drafts, what stays) and starts it; a coach of last
 * season accepts the offer on their home page with one click, and holds the role for the new season.
 */
import { describe, expect, it } from 'vitest';
import { describeAxe, textOf, useHarness } from './browser.js';
import { fixedClock, newId } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';

const harness = useHarness({ clock: fixedClock(TEST_NOW) });

describe('the next season in one step', () => {
  it('the coach administrator previews and starts it; a coach accepts the offer on their home page', async () => {
    const h = harness();
    const admin = await h.createAccount({ firstName: 'Cora', lastName: 'Admin', roles: ['coach-administrator'] });
    const coach = await h.createAccount({ firstName: 'Hana', lastName: 'Head', grants: [{ role: 'head-coach', seasonId: '2026-fall', division: '10U' }] });
    await h.deps.db
      .insertInto('practice_windows')
      .values({
        id: newId(),
        season_id: '2026-fall',
        field_id: 'richmond',
        weekdays_json: '[1,3]',
        start_time: '17:00',
        end_time: '19:00',
        capacity: null,
        divisions_json: null,
        created_at: TEST_NOW,
        draft: 0,
      })
      .execute();

    const page = await h.newPage();
    page.setDefaultTimeout(8000);
    await h.logIn(page, admin);
    await page.getByRole('link', { name: 'Next season' }).click();
    await page.getByRole('heading', { level: 1, name: 'Start the next season' }).waitFor();
    expect(await textOf(page.locator('#next-season-state'))).toBe('Starting Spring 2027 offers 1 role(s) of Fall 2026 again and carries 1 practice window(s) over as drafts.');
    expect(await page.getByRole('region', { name: 'Roles offered again' }).getByRole('row').allInnerTexts()).toEqual([
      expect.stringMatching(/^Name\s+Role\s+Division$/),
      expect.stringMatching(/^Hana Head\s+Head coach\s+10U$/),
    ]);
    expect(await page.getByRole('region', { name: 'Practice windows carried over' }).getByRole('row').nth(1).innerText()).toMatch(
      /^Richmond Mon, Wed 17:00-19:00\s+Fall 2026 \(2026-08-01 to 2026-12-31\)\s+Spring 2027 \(2027-01-01 to 2027-07-31\)$/,
    );
    expect(await textOf(page.getByRole('heading', { name: 'What stays' }).locator('xpath=..'))).toContain('ratings feed the draw');
    const findings = await h.axe(page);
    expect(findings, describeAxe('/seasons/next', findings)).toEqual([]);
    await h.screenshot(page, 'next-season-preview');

    await page.getByRole('button', { name: 'Start Spring 2027' }).click();
    await page.getByText('The season is started').waitFor();
    expect(await textOf(page.locator('#next-season-state'))).toBe('Spring 2027 was already started on 2026-09-15 by Cora Admin.');
    const mail = await h.lastMail({ to: coach.email, kind: 'role-offer' });
    expect(mail.subject).toBe('Coach 10U again in Spring 2027?');

    const coachPage = await h.newPage();
    coachPage.setDefaultTimeout(8000);
    await h.logIn(coachPage, coach);
    const card = coachPage.locator('section.card', { has: coachPage.getByRole('heading', { name: 'Spring 2027: your role again?' }) });
    expect(await textOf(card)).toContain('Coach 10U again in Spring 2027?');
    await card.getByRole('button', { name: 'Accept' }).click();
    await card.getByRole('status').getByText('Accepted: the role is yours for the new season.').waitFor();
    const grant = await h.deps.db.selectFrom('role_grants').selectAll().where('person_id', '=', coach.id).where('season_id', '=', '2027-spring').executeTakeFirstOrThrow();
    expect(grant).toMatchObject({ role: 'head-coach', division: '10U' });
    expect(h.browserErrors(coachPage)).toEqual([]);
    await coachPage.reload();
    await coachPage.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await coachPage.getByRole('heading', { name: 'Spring 2027: your role again?' }).count()).toBe(0);
  });
});

/**
 * Browser flow of a parent on a phone: the home page has a card per child; the family page shows
 * each child's team, the coaches by name with a form to write to them, practices with the calendar
 * link, upcoming games and the notices sent to the team's families, and no address anywhere.
 */
import { describe, expect, it } from 'vitest';
import { describeAxe, overflowingElements, pageWidth, textOf, useHarness } from './browser.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { seedFamilies } from '../src/families/families.testkit.js';

const harness = useHarness({ clock: fixedClock(TEST_NOW) });
const PHONE_390 = { width: 390, height: 844 } as const;

describe("a parent's page", () => {
  it("shows a parent on a phone their children's teams, practices, games and notices", async () => {
    const h = harness();
    const f = await seedFamilies(h);
    const notice = await h.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: f.coaches.head.bearer,
      payload: { audience: { kind: 'team', teamId: f.teams.comets, who: 'families' }, subject: 'Bring water on Saturday', markdown: 'It will be **hot**: bring two bottles.' },
    });
    expect(notice.statusCode).toBe(201);
    const page = await h.newPage(undefined, { viewport: PHONE_390 });
    await h.logIn(page, f.ana);

    await page.getByRole('heading', { level: 2, name: 'Mia Parent' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Leo Parent' }).waitFor();
    await h.screenshot(page, 'families-home-phone');
    await page.getByText('Your roles: Parent or guardian of Leo and Mia.').waitFor();
    expect(await textOf(page.locator('section.card', { has: page.getByRole('heading', { name: 'Mia Parent' }) }))).toContain(
      'Next game: Sat, Sep 19 09:00 against Rockets, Richmond',
    );

    await page.getByRole('link', { name: 'Team, practices, games and notices' }).first().click();
    await page.getByRole('heading', { level: 1, name: /^Your children/ }).waitFor();
    const mia = page.locator(`#child-${f.kids.mia}`);
    expect(await textOf(mia)).toContain('Comets');
    expect(await mia.getByRole('listitem').allInnerTexts()).toEqual(
      expect.arrayContaining(['Hana Head, head coach', 'Andy Assist, assistant coach', expect.stringMatching(/^Mondays 17:00-18:00, Richmond/)]),
    );
    const games = mia.getByRole('region', { name: 'Upcoming games of Comets' }).getByRole('row');
    expect(await games.allInnerTexts()).toEqual([
      expect.stringMatching(/^Date\s+Time\s+Opponent\s+Field$/),
      expect.stringMatching(/^Sat, Sep 19\s+09:00\s+Rockets\s+Richmond$/),
      expect.stringMatching(/^Sat, Sep 26\s+10:30\s+Rockets \(away\)\s+Brett$/),
    ]);
    expect(await mia.getByRole('link', { name: 'Add the practices to your calendar' }).getAttribute('href')).toMatch(/^webcal:\/\/.+\/practice\/feeds\/.+\.ics$/);
    expect(await textOf(mia.getByRole('article'))).toContain('It will be hot: bring two bottles.');
    expect(await textOf(page.locator(`#child-${f.kids.leo}`))).toContain('No notice from the team yet.');

    const text = await page.locator('main').innerText();
    for (const c of Object.values(f.coaches)) expect(text).not.toContain(c.email);
    expect(text).not.toContain('Zoe');
    const { scrollWidth } = await pageWidth(page);
    expect(scrollWidth, `/family is ${scrollWidth} px wide: ${(await overflowingElements(page)).join(', ')}`).toBeLessThanOrEqual(PHONE_390.width);
    const findings = await h.axe(page);
    expect(findings, describeAxe('/family', findings)).toEqual([]);
    await h.screenshot(page, 'families-parent-phone');

    await mia.getByText('Write to the coaches').click();
    await mia.getByRole('textbox', { name: /^Your message/ }).fill('Mia will be late on Monday, sorry.');
    await mia.getByRole('button', { name: 'Send to the coaches' }).click();
    await page.getByText('Your message went to the 2 coaches of Comets.').waitFor();
    expect((await h.lastMail({ to: f.coaches.head.email, kind: 'family-to-coaches' })).text).toContain('Mia will be late on Monday');

    const nobody = await h.newPage(undefined, { viewport: PHONE_390 });
    await h.logIn(nobody, f.nobody);
    await nobody.goto(`${h.baseUrl}/family`);
    await nobody.getByRole('heading', { level: 2, name: `No child found for ${f.nobody.email}` }).waitFor();
  });
});

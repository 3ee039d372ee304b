/**
 * Browser flow of duplicate accounts: the registrar finds two accounts of one person (same name
 * and date of birth), picks the one to keep, reviews what will move, merges, and the merged
 * account can no longer log in while the kept one holds everything.
 */
import { describe, expect, it } from 'vitest';
import { flash, heading, textOf, useHarness, expectAccessible } from './browser.js';
import { features } from '../src/features.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { mergeFeature } from '../src/people/index.js';
import { giveApplication, giveCompletions, giveRole } from '../src/compliance/compliance.testkit.js';

const clock = fixedClock(TEST_NOW);
const harness = useHarness({ clock, features: [...features, ...(features.some((f) => f.name === mergeFeature.name) ? [] : [mergeFeature])] });

describe('the registrar', () => {
  it('merges two accounts of one person, keeping everything on the chosen account', async () => {
    const h = harness();
    const db = h.deps.db;
    const registrar = await h.createAccount({ firstName: 'Rita', lastName: 'Registrar', roles: ['registrar'] });
    const old = await h.createAccount({ firstName: 'Marisol', lastName: 'Peña' });
    clock.advance(60_000); // the second account is a minute younger: candidates are listed oldest first
    const dup = await h.createAccount({ firstName: 'marisol', lastName: 'PENA', password: 'second account password' });
    for (const id of [old.id, dup.id]) await db.updateTable('people').set({ birth_date: '1982-07-09' }).where('id', '=', id).execute();
    await giveRole(db, old.id, 'head-coach', '2026-fall', '8U');
    await giveApplication(db, old.id, '2026-fall', [{ role: 'head-coach', division: '8U' }]);
    await giveCompletions(db, old.id, ['safe-haven']);
    await giveApplication(db, dup.id, '2026-fall', [{ role: 'head-coach', division: '8U' }], { signed: false });
    await giveCompletions(db, dup.id, ['safe-haven', 'concussion', 'coach-8u']);

    const page = await h.newPage();
    await h.logIn(page, registrar);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' }).click();
    await heading(page, 'Duplicate accounts').waitFor();
    const group = page.locator('section.card').filter({ has: heading(page, 'Marisol Peña: 2 accounts', 2) });
    expect(await textOf(group.getByRole('listitem').first())).toBe('Same name and date of birth: Marisol Peña, 1982-07-09');
    await expectAccessible(h, page, 'duplicate accounts');

    await group.getByRole('radio', { name: new RegExp(old.email.replace(/[.+]/g, '\\$&')) }).check();
    await group.getByRole('button', { name: /Review the merge/ }).click();
    await heading(page, 'Review the merge').waitFor();
    const preview = page.locator('main');
    expect(await preview.innerText()).toContain('2 training completions move to the kept account');
    expect(await preview.innerText()).toContain("Held by both, kept once: volunteer applications (season id 2026-fall); the merged account's copy is recorded in the audit log.");
    expect(await preview.innerText()).toContain('Held by both, kept once: training completions (training safe-haven, part online, completed on 2026-02-01)');
    await expectAccessible(h, page, 'merge review');
    await h.screenshotSizes(page, 'merge-review');

    await page.getByRole('button', { name: 'Merge now' }).click();
    await heading(page, 'Duplicate accounts').waitFor();
    expect(await textOf(flash(page))).toMatch(/^Merged 1 account into Marisol Peña: \d+ record\(s\) moved\. 2 duplicate record\(s\) held by both were kept once/);
    expect(await group.count()).toBe(0);
    const history = page.getByRole('region', { name: 'Recent merges' });
    expect(await history.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).toEqual([
      expect.stringMatching(/^2026-09-15 17:01$/),
      'Marisol Peña',
      'marisol PENA',
      'Rita Registrar',
      expect.stringMatching(/^\d+$/),
      '2',
    ]);

    const codes = await db.selectFrom('completions').select('training').where('person_id', '=', old.id).orderBy('training').execute();
    expect(codes.map((c) => c.training)).toEqual(['coach-8u', 'concussion', 'safe-haven']);

    // The merged account cannot log in any more; the kept one can.
    const other = await h.newPage('/login');
    await other.getByLabel('Email').fill(dup.email);
    await other.getByLabel('Password', { exact: false }).fill(dup.password);
    await other.getByRole('button', { name: 'Log in', exact: true }).click();
    expect(await textOf(other.getByRole('alert'))).toContain('That email and password do not match an account.');
    await h.logIn(other, old);
  });
});

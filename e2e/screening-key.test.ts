/**
 * The screening key made in the browser: the safety director makes the key pair on the screening
 * key page (the private key file is downloaded, only the public key is sent), an adult who applied
 * before the key existed is mailed and adds the number, and the safety director opens the key file
 * on the pending checks page and reads the number there. No request carries the private key, the
 * passphrase or the number.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { expectAccessible, heading, linksIn, openHarness, textOf, type Harness } from './browser.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { getScreeningPublicKey, keyFingerprint, openPrivateKey } from '../src/volunteers/volunteers.testkit.js';

let h: Harness;

beforeAll(async () => {
  h = await openHarness({ clock: fixedClock(TEST_NOW) });
});

afterAll(async () => {
  await h?.close();
});

const PASSPHRASE = 'four green ladders at noon';

interface Sent {
  method: string;
  url: string;
  body: string;
}

/** Every request a page sends, with its body. */
function watchRequests(page: Page): Sent[] {
  const sent: Sent[] = [];
  page.on('request', (r: Request) => sent.push({ method: r.method(), url: r.url(), body: r.postData() ?? '' }));
  return sent;
}

describe('the screening key in the browser', () => {
  it('is made in the browser, seals an adult number, and the number is read in the browser only', async () => {
    // An adult applies before the region has a key: the SSN step says it opens later.
    const volunteer = await h.createAccount({ firstName: 'Morgan', lastName: 'Lee' });
    const vp = await h.newPage();
    await h.logIn(vp, volunteer);
    await vp.goto(h.url('/volunteer'));
    await heading(vp, 'Volunteer for Fall 2026').waitFor();
    expect(await textOf(vp.locator('main'))).toContain('This step opens when the region finishes setting up background checks');
    expect(await vp.getByLabel('Social security number').count()).toBe(0);
    await vp.getByRole('group', { name: 'Head coach' }).getByLabel('10U', { exact: true }).check();
    await vp.getByLabel('Date of birth').fill('1988-02-11');
    await vp.getByLabel('Type your full name to sign').fill('Morgan Lee');
    await vp.getByRole('button', { name: 'Submit application' }).click();
    await vp.getByRole('heading', { level: 2, name: 'Your application for Fall 2026' }).waitFor();
    expect(await textOf(vp.locator('main'))).toContain('Social security number: not given yet: that step opens when the region finishes setting up');

    // The safety director makes the key in the browser.
    const director = await h.createAccount({ firstName: 'Sam', lastName: 'Safe', roles: ['safety-director'] });
    const sd = await h.newPage();
    const sent = watchRequests(sd);
    await h.logIn(sd, director);
    await sd.goto(h.url('/safety/checks'));
    await sd.getByRole('link', { name: 'Make the key in your browser' }).click();
    await heading(sd, 'Screening key').waitFor();
    expect(await textOf(sd.locator('main'))).toContain('1 application(s) wait for it');
    await expectAccessible(h, sd, 'screening key page');
    await sd.locator('#f-passphrase').fill('too short');
    await sd.locator('#f-passphrase2').fill('too short');
    await sd.getByRole('button', { name: 'Make the key' }).click();
    expect(await textOf(sd.locator('#keygen-status'))).toContain('at least 12 characters');
    await sd.locator('#f-passphrase').fill(PASSPHRASE);
    await sd.locator('#f-passphrase2').fill(PASSPHRASE);
    await sd.getByRole('button', { name: 'Make the key' }).click();
    const download = sd.getByRole('link', { name: 'Download the private key file' });
    await download.waitFor({ timeout: 60_000 });
    expect(await sd.getByRole('button', { name: 'Send the public key to Touchline' }).isDisabled()).toBe(true);
    const [file] = await Promise.all([sd.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('touchline-screening-key.json');
    const keyPath = await file.path();
    const keyText = await readFile(keyPath, 'utf8');
    const keyFile = JSON.parse(keyText);
    expect(keyFile).toMatchObject({ format: 'touchline-screening-key', version: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256' }, cipher: { name: 'AES-256-GCM' } });
    await sd.getByRole('button', { name: 'Send the public key to Touchline' }).click();
    await sd.getByText("The region's screening key is set").waitFor();
    expect(await textOf(sd.locator('#keygen-status'))).toContain(keyFile.fingerprint);
    const stored = (await getScreeningPublicKey(h.deps.db))!;
    expect(keyFingerprint(stored)).toBe(keyFile.fingerprint);
    // The CLI reads the browser's file.
    const privateKey = openPrivateKey(keyText, PASSPHRASE);
    expect(keyFingerprint(privateKey)).toBe(keyFile.fingerprint);

    // The waiting adult is mailed and adds the number.
    const mail = await h.lastMail({ to: volunteer.email, kind: 'screening-ready' });
    const link = linksIn(mail).find((l) => new URL(l).pathname === '/volunteer')!;
    await vp.goto(link);
    expect(await textOf(vp.locator('main'))).toContain('Social security number: not given yet: add it below');
    await vp.getByLabel('Social security number').fill('123-45-6789');
    await vp.getByLabel('Type your full name to sign').fill('Morgan Lee');
    await vp.getByRole('button', { name: 'Send the changed application' }).click();
    await vp.getByText('Social security number: sealed for the background check').waitFor();

    // The safety director opens the key file on the pending page and reads the number there.
    await sd.goto(h.url('/safety/checks'));
    await heading(sd, 'Background checks').waitFor();
    const row = sd.getByRole('row').filter({ has: sd.getByRole('cell', { name: 'Morgan Lee', exact: true }) });
    expect(await textOf(row)).toContain('6789');
    expect(await sd.content()).not.toContain('123-45-6789');
    const before = sent.length;
    await sd.getByLabel('Screening key file').setInputFiles(keyPath);
    await sd.getByLabel('Passphrase').fill(PASSPHRASE);
    await sd.getByRole('button', { name: 'Show the numbers' }).click();
    await row.getByText('123-45-6789').waitFor({ timeout: 60_000 });
    expect(await textOf(sd.locator('#unseal-status'))).toContain('1 number(s) shown, opened in this browser only');
    expect(sent.length).toBe(before);
    await expectAccessible(h, sd, 'background checks with the numbers shown');
    await sd.getByRole('button', { name: 'Hide the numbers' }).click();
    expect(await textOf(row)).not.toContain('123-45-6789');

    // Then the result is recorded as today.
    await row.getByRole('button', { name: 'Record clear for Morgan Lee' }).click();
    expect(await textOf(sd.locator('main .flash[role="status"]'))).toContain('recorded as clear');

    // What went over the wire: the public key only, never the private key, the passphrase or the number.
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const puts = sent.filter((s) => s.method === 'PUT');
    expect(puts.map((s) => new URL(s.url).pathname)).toEqual(['/api/v1/screening/public-key']);
    expect(Object.keys(JSON.parse(puts[0]!.body))).toEqual(['publicKeyPem']);
    for (const s of sent) {
      const all = decodeURIComponent(`${s.url} ${s.body}`);
      for (const secret of [PASSPHRASE, '123-45-6789', '123456789', keyFile.encryptedPrivateKey.slice(0, 40), pkcs8.slice(100, 160), 'PRIVATE KEY']) {
        expect(all, `${s.method} ${s.url}`).not.toContain(secret);
      }
    }
    expect(h.browserErrors(sd)).toEqual([]);
    expect(h.browserErrors(vp)).toEqual([]);
  }, 240_000);
});

/**
 * Browser flows of coach badges: a certified coach uploads a photo from the badge page, the coach
 * administrator approves it in the queue, prints a sheet and downloads it; the QR code of the
 * printed badge opens the public verification page, read on a phone (375 px wide). A small, flat
 * photo (a few KB, the case that once failed to print) goes through the same flow to paper.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { heading, PHONE, textOf, useHarness, expectAccessible } from './browser.js';
import { features } from '../src/features.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { certify } from '../src/compliance/compliance.testkit.js';
import { badgesFeature } from '../src/badges/index.js';
import { facePhoto, flatSkyJpeg, offSkyBlue, pdfImages, sheetPhotoColour, pdfPages, photoWithLocation, readQr } from '../src/badges/badges.testkit.js';

const harness = useHarness({ clock: fixedClock(TEST_NOW), features: [...features, ...(features.some((f) => f.name === badgesFeature.name) ? [] : [badgesFeature])] });
const SEASON = '2026-fall';

describe('coach badges', () => {
  it('go from a photo upload to an approved photo, a printed sheet and a QR code that checks out on a phone', async () => {
    const h = harness();
    const coach = await h.createAccount({ firstName: 'Bea', lastName: 'Badge' });
    await certify(h.deps.db, coach.id, 'head-coach', SEASON, '10U');
    const admin = await h.createAccount({ firstName: 'Ada', lastName: 'Coachadmin', roles: ['coach-administrator'] });

    // The coach uploads a photo (one with location metadata, as phones take them).
    const cp = await h.newPage();
    await h.logIn(cp, coach);
    await cp.goto(h.url('/badges'));
    await heading(cp, 'Your badge: not ready yet', 2).waitFor();
    expect(await cp.getByRole('listitem').allInnerTexts()).toContain('Upload a photo of your face for the badge (Badge photo, on your profile).');
    await expectAccessible(h, cp, 'coach badge page, not ready');
    await cp.getByRole('link', { name: 'Upload your photo' }).click();
    await heading(cp, 'Your badge photo').waitFor();
    expect(await cp.getByLabel('Photo', { exact: true }).getAttribute('capture')).toBe('user');
    await expectAccessible(h, cp, 'badge photo upload');
    await cp.getByLabel('Photo', { exact: true }).setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: await photoWithLocation() });
    await cp.getByRole('button', { name: 'Upload photo' }).click();
    await cp.waitForURL(/\/badges$/);
    expect(await textOf(cp.locator('.flash'))).toContain('your photo is uploaded');
    expect(await textOf(cp.getByText('Waiting for approval'))).toBe('Waiting for approval');
    expect(await cp.getByRole('img', { name: 'Your badge photo' }).evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth, img.naturalHeight])).toEqual([
      true,
      600,
      800,
    ]);

    // The coach administrator approves it and prints the sheet.
    const ap = await h.newPage();
    await h.logIn(ap, admin);
    await ap.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Badges' }).click();
    await heading(ap, 'Coach badges').waitFor();
    await ap.getByRole('link', { name: '1 photo to check' }).click();
    await heading(ap, 'Bea Badge', 2).waitFor();
    await expectAccessible(h, ap, 'photo approval queue');
    await ap.getByRole('button', { name: 'Approve Bea Badge' }).click();
    expect(await textOf(ap.locator('.flash'))).toBe('Photo approved.');
    await ap.getByRole('link', { name: 'Back to coach badges' }).click();
    const table = ap.getByRole('region', { name: 'Coaches and their badges' });
    const row = table.getByRole('row').filter({ hasText: 'Bea Badge' });
    expect(await row.getByRole('cell').nth(4).innerText()).toContain('Eligible, not printed');
    await expectAccessible(h, ap, 'badge board');
    await h.screenshotSizes(ap, 'badges-board');
    await ap.getByRole('button', { name: /^Print every eligible coach not yet printed/ }).click();
    await heading(ap, /^Print run of /).waitFor();
    expect(await textOf(ap.locator('.flash'))).toMatch(/badges? ready to print/);
    await expectAccessible(h, ap, 'print run');
    const [download] = await Promise.all([ap.waitForEvent('download'), ap.getByRole('link', { name: 'Download the print sheet (PDF)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^badges-2026-fall-2026-09-15-[\w-]+\.pdf$/);
    const pdf = await readFile((await download.path())!);
    const [sheet] = await pdfPages(pdf, 150);
    const link = await readQr(sheet!);
    expect(link).toMatch(new RegExp(`^${h.baseUrl}/verify/[\\w-]{43}$`));
    expect((await h.lastMail({ to: coach.email, kind: 'badge-ready' })).subject).toBe('Your coach badge is ready');

    // A referee scans the code with a phone: no login, big status words, the photo, no overflow.
    const phone = await h.newPage(undefined, { viewport: PHONE });
    await phone.goto(link!);
    const status = heading(phone, 'Valid');
    await status.waitFor();
    expect(Number.parseFloat(await status.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(40);
    expect(await textOf(phone.locator('.verify-name'))).toBe('Bea Badge');
    expect(await phone.getByRole('listitem').allInnerTexts()).toEqual(['Head coach · 10U']);
    expect(await phone.getByRole('img', { name: 'Photo on the badge of Bea Badge' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(600);
    expect(await phone.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    expect(await phone.content()).not.toContain(coach.email);
    await expectAccessible(h, phone, 'verification page');
    await h.screenshot(phone, 'badges-verify-phone');

    // The coach sees the badge ready, printed.
    await cp.reload();
    await heading(cp, 'Your badge: ready', 2).waitFor();
    expect(await cp.getByText(/The region printed your badge on September 15, 2026/).count()).toBe(1);
  });

  it("prints a small, flat photo: upload, approval, the sheet and the coach's own download all carry it", async () => {
    const h = harness();
    const coach = await h.createAccount({ firstName: 'Sky', lastName: 'Blue' });
    await certify(h.deps.db, coach.id, 'head-coach', SEASON, '8U');
    const admin = await h.createAccount({ firstName: 'Ari', lastName: 'Printer', roles: ['coach-administrator'] });
    const flat = await flatSkyJpeg();
    expect(flat.length).toBeLessThan(4096);

    const cp = await h.newPage();
    await h.logIn(cp, coach);
    await cp.goto(h.url('/badges/photo'));
    await cp.getByLabel('Photo', { exact: true }).setInputFiles({ name: 'sky.jpg', mimeType: 'image/jpeg', buffer: flat });
    await cp.getByRole('button', { name: 'Upload photo' }).click();
    await cp.waitForURL(/\/badges$/);
    expect(await textOf(cp.getByText('Waiting for approval'))).toBe('Waiting for approval');

    const ap = await h.newPage();
    await h.logIn(ap, admin);
    await ap.goto(h.url('/badges/photos'));
    await ap.getByRole('button', { name: 'Approve Sky Blue' }).click();
    expect(await textOf(ap.locator('.flash'))).toBe('Photo approved.');
    await ap.goto(h.url('/badges/board'));
    await ap.getByRole('button', { name: /^Print every eligible coach not yet printed/ }).click();
    await heading(ap, /^Print run of /).waitFor();
    const [download] = await Promise.all([ap.waitForEvent('download'), ap.getByRole('link', { name: 'Download the print sheet (PDF)' }).click()]);
    const sheet = await readFile((await download.path())!);
    expect((await pdfImages(sheet)).map((i) => [i.width, i.height, i.color, i.encoding])).toEqual([[600, 800, 'rgb', 'jpeg']]);
    // The photo is drawn in its colour: sample the middle of the first card's photo at 72 dpi.
    const [page] = await pdfPages(sheet, 72);
    expect(offSkyBlue(await sheetPhotoColour(page!, 0, 72))).toBeLessThan(20);
    expect((await h.lastMail({ to: coach.email, kind: 'badge-ready' })).subject).toBe('Your coach badge is ready');

    // The coach downloads their own badge from the badge page: a PDF, with the same photo.
    await cp.reload();
    await heading(cp, 'Your badge: ready', 2).waitFor();
    const [own] = await Promise.all([cp.waitForEvent('download'), cp.getByRole('link', { name: 'Download your badge (PDF)' }).click()]);
    expect(own.suggestedFilename()).toBe('badge-sky-blue-2026-fall.pdf');
    expect((await pdfImages(await readFile((await own.path())!))).map((i) => [i.width, i.height])).toEqual([[600, 800]]);
  });

  it('shows a badge whose coach lost the role as not valid, in red, from that day', async () => {
    const h = harness();
    const coach = await h.createAccount({ firstName: 'Nico', lastName: 'Nolonger' });
    await certify(h.deps.db, coach.id, 'assistant-coach', SEASON, '6U');
    const cp = await h.newPage();
    await h.logIn(cp, coach);
    await cp.goto(h.url('/badges/photo'));
    await cp.getByLabel('Photo', { exact: true }).setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await facePhoto({ format: 'png' }) });
    await cp.getByRole('button', { name: 'Upload photo' }).click();
    await cp.waitForURL(/\/badges$/);
    const photo = await h.deps.db.selectFrom('badge_photos').select('id').where('person_id', '=', coach.id).executeTakeFirstOrThrow();
    await h.deps.db.updateTable('badge_photos').set({ status: 'approved' }).where('id', '=', photo.id).execute();
    const pdf = await cp.request.get(h.url(`/api/v1/people/${coach.id}/badge.pdf`));
    expect(pdf.status()).toBe(200);
    const link = await readQr((await pdfPages(await pdf.body(), 300))[0]!);
    await h.deps.db.deleteFrom('role_grants').where('person_id', '=', coach.id).execute();

    const phone = await h.newPage(undefined, { viewport: PHONE });
    await phone.goto(link!);
    const status = heading(phone, 'Not valid');
    await status.waitFor();
    expect(await status.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(180, 35, 24)');
    expect(await textOf(phone.locator('.verify-since'))).toBe('since September 15, 2026');
    await expectAccessible(h, phone, 'verification page, not valid');
    await h.screenshot(phone, 'badges-verify-not-valid-phone');
  });
});

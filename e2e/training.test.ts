/**
 * Browser flow of the trainings feature: an instructor schedules an in-person class, a coach
 * registers on their Training page, and the instructor credits the registered coach from the
 * roster (someone who did not register is refused), after which the coach has a certificate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flash, heading, expectAccessible, openHarness, textOf, type Harness } from './browser.js';
import { fixedClock } from '../src/platform/clock.js';
import { TEST_NOW } from '../src/testing/harness.js';
import { seedCompletion } from '../src/training/training.testkit.js';

let h: Harness;

beforeAll(async () => {
  // 2026-09-15, 10:00 in Los Angeles: the class below is tonight, so it can be credited today.
  h = await openHarness({ clock: fixedClock(TEST_NOW) });
});

afterAll(async () => {
  await h?.close();
});

describe('in-person class', () => {
  it('is scheduled by an instructor, registered for by a coach, and credited from the roster', async () => {
    const instructor = await h.createAccount({ firstName: 'Ines', lastName: 'Trainer', roles: ['instructor'] });
    const coach = await h.createAccount({ firstName: 'Carla', lastName: 'Coach', roles: ['head-coach'] });
    const walkIn = await h.createAccount({ firstName: 'Walter', lastName: 'Walkin', roles: ['head-coach'] });
    await seedCompletion(h.deps, coach.id, 'coach-10u', 'online', '2026-05-01');

    // The instructor schedules tonight's 10U field session.
    const ip = await h.newPage();
    await h.logIn(ip, instructor);
    await ip.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Classes' }).click();
    await heading(ip, 'Classes').waitFor();
    await ip.getByLabel('Course').selectOption({ label: '10U Coach: Field session' });
    await ip.getByLabel('Date').fill('2026-09-15');
    await ip.getByLabel('Starts at').fill('18:00');
    await ip.getByLabel('Ends at').fill('19:30');
    await ip.getByLabel('Seats').fill('6');
    await ip.getByLabel('Place').fill('Richmond field 2');
    await ip.getByRole('button', { name: 'Schedule the class' }).click();
    expect(await textOf(flash(ip))).toContain('The class on 2026-09-15 is scheduled');
    await expectAccessible(h, ip, '/training/classes');
    await h.screenshotSizes(ip, 'training-classes');

    // The coach registers on their Training page.
    const cp = await h.newPage();
    await h.logIn(cp, coach);
    await cp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click();
    await heading(cp, 'Your trainings').waitFor();
    await cp.getByRole('button', { name: 'Register for 10U Coach: Field session on 2026-09-15' }).click();
    expect(await textOf(flash(cp))).toContain('You are registered');
    expect((await h.lastMail({ to: coach.email, kind: 'training.class.registered' })).text).toContain('Richmond field 2');

    // The instructor opens the roster: crediting someone who did not register is refused.
    await ip.goto(h.url('/training/classes'));
    await ip.getByRole('link', { name: 'Roster of 10U Coach: Field session on 2026-09-15' }).click();
    await heading(ip, 'Roster: 10U Coach: Field session').waitFor();
    await ip.getByLabel('Someone else attended? Their email').fill(walkIn.email);
    await ip.getByRole('button', { name: 'Credit the attendees' }).click();
    expect(await textOf(ip.getByRole('alert'))).toContain('Walter Walkin did not register for this class. Only registered attendees can be credited: ask them to register first');

    // Then credits the registered coach.
    await ip.getByLabel('Someone else attended? Their email').fill('');
    await ip.getByRole('checkbox', { name: 'Carla Coach attended' }).check();
    await ip.getByRole('button', { name: 'Credit the attendees' }).click();
    expect(await textOf(flash(ip))).toBe('1 attendee credited.');
    const row = ip.getByRole('region', { name: 'Registered attendees' }).getByRole('row').filter({ hasText: 'Carla Coach' });
    expect(await textOf(row)).toContain('Credited');
    await expectAccessible(h, ip, '/training/classes/:id');
    await h.screenshotSizes(ip, 'training-roster');
    expect(h.browserErrors(ip)).toEqual([]);

    // The coach now has the completion and its certificate.
    expect((await h.lastMail({ to: coach.email, kind: 'training.class.credited' })).text).toContain('Ines Trainer credited you with 10U Coach: Field session');
    await cp.reload();
    const line = cp.getByRole('region', { name: 'Your trainings' }).getByRole('row').filter({ hasText: '10U Coach' });
    expect(await textOf(line)).toContain('Valid');
    const link = cp.getByRole('link', { name: 'PDF certificate of 10U Coach: Field session, 2026-09-15' });
    const pdf = await cp.request.get(h.url((await link.getAttribute('href'))!));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(h, cp, '/training');
    await h.screenshotSizes(cp, 'training-volunteer');
    expect(h.browserErrors(cp)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../region/index.js';
import { isPlaceholderEmail, setupProgress, setupSteps, type SetupFacts, type StepId } from './checklist.rules.js';

const TODAY = '2026-09-15';

/** A region just installed: defaults everywhere, nothing set. */
function fresh(over: Partial<SetupFacts> = {}): SetupFacts {
  return {
    baseUrl: 'http://localhost:3000',
    listenHost: '0.0.0.0',
    mailDelivers: false,
    config: defaultRegionConfig(TODAY),
    today: TODAY,
    savedWhole: false,
    screeningKey: null,
    coachAdministrators: [],
    ...over,
  };
}

const step = (f: SetupFacts, id: StepId) => setupSteps(f).find((s) => s.id === id)!;

/** A region set up by its administrator. */
function ready(): SetupFacts {
  const config = defaultRegionConfig(TODAY);
  config.region.contacts = [
    { role: 'coach-administrator', name: 'Casey Coach', email: 'casey@region92.org' },
    { role: 'registrar', name: 'Riley Reg', email: 'riley@region92.org' },
  ];
  config.membershipYears[0]!.seasons[0]!.startDate = '2026-08-15';
  config.fields.push({ id: 'recreation-park', name: 'Recreation Park', address: '401 Sheldon St', capacity: 4 });
  return fresh({ baseUrl: 'https://coaches.region92.org', mailDelivers: true, config, screeningKey: 'ab:cd:ef', coachAdministrators: ['Casey Coach'] });
}

describe('the first-run checklist', () => {
  it('lists the seven steps in order, none done on a fresh region', () => {
    const steps = setupSteps(fresh());
    expect(steps.map((s) => s.id)).toEqual(['public-address', 'mail', 'contacts', 'screening-key', 'seasons', 'fields', 'coach-administrator']);
    expect(steps.filter((s) => s.done)).toEqual([]);
    expect(setupProgress(steps)).toEqual({ done: 0, total: 7, complete: false });
  });

  it('marks every step done on a region that is set up, and the checklist complete', () => {
    const steps = setupSteps(ready());
    expect(steps.filter((s) => !s.done).map((s) => s.id)).toEqual([]);
    expect(setupProgress(steps).complete).toBe(true);
  });

  it('public address: names the variable to set and what it affects while it is localhost', () => {
    const s = step(fresh(), 'public-address');
    expect(s.setting?.variable).toBe('TOUCHLINE_BASE_URL');
    expect(s.detail).toContain('http://localhost:3000');
    expect(s.detail).toMatch(/links in mails, QR codes on badges and calendar feeds/i);
    expect(step(fresh({ baseUrl: 'http://127.0.0.1:3000' }), 'public-address').done).toBe(false);
    expect(step(fresh({ baseUrl: 'http://192.168.1.20:3000' }), 'public-address').done).toBe(true);
  });

  it('mail: done only when SMTP_URL is set, pointing to the outbox either way', () => {
    expect(step(fresh(), 'mail')).toMatchObject({ done: false, setting: { variable: 'SMTP_URL' }, link: { href: '/admin/outbox' } });
    expect(step(fresh({ mailDelivers: true }), 'mail').done).toBe(true);
  });

  it('board contacts: sample emails and missing contacts are named', () => {
    const s = step(fresh(), 'contacts');
    expect(s.done).toBe(false);
    expect(s.detail).toContain('coach-admin@region.example');
    expect(s.link?.href).toBe('/admin/region#f-coachAdminName');
    const c = ready().config;
    c.region.contacts = c.region.contacts.filter((k) => k.role !== 'registrar');
    const missing = step(fresh({ config: c }), 'contacts');
    expect(missing.done).toBe(false);
    expect(missing.detail).toContain('No registrar contact yet');
    expect(step(ready(), 'contacts').detail).toContain('Casey Coach (casey@region92.org)');
  });

  it('screening key: done once a public key is stored, linking to the key page', () => {
    expect(step(fresh(), 'screening-key')).toMatchObject({ done: false, link: { href: '/safety/key', label: 'Make the screening key' } });
    expect(step(fresh({ screeningKey: '12:34' }), 'screening-key').detail).toContain('12:34');
  });

  it('season dates: the sample dates are not done until changed or confirmed by saving the file', () => {
    const s = step(fresh(), 'seasons');
    expect(s).toMatchObject({ done: false, link: { href: '/admin/region/json' } });
    expect(step(fresh({ savedWhole: true }), 'seasons').done).toBe(true);
    const changed = defaultRegionConfig(TODAY);
    changed.membershipYears[0]!.seasons[1]!.endDate = '2027-06-15';
    expect(step(fresh({ config: changed }), 'seasons')).toMatchObject({ done: true, detail: 'Fall 2026 runs from 2026-08-01 to 2026-12-31.' });
  });

  it('season dates: a configuration whose seasons have all ended asks for the next membership year', () => {
    const s = step(fresh({ today: '2027-08-02', savedWhole: true }), 'seasons');
    expect(s.done).toBe(false);
    expect(s.detail).toContain('add the next membership year');
  });

  it('fields: the sample fields are not the region own; one field of its own is enough', () => {
    const s = step(fresh(), 'fields');
    expect(s).toMatchObject({ done: false, link: { href: '/admin/region/fields/new' } });
    expect(s.detail).toContain('Richmond');
    const none = defaultRegionConfig(TODAY);
    none.fields = [];
    expect(step(fresh({ config: none }), 'fields').detail).toContain('No field yet');
    const edited = defaultRegionConfig(TODAY);
    edited.fields[0]!.address = '600 Richmond St';
    expect(step(fresh({ config: edited }), 'fields').done).toBe(true);
    expect(step(fresh({ savedWhole: true }), 'fields').done).toBe(true);
  });

  it('first coach administrator: names them once someone holds the role for the season', () => {
    expect(step(fresh(), 'coach-administrator')).toMatchObject({ done: false, link: { href: '/admin/people' } });
    expect(step(fresh(), 'coach-administrator').detail).toContain('Fall 2026');
    expect(step(fresh({ coachAdministrators: ['Casey Coach'] }), 'coach-administrator')).toMatchObject({ done: true, detail: 'Coach administrator for Fall 2026: Casey Coach.' });
  });
});

describe('placeholder emails', () => {
  it('knows the domains reserved for examples', () => {
    for (const e of ['a@region.example', 'a@example.org', 'a@EXAMPLE.com', 'x@touchline.invalid', 'x@foo.test', 'x@localhost', 'nodomain'])
      expect(isPlaceholderEmail(e), e).toBe(true);
    for (const e of ['a@region92.org', 'a@example.org.au', 'a@examples.com', 'a@gmail.com']) expect(isPlaceholderEmail(e), e).toBe(false);
  });
});

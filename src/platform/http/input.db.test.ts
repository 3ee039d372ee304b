import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSession, makeActor, postForm, type TestActor } from '../../testing/actors.js';
import { openTestApp, testDialects, type TestApp } from '../../testing/harness.js';

/** A long value no compression shrinks (PostgreSQL's indexes compress a repeated one). */
function letters(n: number): string {
  let x = 11;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += String.fromCharCode(97 + ((x >> 16) % 26));
  }
  return out;
}

function multipart(fields: Record<string, string>): { payload: string; headers: Record<string, string> } {
  const b = 'fuzzboundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${b}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const file = `--${b}\r\ncontent-disposition: form-data; name="file"; filename="players.csv"\r\ncontent-type: text/csv\r\n\r\nPlayerID\r\n`;
  return { payload: `${parts.join('')}${file}--${b}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

for (const dialect of testDialects()) {
  describe(`hostile input over HTTP (${dialect})`, () => {
    let t: TestApp;
    let admin: TestActor;
    beforeAll(async () => {
      t = await openTestApp(dialect);
      admin = await makeActor(t.deps, ['coach-administrator', 'region-administrator', 'registrar']);
    });
    afterAll(async () => t?.close());

    const json = (method: string, url: string, payload: unknown, headers: Record<string, string> = admin.bearer) =>
      t.app.inject({ method: method as 'POST', url, headers, payload: payload as object });

    it('refuses a NUL byte with 422 naming the field, also anonymously at the login API and the sign-up form', async () => {
      const api = await json('POST', '/api/v1/session', { email: 'coach\u0000@example.org', password: 'correct horse battery' }, {});
      expect(api.statusCode).toBe(422);
      expect(api.json().error).toMatchObject({ code: 'VALIDATION', details: { field: 'email' } });
      expect(api.json().error.message).toContain('email: contains the control character U+0000');
      const browser = await browserSession(t.app);
      const form = await postForm(t.app, '/signup', browser, { firstName: 'Ann\u0000', lastName: 'Lee', email: 'ann@example.org', password: 'correct horse battery' });
      expect(form.statusCode).toBe(422);
      expect(form.body).toContain('firstName: contains the control character U+0000');
    });

    it('refuses a 5,000-character email with 422 at the login API, the sign-up form and the people API', async () => {
      const email = `${letters(5_000)}@example.org`;
      const api = await json('POST', '/api/v1/session', { email, password: 'correct horse battery' }, {});
      expect(api.statusCode).toBe(422);
      expect(api.json().error.message).toContain('email: at most 254 characters');
      const form = await postForm(t.app, '/signup', await browserSession(t.app), { firstName: 'Ann', lastName: 'Lee', email, password: 'correct horse battery' });
      expect(form.statusCode).toBe(422);
      expect(form.body).toContain('at most 254 characters');
      const people = await json('POST', '/api/v1/people', { firstName: 'Ann', lastName: 'Lee', email });
      expect(people.statusCode).toBe(422);
    });

    it('takes JSON types as sent in the API: a number is not a name, null is not Sunday', async () => {
      const token = await json('POST', '/api/v1/me/tokens', { name: 12 });
      expect(token.statusCode).toBe(422);
      expect(token.json().error.message).toContain('name: must be string');
      const slot = await json('POST', '/api/v1/practice/slots', { fieldId: 'brett', weekday: null, start: '09:00', end: '10:00', capacity: 4 });
      expect(slot.statusCode).toBe(422);
      expect(slot.json().error.message).toContain('weekday');
      expect((await json('PUT', '/api/v1/notifications/weekly', { on: 'true' })).statusCode).toBe(422);
      expect((await json('PUT', '/api/v1/notifications/weekly', { on: true })).statusCode).toBe(200);
    });

    it('refuses a property the API does not know, naming it, and stores nothing of it', async () => {
      const extra = letters(5_000);
      const r = await json('POST', '/api/v1/practice/windows', { fieldId: 'brett', weekdays: [1], startTime: '17:00', endTime: '18:00', notes: extra });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.message).toContain('notes: is not a field of this request');
      expect(r.body).not.toContain(extra.slice(0, 81));
      const rows = await t.deps.db.selectFrom('audit_log').select(['after_json']).execute();
      expect(rows.filter((row) => row.after_json?.includes(extra.slice(0, 100)))).toEqual([]);
    });

    it('answers 400 to nesting deeper than the limit', async () => {
      let deep: unknown = 'x';
      for (let i = 0; i < 100; i++) deep = { a: deep };
      const r = await json('POST', '/api/v1/me/tokens', { name: deep });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('BAD_REQUEST');
    });

    it('quotes at most about 80 characters of what was sent, and refuses a body past the limit before reading it', async () => {
      const season = letters(9_000);
      const r = await json('POST', '/api/v1/games', { season, date: '2026-10-03', time: '10:00', field: 'brett', home: 'a', away: 'b' });
      expect(r.statusCode).toBe(422);
      expect(r.body).not.toContain(season.slice(0, 81));
      expect(r.body.length).toBeLessThan(1_000);
      const huge = await json('POST', '/api/v1/formations', { season: '2026-fall', division: 'x'.repeat(10 * 1024 * 1024), program: 'core' });
      expect(huge.statusCode).toBe(413);
      expect(huge.body.length).toBeLessThan(1_000);
      const longPath = await t.app.inject({ method: 'GET', url: `/api/v1/games/${season.slice(0, 500)}`, headers: admin.bearer });
      expect(longPath.statusCode).toBe(400);
      expect(longPath.json().error.code).toBe('BAD_REQUEST');
      expect(longPath.body).not.toContain(season.slice(0, 81));
    });

    it('guards the text fields of an upload form too', async () => {
      const m = multipart({ season: '2026-fall\u0000' });
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/players/import', headers: { ...admin.bearer, ...m.headers }, payload: m.payload });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.message).toContain('season: contains the control character U+0000');
    });
  });
}

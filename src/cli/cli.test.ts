import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'touchline-cli-'));
const dbFile = join(dir, 'region.db');

/** Runs the real `touchline` binary, as a region volunteer would. */
function touchline(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/touchline.js', ...args], {
    env: { ...process.env, TOUCHLINE_DB: dbFile, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the touchline command', { timeout: 120_000 }, () => {
  beforeAll(() => {
    const r = touchline(['migrate']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('has --help on every command and exits 0', () => {
    const r = touchline(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['serve', 'migrate', 'region', 'admin', 'token', 'backup', 'restore', 'demo']) expect(r.out).toContain(c);
    expect(touchline(['region', 'import', '--help']).code).toBe(0);
  });

  it('exits 2 with a one-line reason on bad input', () => {
    const unknown = touchline(['frobnicate']);
    expect(unknown.code).toBe(2);
    const short = touchline(['admin', 'create', '--email', 'a@example.org', '--password', 'short']);
    expect(short.code).toBe(2);
    expect(short.err.trim().split('\n')).toHaveLength(1);
    expect(short.err).toContain('at least 10 characters');
    const badPort = touchline(['migrate'], { PORT: 'abc' });
    expect(badPort.code).toBe(2);
    expect(badPort.err).toContain('PORT="abc"');
  });

  it('creates an administrator and prints only a token for them', () => {
    expect(touchline(['admin', 'create', '--email', 'Admin@Example.org', '--password', 'a long password']).code).toBe(0);
    const r = touchline(['token', 'create', '--email', 'admin@example.org']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^tl_[\w-]{43}\n$/);
    const db = new SQLite(dbFile, { readonly: true });
    const roles = db.prepare("select role from role_grants join people on people.id = person_id where email = 'admin@example.org'").all();
    db.close();
    expect(roles).toEqual([{ role: 'region-administrator' }]);
    const nobody = touchline(['token', 'create', '--email', 'nobody@example.org']);
    expect(nobody.code).toBe(2);
    expect(nobody.out).toBe('');
  });

  it('exports the region and imports it back; a bad file changes nothing', () => {
    const file = join(dir, 'region.json');
    expect(touchline(['region', 'export', '--out', file]).code).toBe(0);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.region.name = 'Harbor';
    writeFileSync(file, JSON.stringify(doc));
    const ok = touchline(['region', 'import', file]);
    expect(ok.code).toBe(0);
    doc.fields.push({ id: 'x', name: 'X', address: '', capacity: 0 });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(doc));
    const bad = touchline(['region', 'import', join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('capacity');
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    expect(touchline(['region', 'import', join(dir, 'broken.json')]).code).toBe(2);
    const now = JSON.parse(touchline(['region', 'export']).out);
    expect(now.region.name).toBe('Harbor');
    expect(now.fields.map((f: { id: string }) => f.id)).not.toContain('x');
  });

  it('backs up while running and restores, refusing what is not a backup', () => {
    const backup = join(dir, 'backup.db');
    expect(touchline(['backup', backup]).code).toBe(0);
    expect(existsSync(backup)).toBe(true);
    expect(touchline(['backup', backup]).code).toBe(2);
    touchline(['admin', 'create', '--email', 'later@example.org', '--password', 'a long password']);
    expect(touchline(['restore', backup]).code).toBe(0);
    const db = new SQLite(dbFile, { readonly: true });
    const later = db.prepare("select id from people where email = 'later@example.org'").all();
    db.close();
    expect(later).toEqual([]);
    writeFileSync(join(dir, 'junk.db'), 'not a database');
    const junk = touchline(['restore', join(dir, 'junk.db')]);
    expect(junk.code).toBe(2);
    expect(junk.err).toContain('not a Touchline backup');
    const pgBackup = touchline(['backup', join(dir, 'x.db')], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(pgBackup.code).toBe(2);
    expect(pgBackup.err).toContain('pg_dump');
  });

  it('fills a deterministic demo once', () => {
    const r = touchline(['demo', '--seed', '7', '--password', 'demo password 1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\d{3} people with \d{3} roles/);
    const again = touchline(['demo', '--seed', '7', '--password', 'demo password 1']);
    expect(again.code).toBe(2);
    expect(touchline(['demo', '--seed', 'x']).code).toBe(2);
  });
});

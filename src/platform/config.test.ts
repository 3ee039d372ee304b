import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from './config.js';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    return (e as ConfigError).problems;
  }
};

describe('loadConfig', () => {
  it('defaults to port 3000 and the SQLite file ./data/touchline.db', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.sqliteFile).toBe('./data/touchline.db');
    expect(c.databaseUrl).toBeNull();
    expect(c.baseUrl).toBe('http://localhost:3000');
    expect(c.secureCookies).toBe(false);
  });
  it('reads PORT, TOUCHLINE_DB, DATABASE_URL and BASE_URL', () => {
    const c = loadConfig({ PORT: '8080', TOUCHLINE_DB: '/tmp/x.db', DATABASE_URL: 'postgres://u@h:5432/d', TOUCHLINE_BASE_URL: 'https://coaches.example.org/' });
    expect(c).toMatchObject({ port: 8080, sqliteFile: '/tmp/x.db', databaseUrl: 'postgres://u@h:5432/d', baseUrl: 'https://coaches.example.org', secureCookies: true });
  });
  it.each([
    [{ PORT: 'abc' }, /PORT="abc" is not a port number/],
    [{ PORT: '70000' }, /PORT="70000"/],
    [{ PORT: '0' }, /PORT="0"/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres:\/\//],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a URL/],
    [{ TOUCHLINE_BASE_URL: 'ftp://x' }, /TOUCHLINE_BASE_URL must start with http:\/\/ or https:\/\//],
    [{ SMTP_URL: 'http://mail' }, /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
    [{ SECURE_COOKIES: 'maybe' }, /SECURE_COOKIES="maybe" is not a yes\/no value/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL="loud" is not one of/],
    [{ TOUCHLINE_DB: ' ' }, /TOUCHLINE_DB is empty/],
    [{ MAIL_FROM: 'nobody' }, /MAIL_FROM="nobody" has no email address/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    const p = problems(env as Record<string, string>);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(message);
  });
  it('reports every problem at once', () => {
    expect(problems({ PORT: 'x', LOG_LEVEL: 'y' })).toHaveLength(2);
  });
});

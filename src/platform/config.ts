/**
 * Process configuration: read once from the environment, validated, typed. Every wrong value is
 * reported with the variable's name and what to write instead, all problems at once.
 */
export interface Config {
  port: number;
  host: string;
  /** SQLite file, used when databaseUrl is empty. */
  sqliteFile: string;
  /** postgres://… when set: PostgreSQL instead of SQLite. */
  databaseUrl: string | null;
  baseUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  secureCookies: boolean;
  trustProxy: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function bool(env: NodeJS.ProcessEnv, name: string, problems: string[], fallback: boolean): boolean {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  problems.push(`${name}="${v}" is not a yes/no value: write true or false.`);
  return fallback;
}

function url(env: NodeJS.ProcessEnv, name: string, schemes: string[], problems: string[]): string | null {
  const v = env[name];
  if (!v) return null;
  try {
    const u = new URL(v);
    if (!schemes.includes(u.protocol.replace(':', ''))) {
      problems.push(`${name} must start with ${schemes.map((s) => `${s}://`).join(' or ')} (got "${u.protocol}//…").`);
      return null;
    }
    return v;
  } catch {
    problems.push(`${name} is not a URL: write it like ${schemes[0]}://user@host:port/…`);
    return null;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) problems.push(`PORT="${portText}" is not a port number: write a whole number from 1 to 65535 (default 3000).`);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres', 'postgresql'], problems);
  const sqliteFile = env.TOUCHLINE_DB ?? './data/touchline.db';
  if (!sqliteFile.trim()) problems.push('TOUCHLINE_DB is empty: give a file path such as ./data/touchline.db, or unset it.');
  const baseUrl = (url(env, 'TOUCHLINE_BASE_URL', ['http', 'https'], problems) ?? `http://localhost:${port || 3000}`).replace(/\/+$/, '');
  const smtpUrl = url(env, 'SMTP_URL', ['smtp', 'smtps'], problems);
  const mailFrom = env.MAIL_FROM ?? 'Touchline <no-reply@touchline.invalid>';
  if (!/@/.test(mailFrom)) problems.push(`MAIL_FROM="${mailFrom}" has no email address: write it like "Region 92 <coaches@example.org>".`);
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL="${env.LOG_LEVEL}" is not one of ${LOG_LEVELS.join(', ')}.`);
  const secureCookies = bool(env, 'SECURE_COOKIES', problems, baseUrl.startsWith('https://'));
  const trustProxy = bool(env, 'TRUST_PROXY', problems, false);
  if (problems.length) throw new ConfigError(problems);
  return { port, host: env.HOST ?? '0.0.0.0', sqliteFile, databaseUrl, baseUrl, smtpUrl, mailFrom, logLevel, secureCookies, trustProxy };
}

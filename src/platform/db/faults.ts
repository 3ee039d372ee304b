/*
 * Which database errors mean "the database cannot be reached right now" (answered 503
 * DATABASE_UNAVAILABLE: try again, nothing is wrong with the request) as opposed to a fault in a
 * query or in the data (a 500 worth a look). The portal keeps running through such an outage and
 * serves again by itself once the database is back: the pool drops broken connections and opens
 * new ones for the next requests.
 */

/**
 * No connection could be had from the pool: PostgreSQL refused or did not answer in time, is
 * starting up or shutting down, has no free connection slot, or refused the login. Whatever the
 * cause, the request could not reach the database; the cause is kept for the log.
 */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The database cannot be reached: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/** Socket errors of a connection that was lost or could not be made. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs of a server that went away or cannot take us now: 57P01 admin_shutdown
 * (a restart, a failover, pg_terminate_backend), 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up, shutting down, in recovery), 53300 too_many_connections, and class 08, connection
 * exceptions. Not 57014 (a cancelled or timed-out statement: that query's own fault) nor 40001/40P01
 * (retried by inTransaction).
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** The pg driver's own errors for a lost or unobtainable connection carry no code, only these texts. */
const DRIVER_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect$/, /is not queryable$/];

/**
 * SQLite: SQLITE_BUSY (and its extended codes) comes only after waiting out busy_timeout for
 * another process that holds the file (a restore, a long import from the command line): the
 * database is there but not ours for now, so the request may simply be tried again. Other SQLite
 * errors (I/O, a full disk, a corrupt file) need the operator and stay 500s.
 */
const isSqliteBusy = (code: string) => code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_');

function oneIsUnavailable(e: unknown): boolean {
  if (e instanceof DatabaseUnavailableError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const code = String((e as { code?: unknown }).code ?? '');
  if (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || isSqliteBusy(code)) return true;
  const message = (e as { message?: unknown }).message;
  return !code && typeof message === 'string' && DRIVER_MESSAGES.some((m) => m.test(message));
}

/** True when `e` (or what caused it) says the database cannot be reached right now. */
export function isDatabaseUnavailable(e: unknown): boolean {
  let cur: unknown = e;
  for (let depth = 0; depth < 4 && cur; depth++) {
    if (oneIsUnavailable(cur)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

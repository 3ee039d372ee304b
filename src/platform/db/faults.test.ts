import { describe, expect, it } from 'vitest';
import { classify } from '../http/errors.js';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './faults.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('which database errors mean "unavailable"', () => {
  it.each([
    ['a terminated backend (57P01 admin_shutdown)', withCode('57P01', 'terminating connection due to administrator command')],
    ['a crashed server (57P02)', withCode('57P02')],
    ['a server starting up or shutting down (57P03)', withCode('57P03', 'the database system is starting up')],
    ['no free connection slot (53300)', withCode('53300', 'sorry, too many clients already')],
    ['a connection exception (class 08)', withCode('08006', 'connection failure')],
    ['a connection that does not exist (08003)', withCode('08003')],
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET', 'read ECONNRESET')],
    ['a write to a closed socket', withCode('EPIPE')],
    ['a host that cannot be reached', withCode('EHOSTUNREACH')],
    ["pg's lost connection", new Error('Connection terminated unexpectedly')],
    ["pg's connect timeout", new Error('Connection terminated due to connection timeout')],
    ["pg-pool's wait for a connection", new Error('timeout exceeded when trying to connect')],
    ['a client whose connection failed', new Error('Client has encountered a connection error and is not queryable')],
    ['no connection from the pool, whatever the cause', new DatabaseUnavailableError(withCode('28P01', 'password authentication failed'))],
    ['SQLite busy past its timeout (another process holds the file)', withCode('SQLITE_BUSY', 'database is locked')],
    ['SQLite busy while recovering', withCode('SQLITE_BUSY_RECOVERY')],
    ['an error caused by one of these', new Error('outer', { cause: withCode('57P01') })],
  ])('%s', (_what, e) => {
    expect(isDatabaseUnavailable(e)).toBe(true);
    expect(classify(e)).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
  });

  it.each([
    ['a unique violation (23505)', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a cancelled or timed-out statement (57014)', withCode('57014', 'canceling statement due to statement timeout')],
    ['a serialization failure (40001, retried by inTransaction)', withCode('40001')],
    ['a syntax error (42601)', withCode('42601')],
    ['a bad byte sequence (22021)', withCode('22021')],
    ['an SQLite constraint', withCode('SQLITE_CONSTRAINT_UNIQUE')],
    ['an SQLite I/O error (the operator must look)', withCode('SQLITE_IOERR')],
    ['a full disk', withCode('SQLITE_FULL')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a code that merely mentions a termination', withCode('E_OTHER', 'Connection terminated unexpectedly')],
    ['nothing at all', undefined],
    ['a string', 'Connection terminated'],
  ])('not %s', (_what, e) => {
    expect(isDatabaseUnavailable(e)).toBe(false);
    expect(classify(e).code).not.toBe('DATABASE_UNAVAILABLE');
  });
});

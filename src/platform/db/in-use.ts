import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';

/**
 * True when another process has the SQLite file open: a running portal, or a touchline command.
 *
 * Asked of SQLite's own locks rather than of a pid file, so that a portal killed with -9 (whose
 * locks the system releases) does not block a restore forever, and a reused pid never fakes one.
 * Touchline opens its file in WAL mode, and every connection to a WAL database holds a shared lock
 * on its shared-memory file for as long as it is open, idle or not; leaving WAL mode needs that no
 * other connection has the file open. So the probe tries to leave WAL mode, without waiting: SQLite
 * answers SQLITE_BUSY while anyone else has the file open. When the probe succeeds the file goes
 * back to WAL mode (the next portal would set it anyway).
 */
export function sqliteFileInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const probe = new SQLite(file, { fileMustExist: true });
  try {
    probe.pragma('busy_timeout = 0');
    if (probe.pragma('journal_mode', { simple: true }) !== 'wal') return false;
    probe.pragma('journal_mode = DELETE');
    probe.pragma('journal_mode = WAL');
    return false;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY')) return true;
    // A file that is not (or no longer) a database is open in no portal: a restore may replace it.
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return false;
    throw e;
  } finally {
    probe.close();
  }
}

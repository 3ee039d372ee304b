/**
 * Test support for the trainings feature: the whole app on a test database, completions and
 * classes made directly in the database, mails sent, multipart upload bodies.
 */
import { newId } from '../platform/clock.js';
import type { Deps } from '../platform/feature.js';
import type { Dialect } from '../platform/db/database.js';
import { openTestApp, TEST_NOW, type TestApp } from '../testing/harness.js';
import { insertSession, type ClassSession } from './classes/classes.store.js';
import { insertCompletionIfNew } from './training.store.js';

/** The whole app on a fresh test database (the shared harness; kept as the feature's entry point). */
export function openTrainingApp(dialect: Dialect = 'sqlite', now = TEST_NOW): Promise<TestApp> {
  return openTestApp(dialect, { now });
}

/** A class session straight in the database (any date, past ones included). */
export async function seedSession(deps: Pick<Deps, 'db'>, s: Partial<ClassSession> & { instructorId: string }): Promise<ClassSession> {
  const session: ClassSession = {
    id: newId(),
    training: 'coach-12u',
    part: 'in-person',
    date: '2026-10-03',
    startTime: '09:00',
    endTime: '15:00',
    place: 'Brett Field clubhouse',
    capacity: 10,
    createdAt: TEST_NOW,
    cancelledAt: null,
    ...s,
  };
  await insertSession(deps.db, session);
  return session;
}

/** A completion straight in the database (source online). */
export async function seedCompletion(deps: Pick<Deps, 'db'>, personId: string, training: string, part: string, completedOn: string): Promise<void> {
  await insertCompletionIfNew(deps.db, { personId, training, part, completedOn, source: 'online', classSessionId: null, recordedBy: null, recordedAt: TEST_NOW });
}

/** Mail in the outbox to one address, oldest first. */
export async function mailTo(deps: Pick<Deps, 'db'>, to: string) {
  return deps.db.selectFrom('outbox').selectAll().where('to_address', '=', to.toLowerCase()).orderBy('created_at').orderBy('id').execute();
}

/** A multipart/form-data body as a browser sends it: text fields and one file. */
export function multipartBody(
  fields: Record<string, string>,
  file?: { name?: string; fileName: string; contentType: string; data: Uint8Array },
): { payload: Buffer; contentType: string } {
  const boundary = `----touchline${newId().replace(/[^A-Za-z0-9]/g, '')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name ?? 'file'}"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`),
    );
    chunks.push(Buffer.from(file.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

import { AppError } from '../platform/errors.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import { writeCsv } from '../platform/csv.js';
import { checkPublicKey, keyFingerprint, openPrivateKey, unsealSsn } from './screening.crypto.js';
import { countSealedPending, getScreeningPublicKey, putScreeningPublicKey, sealedPending } from './applications.store.js';

/** The screening key's life: set up (public half in app_meta), status, and the export for the check. */

export interface ScreeningStatus {
  ready: boolean;
  fingerprint: string | null;
  /** Sealed numbers waiting to be exported for the background check. */
  pendingSealed: number;
}

export async function screeningStatus(db: Db): Promise<ScreeningStatus> {
  const pem = await getScreeningPublicKey(db);
  let fingerprint: string | null = null;
  try {
    fingerprint = pem ? checkPublicKey(pem) : null;
  } catch {
    fingerprint = null;
  }
  return { ready: fingerprint !== null, fingerprint, pendingSealed: await countSealedPending(db) };
}

/**
 * Stores the region's screening public key. An existing key is replaced only when asked
 * (`replace`): numbers sealed with it then need the OLD private key to be exported.
 */
export async function storeScreeningKey(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  publicPem: string,
  replace: boolean,
): Promise<{ fingerprint: string; replaced: string | null; pendingSealed: number }> {
  const fingerprint = checkPublicKey(publicPem);
  return deps.db.transaction().execute(async (trx) => {
    const old = await getScreeningPublicKey(trx);
    if (old && !replace) {
      throw new AppError(
        'CONFLICT',
        'The region already has a screening key: numbers sealed with it need its private key. To replace it anyway, add --replace (and keep the old private key until every pending check is exported).',
      );
    }
    const replaced = old ? safeFingerprint(old) : null;
    await putScreeningPublicKey(trx, publicPem);
    await recordAudit(trx, {
      actor,
      at: deps.clock.now().toISOString(),
      action: 'screening.key',
      entity: 'screening-key',
      entityId: 'current',
      before: replaced ? { fingerprint: replaced } : undefined,
      after: { fingerprint },
    });
    return { fingerprint, replaced, pendingSealed: await countSealedPending(trx) };
  });
}

function safeFingerprint(pem: string): string {
  try {
    return keyFingerprint(pem);
  } catch {
    return 'unreadable key';
  }
}

export const EXPORT_HEADER = ['person id', 'name', 'date of birth', 'email', 'ssn'] as const;

export interface ScreeningExport {
  /** CSV text (header + one row per number opened). Holds full numbers: never store it in Touchline. */
  csv: string;
  count: number;
  /** Applications whose number this key cannot open (sealed with another key). */
  failed: { applicationId: string; personId: string; name: string }[];
  /** False when the key given is not the region's current screening key. */
  keyIsCurrent: boolean;
}

const dashed = (d: string) => (/^\d{9}$/.test(d) ? `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}` : d);

/**
 * Opens the pending sealed numbers with the safety director's private key, for the background
 * check. Nothing decrypted is written to the database or the log; the export itself is audited
 * (who, when, how many), never its content.
 */
export async function exportPendingSsns(deps: { db: Db; clock: Clock }, actor: Actor, privatePem: string, passphrase?: string): Promise<ScreeningExport> {
  const key = openPrivateKey(privatePem, passphrase);
  const current = await getScreeningPublicKey(deps.db);
  const keyIsCurrent = current !== null && safeFingerprint(current) === keyFingerprint(key);
  const rows: string[][] = [];
  const failed: ScreeningExport['failed'] = [];
  for (const r of await sealedPending(deps.db)) {
    const ssn = unsealSsn(key, r.sealed);
    if (ssn === null) failed.push({ applicationId: r.applicationId, personId: r.personId, name: r.name });
    else rows.push([r.personId, r.name, r.birthDate, r.email ?? '', dashed(ssn)]);
  }
  await recordAudit(deps.db, {
    actor,
    at: deps.clock.now().toISOString(),
    action: 'screening.export',
    entity: 'screening-key',
    entityId: 'current',
    after: { exported: rows.length, notOpened: failed.length },
  });
  return { csv: writeCsv(EXPORT_HEADER, rows), count: rows.length, failed, keyIsCurrent };
}

import { AppError } from '../platform/errors.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import type { Mailer } from '../platform/mail.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import { writeCsv } from '../platform/csv.js';
import { findSeason, getRegionConfig } from '../region/index.js';
import { checkNewPublicKey, checkPublicKey, keyFingerprint, openPrivateKey, unsealSsn } from './screening.crypto.js';
import { awaitingScreeningKey, countSealedPending, getScreeningPublicKey, putScreeningPublicKey, sealedPending } from './applications.store.js';

/** The screening key's life: set up (public half in app_meta), status, and the export for the check. */

export interface ScreeningStatus {
  ready: boolean;
  fingerprint: string | null;
  /** Sealed numbers waiting to be exported for the background check. */
  pendingSealed: number;
  /** Adults whose application waits for the key to give their number. */
  awaitingKey: number;
}

export async function screeningStatus(db: Db): Promise<ScreeningStatus> {
  const pem = await getScreeningPublicKey(db);
  let fingerprint: string | null = null;
  try {
    fingerprint = pem ? checkPublicKey(pem) : null;
  } catch {
    fingerprint = null;
  }
  return { ready: fingerprint !== null, fingerprint, pendingSealed: await countSealedPending(db), awaitingKey: (await awaitingScreeningKey(db)).length };
}

export interface KeyDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  baseUrl: string;
}

/**
 * When a stored key may be replaced: `any-key` (the command line: any existing key needs
 * --replace) or `sealed-numbers` (the API and the browser: only a key that sealed pending numbers
 * needs `replace: true`, since those numbers then open only with the old private key).
 */
export type ReplaceRule = 'any-key' | 'sealed-numbers';

export interface StoredKey {
  fingerprint: string;
  /** The fingerprint of the key replaced, if any. */
  replaced: string | null;
  /** Pending sealed numbers (after the change). */
  pendingSealed: number;
  /** Pending numbers the new key cannot open (sealed with the replaced key). */
  unreadable: number;
  /** Applicants mailed that the number step is open. */
  notified: number;
}

/**
 * Stores the region's screening public key (SPKI PEM, RSA of at least 3072 bits). In the same
 * transaction, adults whose application waits for the key are mailed that they can now give their
 * number. Storing the key already in use changes nothing.
 */
export async function storeScreeningKey(deps: KeyDeps, actor: Actor, publicPem: string, replace: boolean, rule: ReplaceRule = 'any-key'): Promise<StoredKey> {
  const fingerprint = checkNewPublicKey(publicPem);
  return deps.db.transaction().execute(async (trx) => {
    const old = await getScreeningPublicKey(trx);
    const replaced = old ? safeFingerprint(old) : null;
    const sealed = await countSealedPending(trx);
    if (replaced === fingerprint) return { fingerprint, replaced: null, pendingSealed: sealed, unreadable: 0, notified: 0 };
    if (old && !replace && rule === 'any-key') {
      throw new AppError(
        'CONFLICT',
        'The region already has a screening key: numbers sealed with it need its private key. To replace it anyway, add --replace (and keep the old private key until every pending check is exported).',
      );
    }
    if (old && !replace && sealed > 0) {
      throw new AppError(
        'SCREENING_KEY_IN_USE',
        `The region's screening key (${replaced}) sealed ${sealed} pending number(s): the new key cannot open them, so they would become unreadable here (only the old private key file opens them). Keep the current key, or send "replace": true to replace it anyway.`,
        { unreadable: sealed, fingerprint: replaced },
      );
    }
    await putScreeningPublicKey(trx, publicPem);
    const at = deps.clock.now().toISOString();
    const notified = await mailAwaiting(deps, trx);
    await recordAudit(trx, {
      actor,
      at,
      action: 'screening.key',
      entity: 'screening-key',
      entityId: 'current',
      before: replaced ? { fingerprint: replaced } : undefined,
      after: { fingerprint, unreadable: old ? sealed : 0, notified },
    });
    return { fingerprint, replaced, pendingSealed: sealed, unreadable: old ? sealed : 0, notified };
  });
}

/** Mails each adult whose application waits for the key (in the caller's transaction); answers how many. */
async function mailAwaiting(deps: KeyDeps, trx: Db): Promise<number> {
  const waiting = await awaitingScreeningKey(trx);
  if (waiting.length === 0) return 0;
  const config = await getRegionConfig(trx);
  let n = 0;
  for (const w of waiting) {
    if (!w.email) continue;
    const season = findSeason(config, w.seasonId)?.season.name ?? w.seasonId;
    await deps.mailer.queue(trx, {
      to: w.email,
      kind: 'screening-ready',
      subject: `Your volunteer application: the social security number step is open (${season})`,
      text: `Hello ${w.firstName},\n\nThe region has finished setting up background checks. Your volunteer application for ${season} is waiting for your social security number: add it at ${deps.baseUrl}/volunteer ("Change your application").\n\nThe number is sealed the moment you send it, so that only the safety director can read it, for the background check alone.\n`,
    });
    n++;
  }
  return n;
}

export interface PendingSealed {
  applicationId: string;
  personId: string;
  name: string;
  birthDate: string;
  last4: string | null;
  /** base64 RSA-OAEP (SHA-256) of the nine digits: only the safety director's private key opens it. */
  sealedSsn: string;
}

/** The pending sealed numbers, oldest first, for the safety director to open in the browser. */
export async function pendingSealedNumbers(db: Db): Promise<PendingSealed[]> {
  return (await sealedPending(db)).map((r) => ({
    applicationId: r.applicationId,
    personId: r.personId,
    name: r.name,
    birthDate: r.birthDate,
    last4: r.last4,
    sealedSsn: r.sealed,
  }));
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

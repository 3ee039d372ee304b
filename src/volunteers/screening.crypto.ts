import { constants, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, privateDecrypt, publicEncrypt, type KeyObject } from 'node:crypto';
import { AppError } from '../platform/errors.js';

/**
 * The region's screening key (design.md, "Security and privacy"): social security numbers are
 * sealed with its PUBLIC half the moment they arrive, so the server, its database and its backups
 * cannot read them; only the safety director's private key file opens them, for the background
 * check. RSA 3072 with OAEP and SHA-256 (node:crypto, no dependency).
 */

export const SCREENING_KEY_BITS = 3072;

const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' } as const;

export interface ScreeningKeyPair {
  publicPem: string;
  /** PKCS#8 PEM, encrypted with AES-256 when a passphrase is given. */
  privatePem: string;
  fingerprint: string;
}

/** Makes a new key pair; the private key is encrypted with the passphrase when there is one. */
export function makeScreeningKeyPair(passphrase?: string): ScreeningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: SCREENING_KEY_BITS,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: passphrase ? { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase } : { type: 'pkcs8', format: 'pem' },
  });
  return { publicPem: publicKey, privatePem: privateKey, fingerprint: keyFingerprint(publicKey) };
}

/** SHA256:<base64> of the public key's DER form, as ssh prints it: lets people tell keys apart. */
export function keyFingerprint(key: string | KeyObject): string {
  const pub = typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
  const der = pub.export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}

/** Checks that a PEM text is an RSA public key strong enough to seal with; answers its fingerprint. */
export function checkPublicKey(pem: string): string {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new AppError(
      'SCREENING_NOT_READY',
      'The stored screening key is not a readable public key: the region administrator must set it up again (touchline screening keygen --replace).',
    );
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < 2048) {
    throw new AppError(
      'SCREENING_NOT_READY',
      'The stored screening key is not an RSA key of at least 2048 bits: the region administrator must set it up again (touchline screening keygen --replace).',
    );
  }
  return keyFingerprint(key);
}

/** Seals the nine digits with the public key (RSA-OAEP, SHA-256); answers base64 text. */
export function sealSsn(publicPem: string, digits: string): string {
  checkPublicKey(publicPem);
  return publicEncrypt({ key: publicPem, ...OAEP }, Buffer.from(digits, 'utf8')).toString('base64');
}

/**
 * Opens the private key file's text. Throws AppError KEY_UNREADABLE (a person can fix it: the
 * passphrase or the file) without ever echoing the passphrase.
 */
export function openPrivateKey(pem: string, passphrase?: string): KeyObject {
  try {
    const key = createPrivateKey({ key: pem, format: 'pem', ...(passphrase ? { passphrase } : {}) });
    if (key.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    return key;
  } catch {
    const hint = passphrase ? 'check the passphrase and that the file is the screening private key' : 'if it is protected by a passphrase, give it with --passphrase';
    throw new AppError('KEY_UNREADABLE', `The private key could not be opened: ${hint}.`);
  }
}

/** Opens one sealed number; null when it was sealed with another key (or is damaged). */
export function unsealSsn(privateKey: KeyObject, sealed: string): string | null {
  try {
    return privateDecrypt({ key: privateKey, ...OAEP }, Buffer.from(sealed, 'base64')).toString('utf8');
  } catch {
    return null;
  }
}

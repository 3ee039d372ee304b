import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  pbkdf2Sync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { AppError } from '../platform/errors.js';

/**
 * The region's screening key (design.md, "Security and privacy"): social security numbers are
 * sealed with its PUBLIC half the moment they arrive, so the server, its database and its backups
 * cannot read them; only the safety director's private key file opens them, for the background
 * check. RSA 3072 with OAEP and SHA-256 (node:crypto, no dependency).
 *
 * The private key file protected by a passphrase is one format for the command line and the
 * browser (public/screening-key.js, WebCrypto): JSON with the PKCS#8 DER key sealed by AES-256-GCM
 * under a key derived from the passphrase by PBKDF2-SHA256 (see KeyFile). Older files, PKCS#8 PEM
 * (encrypted with the passphrase or not), are still read.
 */

export const SCREENING_KEY_BITS = 3072;

const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' } as const;

export interface ScreeningKeyPair {
  publicPem: string;
  /** The private key file's text: the protected key file (JSON) with a passphrase, else PKCS#8 PEM. */
  privateFile: string;
  fingerprint: string;
}

/** Makes a new key pair; the private key file is protected by the passphrase when there is one. */
export function makeScreeningKeyPair(passphrase?: string): ScreeningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: SCREENING_KEY_BITS,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const privateFile = passphrase ? protectKeyFile(createPrivateKey(privateKey), passphrase) : privateKey;
  return { publicPem: publicKey, privateFile, fingerprint: keyFingerprint(publicKey) };
}

export const KEY_FILE_FORMAT = 'touchline-screening-key';
export const KEY_FILE_VERSION = 1;
export const KEY_FILE_ITERATIONS = 600_000;
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 10_000_000;

/** The protected private key file (JSON), read and written alike by the CLI and the browser. */
export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  version: typeof KEY_FILE_VERSION;
  algorithm: 'RSA-OAEP-3072-SHA256';
  fingerprint: string;
  publicKeyPem: string;
  /** PBKDF2 over the passphrase's UTF-8 bytes gives the 256-bit AES key. */
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-256-GCM'; iv: string };
  /** base64 of the AES-GCM ciphertext of the PKCS#8 DER key followed by its 16-byte tag. */
  encryptedPrivateKey: string;
}

/** Writes the protected key file's text for a private key. */
export function protectKeyFile(privateKey: KeyObject, passphrase: string, iterations = KEY_FILE_ITERATIONS): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const aes = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-gcm', aes, iv);
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const sealed = Buffer.concat([cipher.update(der), cipher.final(), cipher.getAuthTag()]);
  const publicKey = createPublicKey(privateKey);
  const file: KeyFile = {
    format: KEY_FILE_FORMAT,
    version: KEY_FILE_VERSION,
    algorithm: 'RSA-OAEP-3072-SHA256',
    fingerprint: keyFingerprint(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: salt.toString('base64') },
    cipher: { name: 'AES-256-GCM', iv: iv.toString('base64') },
    encryptedPrivateKey: sealed.toString('base64'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const unreadable = (why: string) => new AppError('KEY_UNREADABLE', `The private key could not be opened: ${why}.`);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function b64(v: unknown, what: string): Buffer {
  if (typeof v !== 'string' || !BASE64.test(v)) throw unreadable(`the key file's ${what} is not base64 text (choose the file as it was made)`);
  return Buffer.from(v, 'base64');
}

/** Opens the protected key file (JSON); throws KEY_UNREADABLE saying what to fix. */
function openKeyFile(text: string, passphrase: string | undefined): KeyObject {
  let file: Partial<KeyFile>;
  try {
    file = JSON.parse(text) as Partial<KeyFile>;
  } catch {
    throw unreadable('the key file is damaged (not valid JSON)');
  }
  if (file?.format !== KEY_FILE_FORMAT) throw unreadable(`the JSON file is not a Touchline screening key file ("format" must be "${KEY_FILE_FORMAT}")`);
  if (file.version !== KEY_FILE_VERSION) throw unreadable(`the key file is version ${String(file.version)}; this Touchline reads version ${KEY_FILE_VERSION}`);
  const it = file.kdf?.iterations;
  if (file.kdf?.name !== 'PBKDF2' || file.kdf.hash !== 'SHA-256' || !Number.isInteger(it) || it! < MIN_ITERATIONS || it! > MAX_ITERATIONS) {
    throw unreadable(`the key file's "kdf" must be PBKDF2 with SHA-256 and ${MIN_ITERATIONS} to ${MAX_ITERATIONS} iterations`);
  }
  if (file.cipher?.name !== 'AES-256-GCM') throw unreadable('the key file\'s "cipher" must be AES-256-GCM');
  if (!passphrase) throw unreadable('the key file is protected by a passphrase: give it with --passphrase');
  const salt = b64(file.kdf.salt, 'salt');
  const iv = b64(file.cipher.iv, 'iv');
  const sealed = b64(file.encryptedPrivateKey, 'encryptedPrivateKey');
  if (iv.length !== 12 || sealed.length < 17) throw unreadable('the key file is damaged (choose the file as it was made)');
  const aes = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, it!, 32, 'sha256');
  let der: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', aes, iv);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    der = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  } catch {
    throw unreadable('check the passphrase and that the file is the screening private key');
  }
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw unreadable('the file holds no private key Touchline can use');
  }
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
 * Opens the private key file's text: the protected key file (JSON, made by the browser or the CLI)
 * or PKCS#8 PEM, encrypted or not (older CLI files). Throws AppError KEY_UNREADABLE (a person can
 * fix it: the passphrase or the file) without ever echoing the passphrase.
 */
export function openPrivateKey(text: string, passphrase?: string): KeyObject {
  if (text.trimStart().startsWith('{')) {
    const key = openKeyFile(text.trim(), passphrase);
    if (key.asymmetricKeyType !== 'rsa') throw unreadable('the file holds no RSA private key');
    return key;
  }
  try {
    const key = createPrivateKey({ key: text, format: 'pem', ...(passphrase ? { passphrase } : {}) });
    if (key.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    return key;
  } catch {
    throw unreadable(passphrase ? 'check the passphrase and that the file is the screening private key' : 'if it is protected by a passphrase, give it with --passphrase');
  }
}

/**
 * Checks a public key sent to be the region's screening key: SPKI PEM of an RSA key of at least
 * 3072 bits. Answers its fingerprint; throws SCREENING_KEY_INVALID saying what to send.
 */
export function checkNewPublicKey(pem: string): string {
  const invalid = (why: string) =>
    new AppError(
      'SCREENING_KEY_INVALID',
      `publicKeyPem ${why}: send the public half of an RSA key of at least ${SCREENING_KEY_BITS} bits as SPKI PEM ("-----BEGIN PUBLIC KEY-----").`,
    );
  if (!/^\s*-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=\s]+-----END PUBLIC KEY-----\s*$/.test(pem)) {
    if (/PRIVATE KEY/.test(pem)) throw invalid('is a PRIVATE key, which must never leave the safety director');
    throw invalid('is not an SPKI PEM public key');
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem', type: 'spki' });
  } catch {
    throw invalid('cannot be read (damaged PEM text)');
  }
  if (key.asymmetricKeyType !== 'rsa') throw invalid(`is a ${key.asymmetricKeyType ?? 'non-RSA'} key, not RSA`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < SCREENING_KEY_BITS) throw invalid(`is an RSA key of ${bits} bits, too short`);
  return keyFingerprint(key);
}

/** Opens one sealed number; null when it was sealed with another key (or is damaged). */
export function unsealSsn(privateKey: KeyObject, sealed: string): string | null {
  try {
    return privateDecrypt({ key: privateKey, ...OAEP }, Buffer.from(sealed, 'base64')).toString('utf8');
  } catch {
    return null;
  }
}

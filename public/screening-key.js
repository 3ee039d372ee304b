/**
 * The region's screening key in the browser (WebCrypto, no library).
 *
 * - On /safety/key: makes the RSA-OAEP 3072 (SHA-256) key pair here, offers the private key as a
 *   file protected by a passphrase, and sends only the public key (SPKI PEM) to Touchline.
 * - On /safety/checks: opens that file (or a file made by `touchline screening keygen`) here and
 *   shows the pending sealed numbers in place. Neither the file, its passphrase nor any number
 *   leaves the browser.
 *
 * The protected key file (the same format `touchline screening keygen --passphrase` writes) is JSON:
 *   { "format": "touchline-screening-key", "version": 1, "algorithm": "RSA-OAEP-3072-SHA256",
 *     "fingerprint": "SHA256:…", "publicKeyPem": "-----BEGIN PUBLIC KEY-----…",
 *     "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": base64 (16 bytes) },
 *     "cipher": { "name": "AES-256-GCM", "iv": base64 (12 bytes) },
 *     "encryptedPrivateKey": base64 (AES-GCM ciphertext and 16-byte tag of the PKCS#8 DER key) }
 * The passphrase (UTF-8) gives the AES key by PBKDF2. Older CLI files are PEM: PKCS#8, plain or
 * encrypted (PBES2: PBKDF2 with HMAC-SHA1/256/384/512, AES-CBC); they are read too.
 *
 * The functions below the DOM-free line run in Node as well (globalThis.crypto), which is how the
 * tests check that the CLI and the browser read each other's files.
 */

export const KEY_FILE_FORMAT = 'touchline-screening-key';
export const KEY_FILE_VERSION = 1;
export const KEY_BITS = 3072;
export const PBKDF2_ITERATIONS = 600000;
/** Files with fewer or more iterations are refused: too weak, or made to stall the reader. */
export const MIN_ITERATIONS = 100000;
export const MAX_ITERATIONS = 10000000;
/** The browser asks for at least this many characters. */
export const MIN_PASSPHRASE = 12;

const RSA = { name: 'RSA-OAEP', hash: 'SHA-256' };

/** A problem the person can fix (the file, the passphrase, the browser): its message says how. */
export class KeyFileError extends Error {}

function subtle() {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new KeyFileError('This browser cannot handle keys on this page: open Touchline over HTTPS (or on localhost) in a current browser.');
  return s;
}

export function toBase64(bytes) {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text, what) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(text)) throw new KeyFileError(`The key file's ${what} is not base64 text: choose the screening key file itself.`);
  const bin = atob(text.replace(/\s+/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function pem(label, der) {
  const b64 = toBase64(der);
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function pemBody(text, label) {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(text);
  return m ? fromBase64(m[1], label.toLowerCase()) : null;
}

/** Makes the region's key pair (RSA-OAEP 3072, SHA-256); the private half is extractable once, to be protected. */
export function makeKeyPair() {
  return subtle().generateKey({ ...RSA, modulusLength: KEY_BITS, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['encrypt', 'decrypt']);
}

/** The public key as SPKI PEM, what Touchline stores. */
export async function publicKeyPem(publicKey) {
  return pem('PUBLIC KEY', await subtle().exportKey('spki', publicKey));
}

/** SHA256:<base64 of the SPKI DER's SHA-256, no padding>, as Touchline and the CLI print it. */
export async function fingerprintOf(publicKey) {
  const spki = await subtle().exportKey('spki', publicKey);
  return `SHA256:${toBase64(await subtle().digest('SHA-256', spki)).replace(/=+$/, '')}`;
}

async function passphraseKey(passphrase, salt, iterations, hash, cipher, bits) {
  const base = await subtle().importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', salt, iterations, hash }, base, { name: cipher, length: bits }, false, ['encrypt', 'decrypt']);
}

/** The protected key file's text (JSON, see the top of this file) for a key pair and a passphrase. */
export async function protectKeyFile(keyPair, passphrase, iterations = PBKDF2_ITERATIONS) {
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new KeyFileError('Give a passphrase to protect the private key file.');
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const aes = await passphraseKey(passphrase, salt, iterations, 'SHA-256', 'AES-GCM', 256);
  const pkcs8 = await subtle().exportKey('pkcs8', keyPair.privateKey);
  const sealed = await subtle().encrypt({ name: 'AES-GCM', iv }, aes, pkcs8);
  const file = {
    format: KEY_FILE_FORMAT,
    version: KEY_FILE_VERSION,
    algorithm: 'RSA-OAEP-3072-SHA256',
    fingerprint: await fingerprintOf(keyPair.publicKey),
    publicKeyPem: await publicKeyPem(keyPair.publicKey),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-256-GCM', iv: toBase64(iv) },
    encryptedPrivateKey: toBase64(sealed),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function importPrivate(pkcs8) {
  return subtle()
    .importKey('pkcs8', pkcs8, RSA, false, ['decrypt'])
    .catch(() => {
      throw new KeyFileError('The file holds no RSA private key Touchline can use: choose the screening private key file.');
    });
}

async function openJsonFile(text, passphrase) {
  let file;
  try {
    file = JSON.parse(text);
  } catch {
    throw new KeyFileError('The key file is damaged (it is not valid JSON): choose the file as it was downloaded.');
  }
  if (file?.format !== KEY_FILE_FORMAT) throw new KeyFileError(`This JSON file is not a Touchline screening key file (its "format" is not "${KEY_FILE_FORMAT}").`);
  if (file.version !== KEY_FILE_VERSION) throw new KeyFileError(`This key file is version ${file.version}; this page reads version ${KEY_FILE_VERSION}: update Touchline.`);
  const kdf = file.kdf ?? {};
  const iterations = kdf.iterations;
  if (kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || !Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new KeyFileError(`The key file's "kdf" must be PBKDF2 with SHA-256 and ${MIN_ITERATIONS} to ${MAX_ITERATIONS} iterations: choose the file as it was made.`);
  }
  if (file.cipher?.name !== 'AES-256-GCM') throw new KeyFileError('The key file\'s "cipher" must be AES-256-GCM: choose the file as it was made.');
  if (!passphrase) throw new KeyFileError('This key file is protected: type its passphrase.');
  const aes = await passphraseKey(passphrase, fromBase64(kdf.salt, 'salt'), iterations, 'SHA-256', 'AES-GCM', 256);
  let pkcs8;
  try {
    pkcs8 = await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(file.cipher.iv, 'iv') }, aes, fromBase64(file.encryptedPrivateKey, 'encryptedPrivateKey'));
  } catch {
    throw new KeyFileError('The passphrase does not open this key file: check it (letters, spaces and capitals count) and that this is the screening key file.');
  }
  return importPrivate(pkcs8);
}

// --- A small DER reader, for the encrypted PEM files older CLI versions wrote -------------------

function derNode(bytes, pos) {
  const tag = bytes[pos];
  let len = bytes[pos + 1];
  let start = pos + 2;
  if (len === undefined || tag === undefined) throw new KeyFileError('The encrypted key file is damaged: choose the file as it was made.');
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4) throw new KeyFileError('The encrypted key file is damaged: choose the file as it was made.');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[start + i];
    start += n;
  }
  const end = start + len;
  if (end > bytes.length) throw new KeyFileError('The encrypted key file is damaged: choose the file as it was made.');
  return { tag, start, end, bytes };
}

function derChildren(node) {
  const out = [];
  for (let p = node.start; p < node.end; ) {
    const c = derNode(node.bytes, p);
    out.push(c);
    p = c.end;
  }
  return out;
}

const derBytes = (n) => n.bytes.subarray(n.start, n.end);

function derOid(n) {
  const b = derBytes(n);
  const parts = [Math.floor(b[0] / 40), b[0] % 40];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

const derInt = (n) => derBytes(n).reduce((v, x) => v * 256 + x, 0);

const PRF = { '1.2.840.113549.2.7': 'SHA-1', '1.2.840.113549.2.9': 'SHA-256', '1.2.840.113549.2.10': 'SHA-384', '1.2.840.113549.2.11': 'SHA-512' };
const AES_CBC = { '2.16.840.1.101.3.4.1.2': 128, '2.16.840.1.101.3.4.1.22': 192, '2.16.840.1.101.3.4.1.42': 256 };

async function openEncryptedPem(der, passphrase) {
  if (!passphrase) throw new KeyFileError('This key file is protected: type its passphrase.');
  const unsupported = new KeyFileError('This encrypted key file uses a cipher this page cannot open (it reads PBES2 with PBKDF2 and AES-CBC): open it with the touchline command instead.');
  try {
    const [alg, data] = derChildren(derNode(der, 0));
    const [algOid, params] = derChildren(alg);
    if (derOid(algOid) !== '1.2.840.113549.1.5.13') throw unsupported;
    const [kdf, scheme] = derChildren(params);
    const [kdfOid, kdfParams] = derChildren(kdf);
    if (derOid(kdfOid) !== '1.2.840.113549.1.5.12') throw unsupported;
    const kp = derChildren(kdfParams);
    const salt = derBytes(kp[0]);
    const iterations = derInt(kp[1]);
    const prfNode = kp.find((n, i) => i >= 2 && n.tag === 0x30);
    const hash = prfNode ? PRF[derOid(derChildren(prfNode)[0])] : 'SHA-1';
    const [schemeOid, ivNode] = derChildren(scheme);
    const bits = AES_CBC[derOid(schemeOid)];
    if (!hash || !bits || iterations < 1 || iterations > MAX_ITERATIONS) throw unsupported;
    const aes = await passphraseKey(passphrase, salt, iterations, hash, 'AES-CBC', bits);
    let pkcs8;
    try {
      pkcs8 = await subtle().decrypt({ name: 'AES-CBC', iv: derBytes(ivNode) }, aes, derBytes(data));
    } catch {
      throw new KeyFileError('The passphrase does not open this key file: check it (letters, spaces and capitals count) and that this is the screening key file.');
    }
    return await importPrivate(pkcs8);
  } catch (e) {
    if (e instanceof KeyFileError) throw e;
    throw new KeyFileError('The encrypted key file is damaged: choose the file as it was made.');
  }
}

/**
 * Opens a screening private key file's text: the protected JSON file, or a PEM file written by the
 * touchline command (PKCS#8, encrypted or not). Answers a CryptoKey that can only decrypt.
 */
export async function openKeyFile(text, passphrase) {
  const t = String(text ?? '').trim();
  if (t.startsWith('{')) return openJsonFile(t, passphrase);
  const encrypted = pemBody(t, 'ENCRYPTED PRIVATE KEY');
  if (encrypted) return openEncryptedPem(encrypted, passphrase);
  const plain = pemBody(t, 'PRIVATE KEY');
  if (plain) return importPrivate(plain);
  if (pemBody(t, 'RSA PRIVATE KEY')) throw new KeyFileError('This is a PKCS#1 RSA key file: convert it to PKCS#8 (openssl pkcs8 -topk8) or use the file Touchline made.');
  if (pemBody(t, 'PUBLIC KEY')) throw new KeyFileError('This is the PUBLIC key: choose the private key file (the one kept by the safety director).');
  throw new KeyFileError('This is not a screening key file: choose the file made on the screening key page or by touchline screening keygen.');
}

/** Opens one sealed number (base64 RSA-OAEP SHA-256); null when another key sealed it. */
export async function unsealNumber(privateKey, sealedBase64) {
  try {
    return new TextDecoder().decode(await subtle().decrypt({ name: 'RSA-OAEP' }, privateKey, fromBase64(sealedBase64, 'sealed number')));
  } catch {
    return null;
  }
}

export const dashed = (d) => (/^\d{9}$/.test(d) ? `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}` : d);

// --- The pages -------------------------------------------------------------------------------

const $ = (id) => document.getElementById(id);

function say(el, text, bad = false) {
  el.textContent = text;
  el.classList.toggle('status-bad', bad);
}

const reason = (e) => (e instanceof KeyFileError ? e.message : `Something went wrong in the browser (${e?.message ?? e}): reload the page and try again.`);

async function sendPublicKey(form, body) {
  const csrf = form.querySelector('input[name="_csrf"]')?.value ?? '';
  const r = await fetch('/api/v1/screening/public-key', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  const answer = await r.json().catch(() => ({}));
  return { status: r.status, answer };
}

function keygenPage(form) {
  const status = $('keygen-status');
  const result = $('keygen-result');
  const download = $('keygen-download');
  const send = $('keygen-send');
  const replace = $('keygen-replace');
  let made = null;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const pass = form.elements.passphrase.value;
    if (pass.length < MIN_PASSPHRASE) return say(status, `Choose a passphrase of at least ${MIN_PASSPHRASE} characters (a few words you will remember).`, true);
    if (pass !== form.elements.passphrase2.value) return say(status, 'The two passphrases differ: type the same passphrase twice.', true);
    form.querySelector('button[type="submit"]').disabled = true;
    say(status, 'Making the key in this browser: this takes a few seconds…');
    try {
      const pair = await makeKeyPair();
      const fileText = await protectKeyFile(pair, pass);
      made = { pem: await publicKeyPem(pair.publicKey), fingerprint: await fingerprintOf(pair.publicKey) };
      if (download.href.startsWith('blob:')) URL.revokeObjectURL(download.href);
      download.href = URL.createObjectURL(new Blob([fileText], { type: 'application/json' }));
      $('keygen-fingerprint').textContent = made.fingerprint;
      form.elements.passphrase.value = '';
      form.elements.passphrase2.value = '';
      result.hidden = false;
      send.disabled = true;
      say(status, 'The key is made. Download the private key file and keep it safe; then send the public key.');
      download.focus();
    } catch (e) {
      say(status, reason(e), true);
    } finally {
      form.querySelector('button[type="submit"]').disabled = false;
    }
  });
  download.addEventListener('click', () => {
    send.disabled = false;
  });
  const put = async (withReplace) => {
    if (!made) return;
    send.disabled = true;
    say(status, 'Sending the public key…');
    try {
      const { status: code, answer } = await sendPublicKey(form, { publicKeyPem: made.pem, ...(withReplace ? { replace: true } : {}) });
      if (code === 200) {
        replace.hidden = true;
        say(status, `The region's screening key is set (${answer.fingerprint}). Adults can now give their social security numbers; those waiting are mailed.`);
        return;
      }
      const message = answer?.error?.message ?? `Touchline answered ${code}: reload the page and try again.`;
      say(status, message, true);
      if (answer?.error?.code === 'SCREENING_KEY_IN_USE') {
        const n = answer.error.details?.unreadable ?? 0;
        replace.querySelector('button').textContent = `Replace it anyway (${n} pending number(s) become unreadable with the new key)`;
        replace.hidden = false;
      } else send.disabled = false;
    } catch (e) {
      say(status, reason(e), true);
      send.disabled = false;
    }
  };
  send.addEventListener('click', () => put(false));
  replace.querySelector('button').addEventListener('click', () => put(true));
}

function checksPage(form) {
  const status = $('unseal-status');
  const hide = $('unseal-hide');
  const cells = () => [...document.querySelectorAll('[data-sealed-ssn]')];
  const restore = () => {
    for (const c of cells()) c.textContent = c.dataset.last4 || '—';
    hide.hidden = true;
    say(status, 'The numbers are hidden again.');
  };
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const file = form.elements.keyfile.files?.[0];
    if (!file) return say(status, 'Choose the screening private key file first.', true);
    say(status, 'Opening the key file in this browser…');
    try {
      const key = await openKeyFile(await file.text(), form.elements.passphrase.value);
      form.elements.passphrase.value = '';
      let opened = 0;
      let failed = 0;
      for (const c of cells()) {
        const digits = await unsealNumber(key, c.dataset.sealedSsn);
        if (digits === null) {
          failed++;
          c.textContent = `${c.dataset.last4 || '—'} (sealed with another key)`;
        } else {
          opened++;
          c.textContent = dashed(digits);
        }
      }
      hide.hidden = opened === 0;
      say(status, `${opened} number(s) shown, opened in this browser only${failed ? `; ${failed} sealed with another key could not be opened` : ''}. Record each result below: that erases the sealed number.`, failed > 0 && opened === 0);
    } catch (e) {
      say(status, reason(e), true);
    }
  });
  hide.addEventListener('click', restore);
}

if (typeof document !== 'undefined') {
  const start = () => {
    const keygen = $('keygen-form');
    if (keygen) keygenPage(keygen);
    const unseal = $('unseal-form');
    if (unseal) checksPage(unseal);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}

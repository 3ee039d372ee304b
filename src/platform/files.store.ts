/**
 * Uploaded files (certificates, badge photos...) kept as binary in the `files` table, so that every
 * instance behind a load balancer sees them and a database backup holds them. A file's type is
 * decided by its content (magic bytes), never by the name or the browser's claimed type.
 */
import { AppError } from './errors.js';
import { newId } from './clock.js';
import type { Db } from './db/database.js';

export type FileKind = 'pdf' | 'jpeg' | 'png';

const SIGNATURES: { kind: FileKind; contentType: string; bytes: number[] }[] = [
  { kind: 'pdf', contentType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: 'jpeg', contentType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'png', contentType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

const KIND_LABELS: Record<FileKind, string> = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG' };

/** The kind of a file read from its first bytes, or null when it is none of the known kinds. */
export function sniffFileKind(data: Uint8Array): { kind: FileKind; contentType: string } | null {
  const hit = SIGNATURES.find((s) => s.bytes.every((b, i) => data[i] === b));
  return hit ? { kind: hit.kind, contentType: hit.contentType } : null;
}

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
export function safeFileName(name: string, fallback = 'file'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 120);
  return clean || fallback;
}

export interface UploadCheck {
  /** Largest accepted size in bytes. */
  maxBytes: number;
  allowed: readonly FileKind[];
}

/**
 * Checks an upload by content and size; answers its content type, or throws what to do:
 * FILE_EMPTY, PAYLOAD_TOO_LARGE or UNSUPPORTED_FILE.
 */
export function checkUpload(data: Uint8Array, check: UploadCheck): { kind: FileKind; contentType: string } {
  const kinds = check.allowed
    .map((k) => KIND_LABELS[k])
    .join(', ')
    .replace(/, ([^,]*)$/, ' or $1');
  if (data.length === 0) throw new AppError('FILE_EMPTY', `The file is empty: choose a ${kinds} file.`);
  const mb = Math.round(check.maxBytes / (1024 * 1024));
  if (data.length > check.maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${mb} MB: save a smaller ${kinds} (a photo at lower resolution works) and upload it again.`);
  const sniffed = sniffFileKind(data);
  if (!sniffed || !check.allowed.includes(sniffed.kind))
    throw new AppError('UNSUPPORTED_FILE', `That file is not a ${kinds}: save or scan the certificate as ${kinds} and upload that.`);
  return sniffed;
}

export interface StoredFile {
  id: string;
  ownerId: string | null;
  purpose: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export interface NewFile {
  ownerId: string | null;
  purpose: string;
  fileName: string;
  contentType: string;
  data: Uint8Array;
  createdAt: string;
}

/** Stores a file and answers its id. Call checkUpload first: this stores what it is given. */
export async function saveFile(db: Db, f: NewFile): Promise<string> {
  const id = newId();
  await db
    .insertInto('files')
    .values({
      id,
      owner_id: f.ownerId,
      purpose: f.purpose,
      file_name: safeFileName(f.fileName),
      content_type: f.contentType,
      size: f.data.length,
      data: Buffer.from(f.data),
      created_at: f.createdAt,
    })
    .execute();
  return id;
}

/** A file's description without its bytes. */
export async function fileInfo(db: Db, id: string): Promise<StoredFile | undefined> {
  const r = await db.selectFrom('files').select(['id', 'owner_id', 'purpose', 'file_name', 'content_type', 'size', 'created_at']).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, ownerId: r.owner_id, purpose: r.purpose, fileName: r.file_name, contentType: r.content_type, size: Number(r.size), createdAt: r.created_at };
}

/** A file with its bytes (a Buffer on both databases). */
export async function readFile(db: Db, id: string): Promise<(StoredFile & { data: Buffer }) | undefined> {
  const r = await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    ownerId: r.owner_id,
    purpose: r.purpose,
    fileName: r.file_name,
    contentType: r.content_type,
    size: Number(r.size),
    createdAt: r.created_at,
    data: Buffer.from(r.data),
  };
}

export async function deleteFile(db: Db, id: string): Promise<void> {
  await db.deleteFrom('files').where('id', '=', id).execute();
}

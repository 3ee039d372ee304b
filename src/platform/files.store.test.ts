import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from './clock.js';
import { AppError } from './errors.js';
import { checkUpload, deleteFile, fileInfo, readFile, safeFileName, saveFile, sniffFileKind } from './files.store.js';
import { openTestDb, testDialects, type TestDb } from '../testing/harness.js';

const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n', 'latin1');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
};

describe('file kinds by content', () => {
  it('recognises PDF, JPEG and PNG by their first bytes, whatever the name says', () => {
    expect(sniffFileKind(PDF)?.contentType).toBe('application/pdf');
    expect(sniffFileKind(JPEG)?.contentType).toBe('image/jpeg');
    expect(sniffFileKind(PNG)?.contentType).toBe('image/png');
    expect(sniffFileKind(GIF)).toBeNull();
    expect(sniffFileKind(Buffer.from('<html>%PDF-'))).toBeNull();
    expect(sniffFileKind(Buffer.from([0x89, 0x50]))).toBeNull();
  });

  it('refuses empty, too large and other kinds with codes that say what to do', () => {
    const check = { maxBytes: 64, allowed: ['pdf', 'jpeg', 'png'] as const };
    expect(checkUpload(PNG, check).kind).toBe('png');
    expect(codeOf(() => checkUpload(Buffer.alloc(0), check))).toBe('FILE_EMPTY');
    expect(codeOf(() => checkUpload(Buffer.concat([PDF, Buffer.alloc(64)]), check))).toBe('PAYLOAD_TOO_LARGE');
    expect(codeOf(() => checkUpload(GIF, check))).toBe('UNSUPPORTED_FILE');
    expect(codeOf(() => checkUpload(PDF, { maxBytes: 64, allowed: ['jpeg', 'png'] }))).toBe('UNSUPPORTED_FILE');
    try {
      checkUpload(GIF, check);
    } catch (e) {
      expect((e as Error).message).toContain('PDF, JPEG or PNG');
    }
  });

  it('keeps only a plain file name', () => {
    expect(safeFileName('C:\\Users\\me\\cert.pdf')).toBe('cert.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a"b\r\nc.png')).toBe('abc.png');
    expect(safeFileName('   ', 'upload')).toBe('upload');
  });
});

describe.each(testDialects())('files table on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(dialect);
  });
  afterAll(async () => t.close());

  it('stores and reads back the exact bytes, with the description', async () => {
    const bytes = Buffer.concat([PNG, Buffer.from([0, 1, 2, 255, 254, 0, 0, 128])]);
    const id = await saveFile(t.database.db, {
      ownerId: null,
      purpose: 'test',
      fileName: 'dir/photo.png',
      contentType: 'image/png',
      data: bytes,
      createdAt: '2026-09-15T17:00:00.000Z',
    });
    const info = await fileInfo(t.database.db, id);
    expect(info).toEqual({ id, ownerId: null, purpose: 'test', fileName: 'photo.png', contentType: 'image/png', size: bytes.length, createdAt: '2026-09-15T17:00:00.000Z' });
    const file = await readFile(t.database.db, id);
    expect(Buffer.isBuffer(file?.data)).toBe(true);
    expect(file?.data.equals(bytes)).toBe(true);
    await deleteFile(t.database.db, id);
    expect(await readFile(t.database.db, id)).toBeUndefined();
    expect(await fileInfo(t.database.db, newId())).toBeUndefined();
  });
});

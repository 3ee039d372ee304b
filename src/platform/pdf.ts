import type { PDFFont } from 'pdf-lib';

/** Letters that do not decompose into a base letter and an accent. */
const PLAIN: Record<string, string> = { Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', ŀ: 'l', Ŀ: 'L', ŧ: 't', Ŧ: 'T' };

/** Text the font can encode: unsupported characters lose their accent, or become "?". */
export function drawable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text) {
    for (const candidate of [ch, ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''), PLAIN[ch] ?? '?']) {
      try {
        font.encodeText(candidate);
        out += candidate;
        break;
      } catch {
        // try the next, simpler form
      }
    }
  }
  return out;
}

/**
 * Bytes as pdf-lib reads them: a Uint8Array alone in its own ArrayBuffer, from offset 0.
 *
 * pdf-lib's JPEG reader opens `new DataView(bytes.buffer)` and ignores `byteOffset`. Node hands out
 * small Buffers (under 4 KB: Buffer.from of a database value, pg's decoding of a bytea) as slices
 * of one shared 8 KB pool, so a small photo's bytes start somewhere inside that pool and pdf-lib
 * reads the pool's first bytes instead ("SOI not found in JPEG"); bigger files have their own
 * memory, which is why only small, flat photos failed. A copy into a new array always reads right.
 *
 * Accepts what a database gives back for a binary column: a Buffer or Uint8Array (better-sqlite3,
 * pg), an ArrayBuffer, or PostgreSQL's text form of bytea (`\x` then hex digits). Anything else
 * (say a SQLite TEXT value that is not that form) throws, naming what it got.
 */
export function pdfBytes(data: unknown, what = 'file'): Uint8Array {
  if (data instanceof Uint8Array) return new Uint8Array(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (typeof data === 'string' && /^\\x(?:[0-9a-f]{2})*$/i.test(data)) return new Uint8Array(Buffer.from(data.slice(2), 'hex'));
  const kind = typeof data === 'string' ? 'text' : data === null ? 'null' : typeof data;
  throw new TypeError(`The ${what} is stored as ${kind}, not as bytes: it cannot go into a PDF.`);
}

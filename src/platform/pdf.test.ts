import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawable, pdfBytes } from './pdf.js';

describe('drawable: text a standard PDF font can encode', () => {
  it.each([
    ['Renée Müller', 'Renée Müller'],
    ['Łukasz Wałęsa', 'Lukasz Walesa'],
    ['Yıldız Đorđe', 'Yildiz Dorde'],
    ['José\u0301', 'José'],
    ['Kenji 健二', 'Kenji ??'],
  ])('writes %s as %s', async (text, expected) => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(drawable(font, text)).toBe(expected);
  });
});

describe('pdfBytes: image bytes pdf-lib reads, whatever the database handed back', () => {
  /** A small JPEG (under Node's 4 KB pool limit), and the same bytes in a slice of the shared pool. */
  const small = async () => {
    const own = await sharp({ create: { width: 60, height: 80, channels: 3, background: '#87ceeb' } })
      .jpeg()
      .toBuffer();
    const pooled = Buffer.from(own);
    return { own, pooled };
  };

  it('is needed: pdf-lib misreads a small Buffer that is a slice of the pool (the cause of the failed prints)', async () => {
    const { pooled } = await small();
    expect(pooled.byteOffset > 0 || pooled.buffer.byteLength > pooled.length).toBe(true);
    await expect((await PDFDocument.create()).embedJpg(pooled)).rejects.toThrow(/SOI not found/);
    const image = await (await PDFDocument.create()).embedJpg(pdfBytes(pooled));
    expect([image.width, image.height]).toEqual([60, 80]);
  });

  it('reads a Buffer, a Uint8Array view, an ArrayBuffer and PostgreSQL text (\\x hex) alike', async () => {
    const { own, pooled } = await small();
    const padded = new Uint8Array(own.length + 16);
    padded.set(own, 9);
    const view = padded.subarray(9, 9 + own.length);
    const forms: unknown[] = [own, pooled, view, own.buffer.slice(own.byteOffset, own.byteOffset + own.length), `\\x${own.toString('hex')}`];
    for (const form of forms) {
      const bytes = pdfBytes(form);
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(own.length);
      expect(Buffer.from(bytes).equals(own)).toBe(true);
      expect((await (await PDFDocument.create()).embedJpg(bytes)).width).toBe(60);
    }
  });

  it('refuses what is not bytes, saying what it got', () => {
    expect(() => pdfBytes('just some text', 'badge photo')).toThrow('The badge photo is stored as text, not as bytes');
    expect(() => pdfBytes(null)).toThrow('stored as null');
    expect(() => pdfBytes(42)).toThrow('stored as number');
  });
});

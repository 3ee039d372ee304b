import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { drawable } from './pdf.js';

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

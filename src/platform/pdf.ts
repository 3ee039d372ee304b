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

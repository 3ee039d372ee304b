/**
 * Badge PDFs: one ID-1 card (85.6 x 54 mm) as its own page, or print sheets of US letter paper with
 * eight cards and crop marks. Each card: a band with the region and season, the photo, the name,
 * each role with its division and team, and a QR code of the verification link. The QR code is
 * drawn as vector squares (sharp at any printer resolution); each photo is embedded once per file.
 * Standard PDF fonts only (nothing to ship); characters they lack lose their accent.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { drawable, pdfBytes } from '../../platform/pdf.js';
import { CARD, LETTER, MM, cropMarks, pagesOf, sheetSlots, type Point } from './sheet.rules.js';

export interface CardLine {
  /** "Head coach" */
  roleLabel: string;
  division: string;
  /** The team's name, or null while teams are not formed. */
  team: string | null;
}

export interface BadgeCard {
  name: string;
  lines: readonly CardLine[];
  seasonName: string;
  regionName: string;
  verifyUrl: string;
  /** A baseline JPEG (printablePhoto); cards with the same photoKey share one embedded image. */
  photo: Uint8Array;
  photoKey: string;
}

export interface PdfMeta {
  title: string;
  regionName: string;
  createdAt: Date;
}

const BRAND = rgb(0.043, 0.361, 0.678);
const WHITE = rgb(1, 1, 1);
const INK = rgb(0.106, 0.122, 0.141);
const MUTED = rgb(0.36, 0.39, 0.44);
const HAIRLINE = rgb(0.82, 0.84, 0.87);
const PAD = 3 * MM;
const BAND = 9 * MM;
const QR_BOX = 20 * MM;

interface Kit {
  doc: PDFDocument;
  regular: PDFFont;
  bold: PDFFont;
  photos: Map<string, PDFImage>;
}

async function newKit(meta: PdfMeta): Promise<Kit> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(meta.title);
  doc.setAuthor(meta.regionName);
  doc.setCreator('Touchline');
  doc.setProducer('Touchline');
  doc.setCreationDate(meta.createdAt);
  doc.setModificationDate(meta.createdAt);
  const [regular, bold] = await Promise.all([doc.embedFont(StandardFonts.Helvetica), doc.embedFont(StandardFonts.HelveticaBold)]);
  return { doc, regular, bold, photos: new Map() };
}

async function photoOf(kit: Kit, card: BadgeCard): Promise<PDFImage> {
  let image = kit.photos.get(card.photoKey);
  if (!image) kit.photos.set(card.photoKey, (image = await kit.doc.embedJpg(pdfBytes(card.photo, 'badge photo'))));
  return image;
}

/** Draws text from (x, y), shrinking it from `size` (down to 5 pt) until it fits `maxWidth`. */
function fitText(page: PDFPage, font: PDFFont, raw: string, at: Point, size: number, maxWidth: number, color = INK): void {
  const text = drawable(font, raw);
  let s = size;
  while (s > 5 && font.widthOfTextAtSize(text, s) > maxWidth) s -= 0.5;
  page.drawText(text, { x: at.x, y: at.y, size: s, font, color });
}

const num = (n: number) => n.toFixed(2);

/**
 * The QR code of `text` in a square box whose lower-left corner is `at` (3-module quiet zone), as raw
 * PDF operators: one rectangle per run of dark modules, filled at once. Writing the operators as
 * text keeps a sheet of 300 codes fast and small (pdf-lib's drawRectangle builds objects per call).
 */
function qrOperators(text: string, at: Point, box: number): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const m = box / (n + 6);
  const top = at.y + box - 3 * m;
  const out = ['q', '0.106 0.122 0.141 rg'];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; ) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && modules.get(r, c)) c++;
      // A hair of overlap keeps renderers from leaving white seams between rows.
      out.push(`${num(at.x + (3 + start) * m)} ${num(top - (r + 1) * m)} ${num((c - start) * m)} ${num(m + 0.02)} re`);
    }
  }
  out.push('f', 'Q');
  return out.join('\n');
}

/** Crop marks as raw PDF operators (hairlines, 0.5 pt). */
function cropOperators(at: Point): string {
  const lines = cropMarks(at).map((s) => `${num(s.from.x)} ${num(s.from.y)} m ${num(s.to.x)} ${num(s.to.y)} l`);
  return ['q', '0.5 w', '0 0 0 RG', ...lines, 'S', 'Q'].join('\n');
}

/** Appends raw operators to a page as one more compressed content stream. */
function addOperators(kit: Kit, page: PDFPage, ops: readonly string[]): void {
  if (!ops.length) return;
  page.node.addContentStream(kit.doc.context.register(kit.doc.context.flateStream(ops.join('\n'))));
}

/** Draws a card with its lower-left corner at `o`; answers the raw operators of its QR code, for the caller to add. */
async function drawCard(kit: Kit, page: PDFPage, card: BadgeCard, o: Point): Promise<string> {
  const { regular, bold } = kit;
  const { width: W, height: H } = CARD;
  page.drawRectangle({ x: o.x, y: o.y, width: W, height: H, color: WHITE, borderColor: HAIRLINE, borderWidth: 0.4 });
  page.drawRectangle({ x: o.x, y: o.y + H - BAND, width: W, height: BAND, color: BRAND });
  fitText(page, bold, card.regionName, { x: o.x + PAD, y: o.y + H - BAND + 13.5 }, 8, W - 2 * PAD - 40, WHITE);
  fitText(page, regular, `Coach badge · ${card.seasonName}`, { x: o.x + PAD, y: o.y + H - BAND + 4.5 }, 7, W - 2 * PAD - 40, WHITE);
  const coach = 'COACH';
  page.drawText(coach, { x: o.x + W - PAD - bold.widthOfTextAtSize(coach, 11), y: o.y + H - BAND + 9, size: 11, font: bold, color: WHITE });
  const photoH = H - BAND - 2 * PAD;
  const photoW = (photoH * 3) / 4;
  page.drawImage(await photoOf(kit, card), { x: o.x + PAD, y: o.y + PAD, width: photoW, height: photoH });
  const x = o.x + PAD + photoW + PAD;
  const full = o.x + W - PAD - x;
  const qr = { x: o.x + W - PAD - QR_BOX + 1.5 * MM, y: o.y + PAD - 1.5 * MM };
  const besideQr = qr.x - x - 2;
  const widthAt = (y: number) => (y < qr.y + QR_BOX ? besideQr : full);
  let y = o.y + H - BAND - PAD - 11;
  fitText(page, bold, card.name, { x, y }, 12.5, full);
  y -= 4;
  for (const l of card.lines) {
    y -= 10.5;
    fitText(page, bold, `${l.roleLabel} · ${l.division}`, { x, y }, 8.5, widthAt(y), BRAND);
    if (l.team) {
      y -= 9;
      fitText(page, regular, `Team: ${l.team}`, { x, y }, 7.5, widthAt(y));
    }
  }
  fitText(page, bold, card.seasonName, { x, y: o.y + PAD + 9 }, 7.5, besideQr);
  fitText(page, regular, 'Scan to check this badge', { x, y: o.y + PAD + 1 }, 6, besideQr, MUTED);
  return qrOperators(card.verifyUrl, qr, QR_BOX);
}

/** One badge on a page the size of the card (for a badge printer, or to print and cut by hand). */
export async function renderCard(card: BadgeCard, meta: PdfMeta): Promise<Uint8Array> {
  const kit = await newKit(meta);
  const page = kit.doc.addPage([CARD.width, CARD.height]);
  addOperators(kit, page, [await drawCard(kit, page, card, { x: 0, y: 0 })]);
  return kit.doc.save();
}

/** Print sheets: eight cards a letter page, with crop marks and a footer line naming the run. */
export async function renderSheet(cards: readonly BadgeCard[], meta: PdfMeta & { footer: string }): Promise<Uint8Array> {
  const kit = await newKit(meta);
  const slots = sheetSlots();
  const pages = pagesOf(cards);
  for (const [i, group] of pages.entries()) {
    const page = kit.doc.addPage([LETTER.width, LETTER.height]);
    const ops: string[] = [];
    for (const [j, card] of group.entries()) {
      ops.push(await drawCard(kit, page, card, slots[j]!), cropOperators(slots[j]!));
    }
    addOperators(kit, page, ops);
    fitText(page, kit.regular, `${meta.footer} · page ${i + 1} of ${pages.length}`, { x: 36, y: 24 }, 8, LETTER.width - 72, MUTED);
  }
  return kit.doc.save();
}

/**
 * The certificate of one completion: a letter-size landscape page with the region, the person, the
 * training (and part), the date and the certificate number. Standard PDF fonts only (no font files
 * to ship); characters they cannot draw fall back to their unaccented letter.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { longDate } from '../training.rules.js';
import { drawable } from '../../platform/pdf.js';

export interface CertificateData {
  regionName: string;
  personName: string;
  trainingName: string;
  /** The part's name for a two-part course ("Field session"), else null. */
  partName: string | null;
  completedOn: string;
  certificateNo: string;
}

const WIDTH = 792;
const HEIGHT = 612;
const GREEN = rgb(0.11, 0.37, 0.25);
const GOLD = rgb(0.72, 0.58, 0.24);
const INK = rgb(0.13, 0.13, 0.13);
const MUTED = rgb(0.38, 0.38, 0.38);

interface Line {
  text: string;
  y: number;
  font: PDFFont;
  size: number;
  color?: ReturnType<typeof rgb>;
  maxWidth?: number;
}

/** Draws a line centred on the page, shrinking the size until it fits `maxWidth`. */
function centred(page: PDFPage, l: Line): void {
  const text = drawable(l.font, l.text);
  let size = l.size;
  const max = l.maxWidth ?? WIDTH - 140;
  while (size > 8 && l.font.widthOfTextAtSize(text, size) > max) size -= 1;
  const width = l.font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (WIDTH - width) / 2, y: l.y, size, font: l.font, color: l.color ?? INK });
}

function frame(page: PDFPage): void {
  page.drawRectangle({ x: 22, y: 22, width: WIDTH - 44, height: HEIGHT - 44, borderColor: GREEN, borderWidth: 6 });
  page.drawRectangle({ x: 36, y: 36, width: WIDTH - 72, height: HEIGHT - 72, borderColor: GOLD, borderWidth: 1.2 });
  page.drawLine({ start: { x: WIDTH / 2 - 60, y: 440 }, end: { x: WIDTH / 2 + 60, y: 440 }, thickness: 1.5, color: GOLD });
}

/** Renders the certificate; answers the PDF bytes. */
export async function renderCertificate(d: CertificateData): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const when = new Date(`${d.completedOn}T12:00:00Z`);
  doc.setTitle(`Certificate ${d.certificateNo}`);
  doc.setAuthor(d.regionName);
  doc.setSubject(`${d.trainingName}${d.partName ? `: ${d.partName}` : ''}`);
  doc.setCreator('Touchline');
  doc.setProducer('Touchline');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  const page = doc.addPage([WIDTH, HEIGHT]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const italic = await doc.embedFont(StandardFonts.TimesRomanItalic);
  const title = await doc.embedFont(StandardFonts.TimesRomanBold);
  frame(page);
  centred(page, { text: d.regionName.toUpperCase(), y: 520, font: bold, size: 14, color: GREEN });
  centred(page, { text: 'Certificate of Completion', y: 458, font: title, size: 38 });
  centred(page, { text: 'This certifies that', y: 405, font: italic, size: 16, color: MUTED });
  centred(page, { text: d.personName, y: 358, font: bold, size: 32 });
  page.drawLine({ start: { x: 186, y: 348 }, end: { x: WIDTH - 186, y: 348 }, thickness: 0.8, color: MUTED });
  centred(page, { text: 'has completed', y: 315, font: italic, size: 16, color: MUTED });
  centred(page, { text: d.trainingName, y: 275, font: bold, size: 26, color: GREEN });
  if (d.partName) centred(page, { text: d.partName, y: 248, font: regular, size: 16 });
  centred(page, { text: `on ${longDate(d.completedOn)}`, y: d.partName ? 212 : 232, font: regular, size: 16 });
  page.drawText(drawable(regular, `Certificate no. ${d.certificateNo}`), { x: 60, y: 62, size: 11, font: regular, color: MUTED });
  const issued = drawable(regular, `Issued by Touchline for ${d.regionName}`);
  page.drawText(issued, { x: WIDTH - 60 - regular.widthOfTextAtSize(issued, 11), y: 62, size: 11, font: regular, color: MUTED });
  return doc.save();
}

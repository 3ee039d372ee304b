import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { CardBack, CardRow } from './card-state.rules.js';
import { markOf } from './card-state.rules.js';
import type { CardHeader, RosterLine } from './cards.store.js';
import { drawable } from '../../platform/pdf.js';

/** What the printable card shows: the header and roster always; the marks once the card was saved. */
export interface PrintableCard {
  header: CardHeader;
  roster: readonly RosterLine[];
  quarters: number;
  rows?: readonly CardRow[];
  back?: CardBack;
}

export const CARD_ROWS = 18;
const INK = rgb(0.1, 0.1, 0.1);
const LINE = rgb(0.55, 0.55, 0.55);

interface Pen {
  page: PDFPage;
  font: PDFFont;
  bold: PDFFont;
}

function text(p: Pen, s: string, x: number, y: number, size = 10, bold = false, maxWidth?: number): void {
  const font = bold ? p.bold : p.font;
  let t = drawable(font, s);
  if (maxWidth && font.widthOfTextAtSize(t, size) > maxWidth) {
    while (t.length > 0 && font.widthOfTextAtSize(`${t}…`, size) > maxWidth) t = t.slice(0, -1);
    t = `${t}…`;
  }
  p.page.drawText(t, { x, y, size, font, color: INK });
}

function box(p: Pen, x: number, y: number, w: number, h: number): void {
  p.page.drawRectangle({ x, y, width: w, height: h, borderColor: LINE, borderWidth: 0.7 });
}

function headerBlock(p: Pen, h: CardHeader, top: number): number {
  text(p, 'GAME CARD', 36, top, 18, true);
  text(p, h.region, 200, top + 2, 11, false, 376);
  const pairs: [string, string][] = [
    ['Age group', h.ageGroup],
    ['Team', `#${h.teamNumber} ${h.teamName}`],
    ['Coach', h.coach || '—'],
    ['Assistant', h.assistant || '—'],
    ['Date', `${h.date}  ${h.time}`],
    ['Opponent', `${h.opponent} (${h.side === 'home' ? 'we are home' : 'we are away'})`],
    ['Field', h.field],
    ['', ''],
  ];
  let y = top - 24;
  for (let i = 0; i < pairs.length; i += 2) {
    for (const [j, [label, value]] of [pairs[i]!, pairs[i + 1]!].entries()) {
      if (!label) continue;
      const x = 36 + j * 276;
      text(p, `${label}:`, x, y, 10, true);
      text(p, value, x + 62, y, 10, false, 206);
    }
    y -= 16;
  }
  return y - 6;
}

function rosterTable(p: Pen, card: PrintableCard, top: number): number {
  const q = card.quarters;
  const cols = [
    { label: 'No.', w: 34 },
    { label: 'Player', w: 190 },
    { label: 'Here from', w: 60 },
    ...Array.from({ length: q }, (_, i) => ({ label: `Q${i + 1}`, w: 40 })),
    { label: 'Goals 1st', w: 50 },
    { label: 'Goals 2nd', w: 50 },
  ];
  const rowH = 21;
  const rows = new Map((card.rows ?? []).map((r) => [r.playerId, r]));
  let y = top;
  const drawRow = (cells: string[], bold: boolean) => {
    let x = 36;
    cols.forEach((c, i) => {
      box(p, x, y - rowH + 6, c.w, rowH);
      text(p, cells[i] ?? '', x + 4, y - 8, 9, bold, c.w - 6);
      x += c.w;
    });
    y -= rowH;
  };
  drawRow(
    cols.map((c) => c.label),
    true,
  );
  for (let i = 0; i < CARD_ROWS; i++) {
    const player = card.roster[i];
    const r = player ? rows.get(player.playerId) : undefined;
    const marks = r ? (r.attended ? r.quarters.map((cell, qi) => (qi + 1 < r.arrivedQuarter ? '' : markOf(cell))) : r.quarters.map(() => '')) : [];
    const here = r ? (r.attended ? `Q${r.arrivedQuarter}` : 'Absent') : '';
    const goals = r ? r.goals.map((g) => (g > 0 ? String(g) : '')) : ['', ''];
    drawRow(player ? [player.jersey === null ? '' : String(player.jersey), player.name, here, ...marks, ...goals] : [], false);
  }
  if (card.roster.length > CARD_ROWS) text(p, `${card.roster.length - CARD_ROWS} more players are on the roster: list them on a second card.`, 36, y - 4, 9);
  text(p, 'Marks: P played · S sat · K kept goal · I left injured. Every player who attends plays at least three quarters.', 36, y - 18, 9);
  return y - 30;
}

function backPage(p: Pen, card: PrintableCard): void {
  const b = card.back;
  let y = 740;
  text(p, 'GAME CARD: BACK', 36, y, 16, true);
  text(p, `#${card.header.teamNumber} ${card.header.teamName} v ${card.header.opponent}, ${card.header.date}`, 230, y + 2, 10, false, 340);
  y -= 30;
  text(p, 'Cautions and send-offs', 36, y, 12, true);
  y -= 8;
  const entries = b?.misconduct ?? [];
  for (let i = -1; i < Math.max(6, entries.length); i++) {
    const m = entries[i];
    if (i < 0) {
      [
        ['Kind', 40],
        ['Player (name or number)', 130],
        ['Reason', 310],
      ].forEach(([label, x]) => {
        text(p, String(label), Number(x), y - 10, 9, true);
      });
      y -= 20;
      continue;
    }
    box(p, 36, y - 16, 90, 20);
    box(p, 126, y - 16, 180, 20);
    box(p, 306, y - 16, 270, 20);
    if (m) {
      text(p, m.kind === 'caution' ? 'Caution' : 'Send-off', 40, y - 10, 9);
      text(p, m.who, 130, y - 10, 9, false, 172);
      text(p, m.reason, 310, y - 10, 9, false, 262);
    }
    y -= 20;
  }
  const score = (s: { us: number | null; them: number | null } | undefined) => `Us ${s?.us ?? '____'}   Them ${s?.them ?? '____'}`;
  const lines: [string, string][] = [
    ['Score at half time', score(b?.halfTime)],
    ['Final score', score(b?.final)],
    ['Playing conditions', b?.conditions ?? ''],
    ['Sportsmanship', b?.sportsmanship ?? ''],
    ['Referee', b?.referees.center ?? ''],
    ['Assistant referee 1', b?.referees.assistant1 ?? ''],
    ['Assistant referee 2', b?.referees.assistant2 ?? ''],
    ['Coach signature', ''],
  ];
  y -= 20;
  for (const [label, value] of lines) {
    text(p, `${label}:`, 36, y, 11, true);
    p.page.drawLine({ start: { x: 170, y: y - 3 }, end: { x: 576, y: y - 3 }, thickness: 0.6, color: LINE });
    text(p, value, 174, y, 11, false, 400);
    y -= 28;
  }
}

/** The printable game card (US Letter): the front with header and roster, the back for the referee. */
export async function cardPdf(card: PrintableCard): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Game card ${card.header.teamName} ${card.header.date}`);
  doc.setCreator('Touchline');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const front: Pen = { page: doc.addPage([612, 792]), font, bold };
  const y = headerBlock(front, card.header, 750);
  rosterTable(front, card, y);
  backPage({ page: doc.addPage([612, 792]), font, bold }, card);
  return doc.save();
}

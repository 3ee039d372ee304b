/**
 * The geometry of badges on paper, in PDF points (1/72 inch): an ID-1 card (85.6 x 54 mm, the size
 * of a bank card, fits standard badge holders) and a US letter print sheet of 2 x 4 cards with a
 * gutter between them for cutting, and crop marks at every card corner outside the cards.
 */

export const MM = 72 / 25.4;
export const CARD = { width: 85.6 * MM, height: 54 * MM } as const;
export const LETTER = { width: 612, height: 792 } as const;
export const SHEET = { columns: 2, rows: 4, gutter: 6 * MM } as const;
export const PER_SHEET = SHEET.columns * SHEET.rows;

export interface Point {
  x: number;
  y: number;
}

/** Lower-left corners of the cards of a sheet, row by row from the top left (PDF y grows upwards). */
export function sheetSlots(): Point[] {
  const w = SHEET.columns * CARD.width + (SHEET.columns - 1) * SHEET.gutter;
  const h = SHEET.rows * CARD.height + (SHEET.rows - 1) * SHEET.gutter;
  const left = (LETTER.width - w) / 2;
  const top = (LETTER.height + h) / 2;
  const out: Point[] = [];
  for (let r = 0; r < SHEET.rows; r++) {
    for (let c = 0; c < SHEET.columns; c++) out.push({ x: left + c * (CARD.width + SHEET.gutter), y: top - (r + 1) * CARD.height - r * SHEET.gutter });
  }
  return out;
}

export interface Segment {
  from: Point;
  to: Point;
}

/**
 * Crop marks of a card at `at`: two short lines at each corner, from `gap` to `gap + length` away
 * from the card (1 to 3 mm: the marks of neighbours meet in the 6 mm gutter without overlapping).
 */
export function cropMarks(at: Point, length = 2 * MM, gap = 1 * MM): Segment[] {
  const out: Segment[] = [];
  for (const [cx, dx] of [
    [at.x, -1],
    [at.x + CARD.width, 1],
  ] as const) {
    for (const [cy, dy] of [
      [at.y, -1],
      [at.y + CARD.height, 1],
    ] as const) {
      out.push({ from: { x: cx + dx * gap, y: cy }, to: { x: cx + dx * (gap + length), y: cy } });
      out.push({ from: { x: cx, y: cy + dy * gap }, to: { x: cx, y: cy + dy * (gap + length) } });
    }
  }
  return out;
}

/** Items cut into pages of `size`. */
export function pagesOf<T>(items: readonly T[], size = PER_SHEET): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

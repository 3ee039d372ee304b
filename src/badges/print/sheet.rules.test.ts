import { describe, expect, it } from 'vitest';
import { CARD, LETTER, MM, PER_SHEET, cropMarks, pagesOf, sheetSlots } from './sheet.rules.js';

describe('the print sheet', () => {
  const slots = sheetSlots();
  it('is an ID-1 card of 85.6 x 54 mm, eight a letter page', () => {
    expect(CARD.width / MM).toBeCloseTo(85.6, 6);
    expect(CARD.height / MM).toBeCloseTo(54, 6);
    expect(slots).toHaveLength(PER_SHEET);
    expect(PER_SHEET).toBe(8);
  });
  it('keeps every card and crop mark on the page with a margin printers can print', () => {
    for (const s of slots) {
      for (const m of cropMarks(s)) {
        for (const p of [m.from, m.to]) {
          expect(p.x).toBeGreaterThan(18);
          expect(p.x).toBeLessThan(LETTER.width - 18);
          expect(p.y).toBeGreaterThan(18);
          expect(p.y).toBeLessThan(LETTER.height - 18);
        }
      }
    }
  });
  it('never lets two cards, or a crop mark and a card, overlap; fills rows from the top left', () => {
    const inside = (p: { x: number; y: number }, s: { x: number; y: number }) =>
      p.x > s.x + 0.01 && p.x < s.x + CARD.width - 0.01 && p.y > s.y + 0.01 && p.y < s.y + CARD.height - 0.01;
    for (const [i, a] of slots.entries()) {
      for (const b of slots.slice(i + 1)) expect(Math.abs(a.x - b.x) >= CARD.width || Math.abs(a.y - b.y) >= CARD.height).toBe(true);
      for (const m of slots.flatMap((s) => cropMarks(s))) expect(inside(m.from, a) || inside(m.to, a)).toBe(false);
    }
    expect(slots[0]!.x).toBeLessThan(slots[1]!.x);
    expect(slots[0]!.y).toBe(slots[1]!.y);
    expect(slots[2]!.y).toBeLessThan(slots[0]!.y);
  });
  it('cuts a list into pages of eight', () => {
    expect(pagesOf([...Array(17).keys()]).map((p) => p.length)).toEqual([8, 8, 1]);
    expect(pagesOf([])).toEqual([]);
  });
});

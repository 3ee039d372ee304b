import { describe, expect, it } from 'vitest';
import type { Training } from '../region/index.js';
import { indexCompletions, trainingStatus } from '../training/index.js';
import { dayWindows } from './season-rows.rules.js';

const course = (code: string, expiresAfterMonths: number | null): Training => ({
  code,
  name: code,
  parts: [{ part: 'online', name: 'Online course', mode: 'online' }],
  expiresAfterMonths,
  prerequisites: [],
});

const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
const inWindow = (w: { after: string; upTo: string }, date: string) => date > w.after && date <= w.upTo;

describe('dayWindows', () => {
  it('takes completions dated in between, and none of a training that never expires', () => {
    expect(dayWindows([course('safe-haven', null)], '2026-09-10', '2026-09-12')).toEqual([{ training: null, after: '2026-09-10', upTo: '2026-09-12' }]);
  });

  it('takes every completion whose expiry falls in between, month ends included', () => {
    for (const months of [1, 2, 12, 13, 24]) {
      const t = course('c', months);
      for (let from = 400; from < 1200; from += 7) {
        for (const step of [1, 3, 40]) {
          const [f, to] = [day(from), day(from + step)];
          const w = dayWindows([t], f, to)[1]!;
          // Every completion date whose status flips between the two days lies in the window.
          for (let c = from - months * 31 - 40; c <= from + step; c++) {
            const index = indexCompletions([{ training: 'c', part: 'online', completedOn: day(c) }], to);
            const flips = trainingStatus(t, index, f).valid !== trainingStatus(t, index, to).valid;
            if (flips && day(c) <= f) expect(inWindow(w, day(c)), `${day(c)} +${months} months, ${f} -> ${to}`).toBe(true);
          }
        }
      }
    }
  });
});

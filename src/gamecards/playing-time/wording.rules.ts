import type { DisplayNames } from './card.rules.js';

/** Plain-English pieces for violation messages, so every message reads the same way. */

/** The player's display name, or "Player <id>" when no name is known. */
export function nameOf(names: DisplayNames | undefined, id: string): string {
  return names?.[id] ?? `Player ${id}`;
}

/** "a", "a and b", "a, b and c"; with `max`, "a, b, c and 4 others". */
export function listOf(items: readonly string[], max = Infinity): string {
  const shown = items.length > max ? [...items.slice(0, max), `${items.length - max} others`] : [...items];
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** "1 quarter", "3 quarters". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "quarter 2", "quarters 1 and 3", "quarters 1, 2 and 4". */
export function quarterList(quarters: readonly number[]): string {
  return `${quarters.length === 1 ? 'quarter' : 'quarters'} ${listOf(quarters.map(String))}`;
}

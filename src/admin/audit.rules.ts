export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The leaves that differ between two JSON values, as dotted paths (arrays by index), so the audit
 * page can say "fields.1.capacity: 2 → 3" instead of showing two whole documents.
 */
export function diffJson(before: unknown, after: unknown, limit = 50, path = ''): Change[] {
  if (before === after) return [];
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const out: Change[] = [];
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (out.length >= limit) break;
      out.push(...diffJson(before[k], after[k], limit - out.length, path ? `${path}.${k}` : k));
    }
    return out;
  }
  return [{ path: path || '(whole)', before, after }];
}

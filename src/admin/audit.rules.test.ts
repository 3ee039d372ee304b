import { describe, expect, it } from 'vitest';
import { diffJson } from './audit.rules.js';

describe('diffJson', () => {
  it('names each changed leaf by its path', () => {
    const a = { region: { name: 'A', number: '1' }, fields: [{ id: 'x', capacity: 2 }] };
    const b = {
      region: { name: 'B', number: '1' },
      fields: [
        { id: 'x', capacity: 3 },
        { id: 'y', capacity: 1 },
      ],
    };
    expect(diffJson(a, b)).toEqual([
      { path: 'region.name', before: 'A', after: 'B' },
      { path: 'fields.0.capacity', before: 2, after: 3 },
      { path: 'fields.1', before: undefined, after: { id: 'y', capacity: 1 } },
    ]);
  });
  it('answers nothing for equal values and the whole value for a type change', () => {
    expect(diffJson({ a: [1] }, { a: [1] })).toEqual([]);
    expect(diffJson(null, { a: 1 })).toEqual([{ path: '(whole)', before: null, after: { a: 1 } }]);
  });
  it('stops at the limit', () => {
    const a = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    const b = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i + 1]));
    expect(diffJson(a, b, 3)).toHaveLength(3);
  });
});

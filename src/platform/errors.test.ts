import { describe, expect, it } from 'vitest';
import { AppError, isErrorCode, STATUS_BY_CODE, statusFor } from './errors.js';

describe('the one error table', () => {
  it('refuses, at compile time, a code that has no status', () => {
    // @ts-expect-error: 'NO_SUCH_CODE' is not in STATUS_BY_CODE, so `npm test`'s type check fails if this line compiles.
    const e = new AppError('NO_SUCH_CODE', 'x');
    expect(e.code).toBe('NO_SUCH_CODE');
  });

  it('answers each code with its status, and 422 for a code from elsewhere', () => {
    expect([statusFor('SLOT_FULL'), statusFor('NOT_ELIGIBLE'), statusFor('UNAVAILABLE'), statusFor('VALIDATION')]).toEqual([409, 403, 503, 422]);
    expect(statusFor('FST_ERR_SOMETHING')).toBe(422);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('keeps the stack of a server fault and drops that of a refusal', () => {
    expect(new AppError('INTERNAL', 'x').stack?.split('\n').length).toBeGreaterThan(1);
    expect(new AppError('SLOT_FULL', 'x').stack?.split('\n').length).toBe(1);
    expect(Object.values(STATUS_BY_CODE).every((s) => s >= 400 && s < 600)).toBe(true);
  });
});

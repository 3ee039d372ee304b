import { describe, expect, it } from 'vitest';
import { decideAttempt, refusalMessage, staleBefore, THROTTLE, throttleKeys, waitBefore, waitText, type Counted } from './login-throttle.rules.js';

const T0 = '2026-09-15T17:00:00.000Z';
const at = (ms: number) => new Date(new Date(T0).getTime() + ms);
const fresh = (attempts = 1, firstAt = T0): Counted => ({ attempts, firstAt });
const counts = (o: Partial<Record<'address' | 'account' | 'pair', Counted>>) => ({ address: fresh(), account: fresh(), pair: fresh(), ...o });

describe('login throttling policy', () => {
  it('keys an attempt by address, account and the pair, in that order, with no email in clear', () => {
    const keys = throttleKeys('HASH', '203.0.113.9');
    expect(keys.map((k) => k.kind)).toEqual(['address', 'account', 'pair']);
    expect(keys.map((k) => k.key)).toEqual(['addr:203.0.113.9', 'acct:HASH', 'pair:203.0.113.9|HASH']);
    expect(keys.map((k) => k.account)).toEqual([null, 'HASH', 'HASH']);
  });

  it('grows the wait exponentially past the free attempts, each step at most an hour', () => {
    expect(waitBefore(THROTTLE.pairFree, THROTTLE.pairFree)).toBe(0);
    expect([6, 7, 8, 9].map((n) => waitBefore(n, 5))).toEqual([1000, 3000, 7000, 15_000]);
    const late = waitBefore(40, 5) - waitBefore(39, 5);
    expect(late).toBe(THROTTLE.maxStepMs);
  });

  it('checks the free failures of a pair at once, then refuses until the grown wait is over', () => {
    expect(decideAttempt(counts({ pair: fresh(5) }), at(0))).toEqual({ allowed: true });
    expect(decideAttempt(counts({ pair: fresh(6) }), at(0))).toEqual({ allowed: false, reason: 'pair', retryAfterSeconds: 1 });
    expect(decideAttempt(counts({ pair: fresh(6) }), at(1000))).toEqual({ allowed: true });
    expect(decideAttempt(counts({ pair: fresh(8) }), at(1000))).toEqual({ allowed: false, reason: 'pair', retryAfterSeconds: 6 });
  });

  it('counts a burst as a sequence: of 200 attempts sent at once only the free ones are checked', () => {
    const checked = Array.from({ length: 200 }, (_, i) => decideAttempt(counts({ pair: fresh(i + 1), address: fresh(i + 1), account: fresh(i + 1) }), at(0))).filter(
      (d) => d.allowed,
    );
    expect(checked).toHaveLength(THROTTLE.pairFree);
  });

  it('caps an address over every account (spraying), with the same growing waits', () => {
    expect(decideAttempt(counts({ address: fresh(THROTTLE.addressFree) }), at(0)).allowed).toBe(true);
    expect(decideAttempt(counts({ address: fresh(THROTTLE.addressFree + 1) }), at(0))).toMatchObject({ allowed: false, reason: 'address' });
  });

  it('locks an account past its cap only for addresses that failed for it themselves', () => {
    const locked = { account: fresh(THROTTLE.accountCap + 1) };
    expect(decideAttempt(counts({ ...locked, pair: fresh(1) }), at(0))).toEqual({ allowed: true });
    expect(decideAttempt(counts({ ...locked, pair: fresh(2) }), at(0))).toEqual({ allowed: false, reason: 'account', retryAfterSeconds: THROTTLE.windowMs / 1000 });
    expect(decideAttempt(counts({ account: fresh(THROTTLE.accountCap), pair: fresh(2) }), at(0))).toEqual({ allowed: true });
  });

  it('answers the longest wait when several keys refuse', () => {
    const d = decideAttempt(counts({ account: fresh(THROTTLE.accountCap + 1), pair: fresh(7) }), at(0));
    expect(d).toMatchObject({ allowed: false, reason: 'account' });
  });

  it('starts counts again after the window', () => {
    expect(staleBefore(at(0))).toBe(new Date(new Date(T0).getTime() - THROTTLE.windowMs).toISOString());
  });

  it('says how long to wait in words, and that a reset link works at once', () => {
    expect(waitText(1)).toBe('1 second');
    expect(waitText(89)).toBe('89 seconds');
    expect(waitText(600)).toBe('10 minutes');
    expect(waitText(86_400)).toBe('24 hours');
    expect(refusalMessage({ reason: 'pair', retryAfterSeconds: 3 })).toContain('Try again in 3 seconds');
    expect(refusalMessage({ reason: 'account', retryAfterSeconds: 7200 })).toMatch(/Reset your password .* to log in now, or try again in 2 hours/);
  });
});

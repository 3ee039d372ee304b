/**
 * The login throttling policy, as pure rules (README "Login throttling"). Every attempt is counted
 * under three keys before its password is checked: the address, the account, and the account at
 * that address. The store raises the three counts in one atomic statement and answers them, so
 * attempts sent at once get counts 1, 2, 3... as if they came one after the other; these rules then
 * say whether this attempt may be checked. A refused attempt is taken back (it checked nothing), a
 * success clears its pair and takes back its count elsewhere; only failures stay counted.
 */

export const THROTTLE = {
  /** Counts start again this long after a key's first counted attempt. */
  windowMs: 24 * 3600_000,
  /** Failures of one account at one address checked without any wait. */
  pairFree: 5,
  /** Failures from one address, over every account, checked without any wait (stops spraying). */
  addressFree: 50,
  /** Failures of one account from every address past which it is locked, for addresses that failed. */
  accountCap: 50,
  /** The wait for the first attempt past the free ones; each further one waits twice as long... */
  firstStepMs: 1000,
  /** ...up to this step. */
  maxStepMs: 3600_000,
} as const;

export type ThrottleKind = 'address' | 'account' | 'pair';

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
  /** The account (its email's hash) the key counts for, so that a reset link can lift its limits. */
  account: string | null;
}

/**
 * The three keys of an attempt, always in this order (the store locks rows in it). The email is
 * given as a hash: the table keeps no addresses of people, and no key is longer than a hash.
 */
export function throttleKeys(emailHash: string, address: string): ThrottleKey[] {
  const addr = address.slice(0, 100);
  return [
    { kind: 'address', key: `addr:${addr}`, account: null },
    { kind: 'account', key: `acct:${emailHash}`, account: emailHash },
    { kind: 'pair', key: `pair:${addr}|${emailHash}`, account: emailHash },
  ];
}

/** A key's count once this attempt is counted (so 1 for the first), and when its first was counted. */
export interface Counted {
  attempts: number;
  firstAt: string;
}

/**
 * How long after a key's first counted attempt its n-th may be checked: the `free` first ones at
 * once, then waits of 1 s, 2 s, 4 s... (each step at most an hour) added up.
 */
export function waitBefore(n: number, free: number): number {
  let total = 0;
  for (let j = 1; j <= n - free; j++) {
    const step = THROTTLE.firstStepMs * 2 ** Math.min(j - 1, 40);
    total += Math.min(step, THROTTLE.maxStepMs);
  }
  return total;
}

export type Decision = { allowed: true } | { allowed: false; reason: ThrottleKind; retryAfterSeconds: number };

/** Counts older than the window start again: the instant before which a first attempt is stale. */
export const staleBefore = (now: Date): string => new Date(now.getTime() - THROTTLE.windowMs).toISOString();

/**
 * Whether this attempt may be checked, given the counts of its three keys (this attempt included):
 * - the pair (account at address): free for `pairFree` failures, then growing waits;
 * - the address over every account: free for `addressFree` failures, then growing waits;
 * - the account over every address: past `accountCap` failures it is locked until its window ends
 *   or a reset link is used, but only for addresses that have failed for it themselves (the pair
 *   counted an attempt before this one): a login from anywhere else is still checked.
 * When several refuse, the longest wait is the answer.
 */
export function decideAttempt(c: Record<ThrottleKind, Counted>, now: Date): Decision {
  const t = now.getTime();
  const refusals: { reason: ThrottleKind; until: number }[] = [];
  const growing = (reason: ThrottleKind, free: number) => {
    const until = new Date(c[reason].firstAt).getTime() + waitBefore(c[reason].attempts, free);
    if (until > t) refusals.push({ reason, until });
  };
  growing('pair', THROTTLE.pairFree);
  growing('address', THROTTLE.addressFree);
  if (c.account.attempts > THROTTLE.accountCap && c.pair.attempts >= 2) {
    refusals.push({ reason: 'account', until: new Date(c.account.firstAt).getTime() + THROTTLE.windowMs });
  }
  if (!refusals.length) return { allowed: true };
  const worst = refusals.reduce((a, b) => (b.until > a.until ? b : a));
  return { allowed: false, reason: worst.reason, retryAfterSeconds: Math.max(1, Math.ceil((worst.until - t) / 1000)) };
}

/** A wait in words: "3 seconds", "2 minutes", "5 hours". */
export function waitText(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 90) return plural(seconds, 'second');
  if (seconds < 90 * 60) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 3600), 'hour');
}

/** What a refused person reads: how long to wait, and that a reset link works at once. */
export function refusalMessage(d: { reason: ThrottleKind; retryAfterSeconds: number }): string {
  const wait = waitText(d.retryAfterSeconds);
  if (d.reason === 'account') return `Too many failed logins for this account. Reset your password with "Forgot your password?" to log in now, or try again in ${wait}.`;
  return `Too many failed logins from here. Try again in ${wait}, or reset your password with "Forgot your password?".`;
}

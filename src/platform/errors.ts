/**
 * The one error type of Touchline. Services throw AppError with a string code; the HTTP layer maps
 * the code to a status through STATUS_BY_CODE (the only place that knows HTTP statuses for errors).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    // A refusal (4xx) is an answer to the person, not a fault: its stack is never shown or logged,
    // and capturing one cost more than deciding the refusal in the sign-up rush. Server-side
    // failures (5xx) keep theirs for the log.
    const limit = Error.stackTraceLimit;
    if (STATUS_BY_CODE[code] < 500) Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/**
 * Code -> HTTP status: every code an AppError can carry, and only these (ErrorCode is derived from
 * this table, so the compiler refuses a thrown code without a status).
 */
export const STATUS_BY_CODE = {
  VALIDATION: 422,
  /** Input or timing the person can fix: a file, a date, a choice, or waiting for a window. */
  UNSUPPORTED_FILE: 422,
  FILE_EMPTY: 422,
  PHOTO_TOO_SMALL: 422,
  /** A stored badge photo that cannot be decoded for printing: the coach uploads another. */
  PHOTO_UNPRINTABLE: 422,
  FIELD_NOT_ALLOWED: 422,
  FUTURE_DATE: 422,
  SAME_DAY: 422,
  BIRTH_DATE_MISSING: 422,
  UNKNOWN_SEASON: 422,
  TOO_EARLY: 422,
  SEASON_OVER: 422,
  RATING_WINDOW_CLOSED: 422,
  PREREQUISITE_MISSING: 422,
  NOT_REGISTERED: 422,
  CLASS_STARTED: 422,
  CLASS_NOT_HELD: 422,
  CHECK_NOT_NEEDED: 422,
  KEY_UNREADABLE: 422,
  CARD_EMPTY: 422,
  NO_KEEPER: 422,
  NO_VALID_PLAN: 422,
  NOT_ENOUGH_COACHES: 422,
  FORMATION_IMPOSSIBLE: 422,
  ADJUST_REFUSED: 422,
  ALLOTMENT_USED: 422,
  CAPACITY_BELOW_BOOKINGS: 422,
  /** A volunteer application the person must correct (the first problem's code is thrown). */
  APPLICATION_DATE_INVALID: 422,
  BIRTH_DATE_INVALID: 422,
  TOO_YOUNG: 422,
  NO_ROLES: 422,
  UNKNOWN_ROLE: 422,
  ROLE_NOT_ALLOWED: 422,
  UNKNOWN_DIVISION: 422,
  DUPLICATE_ROLE: 422,
  SSN_REQUIRED: 422,
  SSN_INVALID: 422,
  SSN_NOT_ALLOWED: 422,
  SIGNATURE_REQUIRED: 422,
  SIGNATURE_MISMATCH: 422,
  /** A training named the person can correct. */
  UNKNOWN_TRAINING: 422,
  UNKNOWN_PART: 422,
  PART_REQUIRED: 422,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  CONFLICT: 409,
  SLOT_FULL: 409,
  ALREADY_BOOKED: 409,
  SLOT_IN_USE: 409,
  SLOT_EXISTS: 409,
  SESSION_FULL: 409,
  ALREADY_SIGNED_UP: 409,
  CUTOFF_PASSED: 409,
  SESSION_CANCELLED: 409,
  SESSION_STARTED: 409,
  CLASS_FULL: 409,
  CARD_LOCKED: 409,
  FORMATION_PUBLISHED: 409,
  ALREADY_REGISTERED: 409,
  ALREADY_COMPLETED: 409,
  ALREADY_CREDITED: 409,
  ALREADY_DECIDED: 409,
  COMPLETION_EXISTS: 409,
  REQUEST_PENDING: 409,
  CLASS_CANCELLED: 409,
  CLASS_HELD: 409,
  NOT_YOUR_TEAM: 403,
  /** A badge asked for someone not (yet) certified or without an approved photo. */
  NOT_ELIGIBLE: 403,
  /** The region has not set up its screening key: nobody can give an SSN yet. */
  SCREENING_NOT_READY: 409,
  /** A screening public key that is not SPKI PEM of an RSA key of at least 3072 bits. */
  SCREENING_KEY_INVALID: 422,
  /** Replacing a screening key that sealed pending numbers without `replace: true`; details.unreadable counts them. */
  SCREENING_KEY_IN_USE: 409,
  /** Sign-up windows (practice, mentoring): 422, the person must wait or pick another time. */
  SIGNUP_CLOSED: 422,
  STALE: 409,
  LINK_EXPIRED: 410,
  /** A one-time link (password reset, set-up) that was already used. */
  LINK_USED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  /** The database cannot be reached right now (a restart, a failover): try again in a minute. */
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const satisfies Record<string, number>;

/** Every code an AppError may carry. */
export type ErrorCode = keyof typeof STATUS_BY_CODE;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(STATUS_BY_CODE, code);

/** The status of a code; a code from elsewhere (a library's error) answers 422. */
export function statusFor(code: string): number {
  return isErrorCode(code) ? STATUS_BY_CODE[code] : 422;
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You do not have access to this page.') => new AppError('FORBIDDEN', message);
export const invalid = (message: string, details?: unknown) => new AppError('VALIDATION', message, details);

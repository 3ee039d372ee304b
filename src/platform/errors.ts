/**
 * The one error type of Touchline. Services throw AppError with a string code; the HTTP layer maps
 * the code to a status through STATUS_BY_CODE (the only place that knows HTTP statuses for errors).
 */
export class AppError extends Error {
  readonly code: string;
  readonly details?: unknown;

  constructor(code: string, message: string, details?: unknown) {
    // A refusal (4xx) is an answer to the person, not a fault: its stack is never shown or logged,
    // and capturing one cost more than deciding the refusal in the sign-up rush. Server-side
    // failures (5xx) keep theirs for the log.
    const limit = Error.stackTraceLimit;
    if ((STATUS_BY_CODE[code] ?? 422) < 500) Error.stackTraceLimit = 0;
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

/** Code -> HTTP status. A code missing here answers 422 (the person can fix their input). */
export const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION: 422,
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
  /** Sign-up windows (practice, mentoring): 422, the person must wait or pick another time. */
  SIGNUP_CLOSED: 422,
  STALE: 409,
  LINK_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function statusFor(code: string): number {
  return STATUS_BY_CODE[code] ?? 422;
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You do not have access to this page.') => new AppError('FORBIDDEN', message);
export const invalid = (message: string, details?: unknown) => new AppError('VALIDATION', message, details);

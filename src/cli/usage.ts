/** Thrown by commands for bad input: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** Thrown by commands for bad input: a one-line reason (exit code 2), then any detail lines. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly lines: string[] = [],
  ) {
    super(message);
  }
}

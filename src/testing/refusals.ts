import { AppError } from '../platform/errors.js';

/** The AppError a promise is refused with; fails the test when it succeeds or fails otherwise. */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** 'ok' when the promise succeeds, else the code of the AppError it is refused with. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

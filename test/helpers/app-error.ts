import { expect } from 'vitest';
import { AppError, type ErrorCode } from '../../shared/api/result';

/** Runs `run`, expects it to throw an AppError with `code`, and its message to contain each fragment. */
export function expectAppError(run: () => unknown, code: ErrorCode, ...fragments: string[]): AppError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect(error.code).toBe(code);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
  return error;
}

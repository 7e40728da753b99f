import type { z } from 'zod';
import { apiContract, isApiMethod, type ApiArgs, type ApiMethod, type ApiOutput } from './contract';
import { AppError, fail, ok, type Result } from './result';

/** A handler per method; a missing one is a compile error where the table is declared. */
export type Handlers = {
  [M in ApiMethod]: (args: ApiArgs<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

/** Turns zod's issues into one sentence that says what is wrong and where. */
export function describeIssues(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'argument';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return parts.join('; ') + more;
}

export interface DispatchOptions {
  /** Where unexpected errors go (a log file, stderr); never to the caller. */
  logError?: (method: string, error: unknown) => void;
}

/**
 * Validates a call from an untrusted caller and runs its handler. Never throws: every outcome,
 * expected or not, is a Result. Unexpected errors are logged and reported without details.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  rawArgs: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isApiMethod(method)) {
    return fail('invalid-input', `Unknown API method ${JSON.stringify(String(method)).slice(0, 80)}.`);
  }
  const parsed = apiContract[method].input.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return fail('invalid-input', `Invalid arguments for ${method}: ${describeIssues(parsed.error)}`);
  }
  try {
    const handler = handlers[method] as (args: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message);
    options.logError?.(method, error);
    return fail('internal', `Journey Studio could not complete "${method}". The details are in the log.`);
  }
}

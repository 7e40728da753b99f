/**
 * The outcome of a computation that can refuse its input. Metric maths never throws on data a user
 * brought (a score of 11 on a 0–10 scale, a churn count larger than the customer base): it says why,
 * in a sentence the UI can show as it is.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

export const accepted = <T>(value: T): Checked<T> => ({ ok: true, value });
export const rejected = (reason: string): Checked<never> => ({ ok: false, reason });

/** The first zod issue as one sentence, prefixed by where it is: "n: Too small: expected …". */
export function describeIssues(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * How a schema's error text carries both the problem and its fix: zod keeps one message string
 * per issue, so the schema joins the two with a separator that never occurs in prose, and the
 * problem mapper splits them again.
 */
const HINT_SEPARATOR = '\u001f';

/** Joins a problem message ("must be a rate per person-year ≥ 0") and its fix into one string. */
export function withHint(message: string, hint: string): string {
  return `${message}${HINT_SEPARATOR}${hint}`;
}

/** Splits a string made by `withHint` (a plain message gets an empty hint). */
export function splitHint(text: string): { message: string; hint: string } {
  const at = text.indexOf(HINT_SEPARATOR);
  if (at < 0) return { message: text, hint: '' };
  return { message: text.slice(0, at), hint: text.slice(at + HINT_SEPARATOR.length) };
}

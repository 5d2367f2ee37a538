/**
 * Turns zod's issues into scenario problems: the schema's own message and fix where it gave one,
 * a plain-words message otherwise, and one problem per unknown key with a did-you-mean.
 */
import type * as z from 'zod';
import { suggestWord } from './did-you-mean.js';
import { splitHint } from './issue-text.js';
import type { DataPath, PathProblem } from './path-problem.js';

type Issue = z.core.$ZodIssue;

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping of keys (key: value)',
  array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

/** Lists every problem in a failed zod parse, in document order of the issues. */
export function problemsFromZod(error: z.ZodError): PathProblem[] {
  return error.issues.flatMap((issue) => problemsFromIssue(issue));
}

function problemsFromIssue(issue: Issue): PathProblem[] {
  const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)) as DataPath;
  if (issue.code === 'unrecognized_keys') {
    const known = parseKnownKeys(issue.message);
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: 'is not a known key',
      hint: unknownKeyHint(path, key) ?? suggestWord(key, known, 'keys'),
      atKey: true,
    }));
  }
  if (issue.code === 'invalid_union') {
    const branch = closestBranch(issue.errors);
    if (branch !== null)
      return branch.flatMap((inner) => problemsFromIssue({ ...inner, path: [...issue.path, ...inner.path] }));
  }
  const { message, hint } = splitHint(issue.message);
  if (hint !== '') return [{ path, message, hint }];
  return [{ path, ...plainProblem(issue, message) }];
}

/**
 * Of a union's alternatives, the one the value was evidently meant to be: the single alternative
 * with the fewest issues, none of them "wrong type" at the top. Null when it is ambiguous, so the
 * union's own message (listing the forms) is shown instead.
 */
function closestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | null {
  const candidates = branches.filter((issues) => issues.length > 0 && !issues.some(isWrongShape));
  if (candidates.length === 0) return null;
  const fewest = Math.min(...candidates.map((issues) => issues.length));
  const best = candidates.filter((issues) => issues.length === fewest);
  return best.length === 1 ? best[0] : null;
}

/**
 * An issue saying the value is not of this alternative's kind at all: the wrong type at the top,
 * or a nested union (a number that may be uncertain, uncertain-value.ts) none of whose forms the
 * value resembles — each of them the wrong type, or an object with keys it does not know.
 */
function isWrongShape(issue: Issue): boolean {
  if (issue.path.length !== 0) return false;
  if (issue.code === 'invalid_type') return true;
  return (
    issue.code === 'invalid_union' &&
    issue.errors.every((issues) =>
      issues.some(
        (inner) => inner.path.length === 0 && (inner.code === 'invalid_type' || inner.code === 'unrecognized_keys'),
      ),
    )
  );
}

/**
 * A fix that says what to write, for an unknown key that is a known key of another form of the
 * same field: an `allocation` added to a `{ treated, control }` size (as `--set
 * design.size.allocation=1:1` does) belongs to the `{ total, allocation }` form, so the size must
 * be given whole.
 */
function unknownKeyHint(path: DataPath, key: string): string | null {
  if (path.join('.') === 'design.size' && key === 'allocation')
    return (
      'an allocation splits a total: give the size whole, e.g. size: { total: 165, allocation: "1:2" } ' +
      `in the file, or --set 'design.size={ total: 165, allocation: "1:2" }'`
    );
  return null;
}

function parseKnownKeys(message: string): string[] {
  try {
    const parsed: unknown = JSON.parse(message);
    return Array.isArray(parsed)
      ? parsed.filter((key): key is string => typeof key === 'string' && key !== '$schema')
      : [];
  } catch {
    return [];
  }
}

/** Words for the issues the schema left to zod's defaults. */
function plainProblem(issue: Issue, fallback: string): { message: string; hint: string } {
  if (issue.code === 'invalid_type') {
    const wanted = TYPE_WORDS[issue.expected] ?? issue.expected;
    const hint =
      issue.expected === 'object'
        ? 'give its keys; `trialsim init FILE` writes an example with every part'
        : `write ${wanted} here`;
    return { message: `must be ${wanted}`, hint };
  }
  if (issue.code === 'invalid_value') {
    const words = issue.values.map((value) => String(value)).join(' | ');
    return { message: `must be ${words}`, hint: `write ${words}` };
  }
  if (issue.code === 'too_big' && issue.origin === 'string')
    return { message: `must be at most ${String(issue.maximum)} characters`, hint: 'shorten it' };
  return { message: fallback, hint: 'see `trialsim schema` for what this field takes' };
}

/**
 * Whether parsed scenario data is plain JSON-like data (objects, arrays, strings, numbers,
 * booleans, null) with no cycles. A YAML anchor can refer to the node that contains it
 * (`size: &a [*a]`), which parses to an array holding itself; such data cannot be validated,
 * hashed or sent to a worker, so the loader refuses it with the path where the cycle closes.
 */
import { formatPath, type DataPath } from './path-problem.js';

/** Where data stops being plain, and why. */
export interface NotPlain {
  readonly path: DataPath;
  readonly reason: string;
}

/**
 * The first place (depth first, in key order) where `value` is not plain data, or null when all
 * of it is. Shared references that are not cycles are allowed (YAML anchors repeat blocks).
 *
 * @example firstNotPlain({ a: [1, 2] }) → null
 * @example const a: unknown[] = []; a.push(a); firstNotPlain({ size: a }) →
 *   { path: ['size', 0], reason: 'refers back to itself (a cycle through the anchor at size)' }
 */
export function firstNotPlain(value: unknown): NotPlain | null {
  return visit(value, [], []);
}

function visit(value: unknown, path: (string | number)[], ancestors: unknown[]): NotPlain | null {
  if (value === null) return null;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return null;
  if (type !== 'object') return { path: [...path], reason: `is a ${type}, which a scenario cannot hold` };
  const cycleStart = ancestors.indexOf(value);
  if (cycleStart >= 0) {
    const anchorPath = path.slice(0, cycleStart);
    const where = anchorPath.length === 0 ? 'the top' : formatPath(anchorPath);
    return { path: [...path], reason: `refers back to itself (a cycle through the anchor at ${where})` };
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  const isArray = Array.isArray(value);
  if (!isArray && prototype !== Object.prototype && prototype !== null) {
    const name = (value as object).constructor?.name ?? 'object';
    return { path: [...path], reason: `is a ${name}, not plain data (a mapping, a list, text or a number)` };
  }
  ancestors.push(value);
  const entries: [string | number, unknown][] = isArray
    ? (value as unknown[]).map((item, index) => [index, item])
    : Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries) {
    path.push(key);
    const found = visit(item, path, ancestors);
    path.pop();
    if (found !== null) return found;
  }
  ancestors.pop();
  return null;
}

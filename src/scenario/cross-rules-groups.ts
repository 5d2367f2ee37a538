/**
 * Cross-field rules about groups: shares add up to 1, ids are unique, and every by-group map names
 * real groups and covers all of them.
 */
import { suggestWord } from './did-you-mean.js';
import type { DataPath, PathProblem } from './path-problem.js';

/** How far the shares may be from 1 (they are typed by hand, e.g. 0.44 + 0.56). */
export const SHARE_TOLERANCE = 1e-9;

/** Shares that do not add up to 1, and repeated group ids. */
export function checkGroups(groups: readonly { id: string; share: number }[]): PathProblem[] {
  const problems: PathProblem[] = [];
  const total = groups.reduce((sum, group) => sum + group.share, 0);
  if (Math.abs(total - 1) > SHARE_TOLERANCE) {
    problems.push({
      path: ['cohort', 'groups'],
      message: `shares must add up to 1 (they add up to ${Number(total.toPrecision(12))})`,
      hint: 'make the shares of all groups sum to exactly 1, e.g. 0.44 and 0.56',
    });
  }
  groups.forEach((group, index) => {
    if (groups.findIndex((other) => other.id === group.id) < index) {
      problems.push({
        path: ['cohort', 'groups', index, 'id'],
        message: `repeats the group id "${group.id}"`,
        hint: 'give each group its own id',
      });
    }
  });
  return problems;
}

/** Keys of a by-group map that are not group ids; with `complete`, also groups the map leaves out. */
export function checkGroupKeys(
  value: unknown,
  path: DataPath,
  groupIds: readonly string[],
  complete: boolean,
): PathProblem[] {
  if (typeof value !== 'object' || value === null) return [];
  const keys = Object.keys(value);
  const problems: PathProblem[] = keys
    .filter((key) => !groupIds.includes(key))
    .map((key) => ({
      path: [...path, key],
      message: 'is not a group id',
      hint: suggestWord(key, groupIds, 'groups'),
      atKey: true,
    }));
  const missing = groupIds.filter((id) => !keys.includes(id));
  if (complete && missing.length > 0) {
    problems.push({
      path,
      message: `must give a value for every group (missing: ${missing.join(', ')})`,
      hint: 'add the missing groups, or give one number for everybody',
    });
  }
  return problems;
}

/** A `within:` or similar reference that must name a group. */
export function checkGroupName(name: string | undefined, path: DataPath, groupIds: readonly string[]): PathProblem[] {
  if (name === undefined || groupIds.includes(name)) return [];
  return [{ path, message: `names no group "${name}"`, hint: suggestWord(name, groupIds, 'groups') }];
}

/**
 * The import graph of a source tree, read as text: every module a file imports or re-exports,
 * statically (`import … from`, `import type … from`, `export … from`, a bare `import '…'`) or
 * dynamically (`import('…')`), comments ignored; relative specifiers resolved to files of the
 * tree; and the cycles of the graph. Used by test/architecture.test.ts, on the real src/ and on
 * small in-memory fixtures that prove the checks fail where they should.
 */
import { posix } from 'node:path';

/** One source file: its path relative to the tree's root (posix separators) and its text. */
export interface SourceFile {
  readonly path: string;
  readonly code: string;
}

/** One import of one file: the specifier as written and, when relative, the tree path it resolves to. */
export interface ImportEdge {
  readonly from: string;
  readonly specifier: string;
  /** The importing file's path joined with a relative specifier (`.js` read as `.ts`/`.tsx` when such a file exists); null for a package. */
  readonly target: string | null;
}

/** The code with comments removed, so prose about "Date" or an import in a comment does not count. */
export function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every module specifier the code imports or re-exports, statically or dynamically, in order of appearance. */
export function importsOf(code: string): string[] {
  const pattern =
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...withoutComments(code).matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? match[4]);
}

/** The import edges of every file, relative specifiers resolved against the tree. */
export function importEdges(files: readonly SourceFile[]): ImportEdge[] {
  const paths = new Set(files.map((file) => file.path));
  const resolveTarget = (from: string, specifier: string): string => {
    const joined = posix.normalize(posix.join(posix.dirname(from), specifier));
    const stem = joined.replace(/\.js$/, '');
    return [`${stem}.ts`, `${stem}.tsx`].find((candidate) => paths.has(candidate)) ?? joined;
  };
  return files.flatMap((file) =>
    importsOf(file.code).map((specifier) => ({
      from: file.path,
      specifier,
      target: specifier.startsWith('.') ? resolveTarget(file.path, specifier) : null,
    })),
  );
}

/**
 * The cycles of the graph: each strongly connected group of two or more files (or a file that
 * imports itself), written as one closed path through it, e.g. `a.ts → b.ts → a.ts`, sorted.
 */
export function importCycles(files: readonly SourceFile[], edges: readonly ImportEdge[]): string[] {
  const next = new Map<string, string[]>(files.map((file) => [file.path, []]));
  for (const edge of edges) if (edge.target !== null && next.has(edge.target)) next.get(edge.from)?.push(edge.target);
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node)!) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || next.get(node)!.includes(node)) groups.push(group);
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return groups.map((group) => closedPath(group, next)).sort();
}

/** A path from the group's first file (by name) through the group back to it, by breadth-first search. */
function closedPath(group: readonly string[], next: ReadonlyMap<string, readonly string[]>): string {
  const members = new Set(group);
  const start = [...group].sort()[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of next.get(node)!) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = node; at !== start; at = cameFrom.get(at)!) path.splice(1, 0, at);
        return [...path, start].join(' → ');
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, node);
        queue.push(to);
      }
    }
  }
  return [...group, start].join(' → ');
}

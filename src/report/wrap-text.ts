/**
 * Word wrapping for the plain-text outputs (table notes, planning lines, explain view), measured in
 * characters, so lines fit a terminal of a given width without breaking a number apart.
 */

/** Joiners that bind the words on both sides: "4.50 → 1.23", "2 areas × 25.0 years" stay whole. */
const JOINERS = new Set(['→', '×', '–', '±']);

/**
 * The unbreakable pieces of `text`: its space-separated words, except that an interval in square
 * brackets (`[45.5, 51.5]`) stays one piece, and a joiner (`→`, `×`, `–`, `±`) stays with the words
 * on both sides of it.
 */
function pieces(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let joinNext = false;
  for (const word of text.split(' ')) {
    const glue = out.length > 0 && (depth > 0 || joinNext || JOINERS.has(word));
    if (glue) out[out.length - 1] = `${out[out.length - 1]} ${word}`;
    else out.push(word);
    for (const ch of word) {
      if (ch === '[') depth += 1;
      else if (ch === ']') depth = Math.max(0, depth - 1);
    }
    joinNext = JOINERS.has(word);
  }
  return out;
}

/**
 * Breaks `text` into lines of at most `width` characters at spaces, starting continuation lines
 * with `indent`. A space inside square brackets or next to `→`, `×`, `–` or `±` is not a break,
 * so an interval such as `[45.5, 51.5]` or a step such as `1.53 → 1.23` is never split. A piece
 * longer than `width` stays whole on its own line.
 *
 * Example: `wrapText('one two three', 7, '  ')` → `['one two', '  three']`;
 * `wrapText('power 49.1% [46.7, 51.6] at 2,000', 20)` → `['power 49.1%', '[46.7, 51.6] at', '2,000']`.
 */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces(text)) {
    const candidate = line === '' ? piece : `${line} ${piece}`;
    if ([...candidate].length > width && line !== '') {
      lines.push(line);
      line = `${indent}${piece}`;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Wraps every line of `text` on its own (see `wrapText`), continuation lines indented two spaces
 * more than the line they continue, so an indented list stays a list when it wraps.
 *
 * Example: `wrapLines(['  a b c'], 5)` → `['  a b', '    c']`.
 */
export function wrapLines(lines: readonly string[], width: number): string[] {
  return lines.flatMap((line) => {
    if ([...line].length <= width) return [line];
    const lead = /^ */.exec(line)![0];
    return wrapText(line.slice(lead.length), width - lead.length, '  ').map((part) => `${lead}${part}`);
  });
}

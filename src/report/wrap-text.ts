/**
 * Word wrapping for the plain-text outputs (table legend, explain view), measured in characters,
 * so lines fit a terminal of a given width.
 */

/**
 * Breaks `text` into lines of at most `width` characters at spaces, starting continuation lines
 * with `indent`. A single word longer than `width` stays whole on its own line.
 *
 * Example: `wrapText('one two three', 7, '  ')` → `['one two', '  three']`.
 */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if ([...candidate].length > width && line !== '') {
      lines.push(line);
      line = `${indent}${word}`;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Terminal styling by SGR escape codes, written here rather than through a colour library so the
 * report layer has no dependency and a single switch (`enabled`) decides whether any escape code
 * is written at all (off for pipes, files and NO_COLOR).
 */

const CODES = {
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  red: ['\u001b[31m', '\u001b[39m'],
  green: ['\u001b[32m', '\u001b[39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
  cyan: ['\u001b[36m', '\u001b[39m'],
} as const;

/** A style name understood by `applyStyle`. */
export type StyleName = keyof typeof CODES;

/**
 * Wraps `text` in the escape codes of `style` when `enabled`, else returns it unchanged.
 *
 * Example: `applyStyle('x', 'bold', true)` → `"\u001b[1mx\u001b[22m"`; `applyStyle('x', 'bold', false)` → `"x"`.
 */
export function applyStyle(text: string, style: StyleName, enabled: boolean): string {
  if (!enabled || text === '') return text;
  const [open, close] = CODES[style];
  return `${open}${text}${close}`;
}

/** The escape character that starts every terminal control sequence. */
export const ESCAPE = String.fromCharCode(27);

/** Matches every SGR and cursor escape sequence (built from a string: lint forbids control characters in regex literals). */
export const ESCAPE_SEQUENCE = new RegExp(`${ESCAPE}\\[[0-9;?]*[A-Za-z]`, 'g');

/**
 * The fingerprint of a scenario reported in JSON output: SHA-256 of the compiled Design written as
 * canonical JSON, so two files that say the same thing (comments, key order, defaults written out
 * or not) have the same hash, and any change that matters changes it.
 */
import { createHash } from 'node:crypto';
import type { Design } from '../core/design.js';

/**
 * JSON with object keys in sorted order at every level (arrays keep their order).
 * Example: `canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })` is '{"a":[2,{"c":4,"d":3}],"b":1}'.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 (hex) of the Design's canonical JSON. */
export function scenarioHash(design: Design): string {
  return createHash('sha256').update(canonicalJson(design)).digest('hex');
}

/**
 * SHA-256 (hex) of a scenario's text as UTF-8: the file's own hash (`scenario.fileSha256`) where the
 * text is the whole file, as the browser page has it. Example: textSha256('') is 'e3b0c442…b855'.
 */
export function textSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The part of `node:crypto` the scenario layer uses (`createHash('sha256').update(text).digest('hex')`,
 * in `src/scenario/scenario-hash.ts`), for the browser bundle: the web build aliases `node:crypto`
 * to this file, so the page fingerprints a scenario with the very same code as the command line.
 */
import { sha256 } from './sha256.js';

/** A one-shot SHA-256 hasher over text, with Node's `update(...).digest('hex')` calling shape. */
export function createHash(algorithm: string): { update(text: string): { digest(encoding: 'hex'): string } } {
  if (algorithm !== 'sha256') throw new Error(`the browser build only has sha256 (asked for ${algorithm})`);
  return {
    update: (text) => ({
      digest: (encoding) => {
        if (encoding !== 'hex') throw new Error(`the browser build only digests to hex (asked for ${encoding})`);
        return sha256(text);
      },
    }),
  };
}

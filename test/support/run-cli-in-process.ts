// Runs the real `main` in this process (no build needed, fast), capturing what it writes. For the
// built executable in its own process, see run-cli.ts.
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

/** What one in-process run of the command line returned and wrote. */
export interface CapturedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `trialsim ARGS` in this process and captures stdout and stderr; the streams are restored even if `main` throws. */
export async function trialsimInProcess(args: readonly string[]): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  // A writer that records the text and, like a real stream, calls back when it is done.
  const capture = (append: (text: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(String(chunk));
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((text) => (stdout += text)));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((text) => (stderr += text)));
  try {
    const code = await main(['node', 'trialsim', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

// A stand-in terminal for the dashboard adapters' tests: keeps what ink writes, text only.
import { Writable } from 'node:stream';
import { ESCAPE_SEQUENCE } from '../../src/report/ansi-style.js';

/** A terminal-like stream that keeps everything written to it. */
export function fakeTerminal(columns = 100): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { columns, rows: 40, isTTY: true });
  return { stream, text: () => chunks.join('').replace(ESCAPE_SEQUENCE, '') };
}

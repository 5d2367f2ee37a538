/**
 * Web worker entry: wires the chunk handler to the worker's messages and says it is ready. The
 * browser's counterpart of `src/runner/worker.ts`.
 */
import '../shims/node-math.js';
import type { FromChunkWorker, ToChunkWorker } from './chunk-messages.js';
import { chunkHandler } from './chunk-handler.js';

// The page's TypeScript program uses the DOM library, where `self` is a Window; in a dedicated
// worker it is the worker's scope, with these two members.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToChunkWorker>) => void) | null;
  postMessage(message: FromChunkWorker): void;
};
const handle = chunkHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
scope.postMessage({ kind: 'ready' });

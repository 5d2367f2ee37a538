/**
 * A stand-in for a web worker in Node tests: the real chunk handler, answering asynchronously
 * like a worker would, optionally crashing on chosen chunks.
 */
import { chunkHandler } from '../../src/web/engine/chunk-handler.js';
import type { FromChunkWorker, ToChunkWorker } from '../../src/web/engine/chunk-messages.js';
import type { WorkerLike } from '../../src/web/engine/page-runner.js';

/** Makes fake workers; `crashOn(fromTrial)` says whether a chunk's worker should crash instead of answering. */
export function fakeWorkerFactory(crashOn: (fromTrial: number) => boolean = () => false): {
  create: () => WorkerLike;
  started: () => number;
} {
  let started = 0;
  const create = (): WorkerLike => {
    started += 1;
    let alive = true;
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message: ToChunkWorker) {
        setTimeout(() => {
          if (!alive) return;
          if (message.kind === 'chunk' && crashOn(message.fromTrial)) {
            worker.onerror?.({ message: 'injected crash' });
            return;
          }
          handle(message);
        }, 0);
      },
      terminate() {
        alive = false;
      },
    };
    const handle = chunkHandler((answer: FromChunkWorker) => {
      if (alive) worker.onmessage?.({ data: answer });
    });
    setTimeout(() => alive && worker.onmessage?.({ data: { kind: 'ready' } }), 0);
    return worker;
  };
  return { create, started: () => started };
}

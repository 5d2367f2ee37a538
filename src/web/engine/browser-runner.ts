/**
 * The page's runner on real web workers: one per logical core the browser reports (as the
 * command line's default of one thread per core), each running `chunk-worker.ts`. The worker's
 * code is bundled into the page itself (started from a blob), so starting workers later — after
 * a stop, say — needs no network: the page keeps working offline once loaded.
 */
import ChunkWorker from './chunk-worker.ts?worker&inline';
import { PageRunner, type WorkerLike } from './page-runner.js';

/**
 * Opens the runner (workers start on the first run).
 *
 * Example: openBrowserRunner().threads → 2 on a 2-core machine.
 */
export function openBrowserRunner(threads = Math.max(1, navigator.hardwareConcurrency || 2)): PageRunner {
  return new PageRunner(threads, () => {
    const worker = new ChunkWorker();
    // The runner sets its handlers through this narrower view of the worker.
    return worker as unknown as WorkerLike;
  });
}

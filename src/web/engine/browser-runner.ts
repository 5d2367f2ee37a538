/**
 * The page's runner on real web workers: one per logical core the browser reports (as the
 * command line's default of one thread per core), each loading `chunk-worker.ts`.
 */
import { PageRunner, type WorkerLike } from './page-runner.js';

/**
 * Opens the runner (workers start on the first run).
 *
 * Example: openBrowserRunner().threads → 2 on a 2-core machine.
 */
export function openBrowserRunner(threads = Math.max(1, navigator.hardwareConcurrency || 2)): PageRunner {
  return new PageRunner(threads, () => {
    const worker = new Worker(new URL('./chunk-worker.ts', import.meta.url), { type: 'module' });
    // The runner sets its handlers through this narrower view of the worker.
    return worker as unknown as WorkerLike;
  });
}

import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { runTallyFromJSON } from '../core/diagnosis/tally.js';
import { loadEngine } from './engine-module.js';
import { prepareRun, runChunk } from './run-chunk.js';
import { faultFor, type PathOutcome, type RunPlan } from './run-plan.js';
import { TrialFailureError } from './trial-failure-error.js';

/**
 * Runs a plan's chunks one after another in this thread (one thread, no worker start-up cost).
 * Between chunks it yields to the event loop, so progress can be drawn and an abort (Ctrl-C) is
 * seen within one chunk's time. Only the engine-error fault can be injected here.
 */
export async function runInProcess(plan: RunPlan): Promise<PathOutcome> {
  const engine = await loadEngine(plan.engineUrl);
  const run = prepareRun(engine, plan.design);
  for (let chunk = plan.queue.take(); chunk; chunk = plan.queue.take()) {
    await yieldToEventLoop();
    if (plan.signal?.aborted) return { complete: false, workerStartMilliseconds: null };
    const fault = faultFor(plan, chunk.fromTrial, chunk.toTrial, chunk.attempts);
    const outcome = runChunk(engine, run, chunk.fromTrial, chunk.toTrial, {
      withNull: plan.withNull,
      keepRows: plan.keepRows,
      injectEngineError: fault !== null,
    });
    if (outcome.kind === 'failed') {
      chunk.attempts += 1;
      if (chunk.attempts >= plan.maxAttempts) {
        throw new TrialFailureError(
          [chunk.fromTrial, chunk.toTrial],
          outcome.trial,
          plan.design.simulation.seed,
          chunk.attempts,
          outcome.reason,
        );
      }
      plan.queue.giveBack(chunk);
      continue;
    }
    const tally = runTallyFromJSON(outcome.tally);
    plan.queue.observe(tally.trials, outcome.seconds);
    plan.collector.add(chunk.fromTrial, chunk.toTrial, tally, outcome.rows);
    plan.meter.add(tally);
    plan.meter.emit();
  }
  return { complete: true, workerStartMilliseconds: null };
}

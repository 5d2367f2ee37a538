import type { Design } from '../core/design.js';
import type { RunTally } from '../core/diagnosis/tally.js';
import type { TrialRows } from '../core/trial-rows.js';
import { BugError } from '../errors/bug-error.js';

/**
 * The engine's entry points, in `src/core/simulate-block.ts`: `prepareDesign` once per run (what
 * every trial shares; opaque to the runner, which only hands it back), then `simulateBlock` for
 * each chunk: trials [fromTrial, toTrial) tallied.
 */
export interface Engine {
  readonly prepareDesign: (design: Design) => unknown;
  readonly simulateBlock: SimulateBlock;
}

/** The engine's `simulateBlock`, given what its `prepareDesign` returned. */
export type SimulateBlock = (
  prepared: unknown,
  fromTrial: number,
  toTrial: number,
  options: { withNull: boolean; rows?: TrialRows },
) => RunTally;

/**
 * The URL of a compiled runner-side file. A worker thread can only load JavaScript (Node 20 does
 * not run .ts files and vitest does not transform worker files), so when this module is itself
 * running from source (`src/runner/*.ts`, under vitest) the URL points into the build output
 * `dist/src/runner/`; from the build (`dist/src/runner/*.js`, the command line) it is a sibling.
 */
function compiledUrl(pathFromRunner: string): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? `../../dist/src/runner/${pathFromRunner}` : pathFromRunner, import.meta.url);
}

/**
 * The compiled worker entry (`dist/src/runner/worker.js`; `dist/bundle/runner/worker.js` when this
 * module runs from the command line's bundle, whose code sits one folder below dist/bundle/ as
 * the build's sits one below dist/src/, hence the path through `../runner/`).
 */
export function workerEntryUrl(): URL {
  return compiledUrl('../runner/worker.js');
}

/**
 * The compiled engine module (`dist/src/core/simulate-block.js`). The engine is named by URL,
 * not imported here, so a test can hand the runner a fast stand-in engine, which, to load in a
 * worker, must itself be JavaScript.
 */
export function defaultEngineUrl(): URL {
  return compiledUrl('../core/simulate-block.js');
}

/** Loads an engine module and returns its entry points. */
export async function loadEngine(engineUrl: string): Promise<Engine> {
  const engine = (await import(engineUrl)) as Partial<Engine>;
  if (typeof engine.simulateBlock !== 'function') throw new BugError(`${engineUrl} does not export simulateBlock`);
  if (typeof engine.prepareDesign !== 'function') throw new BugError(`${engineUrl} does not export prepareDesign`);
  return { prepareDesign: engine.prepareDesign, simulateBlock: engine.simulateBlock };
}

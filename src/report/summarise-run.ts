/**
 * Assembles the run document (docs/json-output.md) from a run's tally: the diagnosands (core), plus who
 * made it, from what scenario, with which seed, and how long it took. Shared by `run`, the
 * planning commands and `merge`, so a merged shard set prints exactly what one full run prints.
 */
import { describeRollout } from '../core/assignment/rollout-schedule.js';
import { questionLooks } from '../core/analysis/group-sequential/question-looks.js';
import { armSizes, type Design } from '../core/design.js';
import { diagnose } from '../core/diagnosis/diagnose.js';
import { diagnoseInterim } from '../core/diagnosis/diagnose-interim.js';
import { describeCohort } from '../core/inquiry/describe-cohort.js';
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import type { RunTally } from '../core/diagnosis/tally.js';
import { prepareDesign } from '../core/prepare-design.js';
import { STREAM_VERSION } from '../core/rng/stream-version.js';
import { designWarnings } from './design-warnings.js';
import { describeInputUse } from './uncertain-inputs-note.js';
import { roundTo } from './round-to.js';
import { TOOL_VERSION } from './tool-version.js';

/** What the run document records beside the tally: the command, the scenario's hash and how the run went. */
export interface RunFacts {
  readonly command: string;
  /** The design hash (SHA-256 of the compiled design). */
  readonly sha256: string;
  /** The scenario file's SHA-256 (of its bytes), where there is a file. */
  readonly fileSha256?: string;
  readonly complete: boolean;
  readonly seconds: number;
  readonly threads: number;
}

/** The run document for `tally` of `design`. */
export function summariseRun(design: Design, tally: RunTally, facts: RunFacts): RunSummary {
  const sizes = armSizes(design.plan.size);
  const prepared = prepareDesign(design);
  const { results, familywise, warnings } = diagnose(prepared, tally);
  const looks = prepared.interim === null ? [] : questionLooks(design, prepared.interim);
  const questioned = [...designWarnings(design, design.simulation.trials), ...looks, ...warnings];
  const completeWarnings = facts.complete
    ? questioned
    : [
        `Interrupted: these results use the ${tally.trials} trials completed of ${design.simulation.trials}.`,
        ...questioned,
      ];
  return {
    tool: { name: 'trialsim', version: TOOL_VERSION, streamVersion: STREAM_VERSION },
    command: facts.command,
    scenario: {
      name: design.name,
      title: design.title,
      sha256: facts.sha256,
      ...(facts.fileSha256 === undefined ? {} : { fileSha256: facts.fileSha256 }),
    },
    seed: design.simulation.seed,
    trials: tally.trials,
    complete: facts.complete,
    design: sizes,
    results,
    familywise,
    warnings: completeWarnings,
    timing: {
      seconds: roundTo(facts.seconds, 3),
      trialsPerSecond: facts.seconds > 0 ? Math.round(tally.trials / facts.seconds) : 0,
      threads: facts.threads,
      resultsDependOnThreads: false,
    },
    engine: prepared.engine.kind,
    ...(design.uncertainInputs === undefined ? {} : { uncertainInputs: describeInputUse(design) }),
    cohort: describeCohort(prepared.inquiry),
    ...(prepared.interim !== null && tally.interim !== undefined
      ? {
          sequential: diagnoseInterim(
            design,
            prepared.interim,
            tally.interim.effect,
            tally.interim.nullRun,
            prepared.statedLogEstimands[prepared.interim.outcome],
          ),
        }
      : {}),
    ...(design.plan.rollout ? { rollout: describeRollout(design.plan.rollout) } : {}),
  };
}

/**
 * The page's one door into trialsim: every call the page makes into the core, the runner, the
 * scenario layer, the planners and the report formatters goes through this folder, so when those
 * modules move only this folder changes. The page's components import from here alone.
 */
export { armSizes, type Design, type Outcome } from '../../core/design.js';
export type { OutcomeDiagnosis, RunSummary } from '../../core/diagnosis/run-summary.js';
export type { RunTally } from '../../core/diagnosis/tally.js';
export type { RunProgress } from '../../events/run-progress.js';
export { TrialFailureError } from '../../runner/trial-failure-error.js';
export { formatCount, formatPercent, formatPercentWithInterval, formatRatio } from '../../report/format-numbers.js';
export { builtInScenarios, type BuiltInScenario } from './builtin-scenarios.js';
export { textSha256 } from '../../scenario/scenario-hash.js';
export { designFromText, formatProblem, type DesignOrProblems, type ScenarioProblem } from './design-from-text.js';
export { estimateHistogramSvg, powerCurveSvg, pValueHistogramSvg, type PowerCurve } from './charts.js';
export { openBrowserRunner } from './browser-runner.js';
export { PageRunner, type PageRunOptions, type PageRunResult, type WorkerLike } from './page-runner.js';
export {
  commissionerFigures,
  curveValues,
  powerCurveInPage,
  sampleSizeInPage,
  type CommissionerOutputs,
  type PageSampleSize,
  type ScenarioSource,
  type SearchPoint,
} from './planning.js';
export { formatDocument, summariseTally, type DocumentFormat } from './run-document.js';
export {
  dispersionOverride,
  effectOverride,
  engagementOverride,
  peopleOverride,
  readKnobs,
  writeOverrides,
  type Knobs,
} from './scenario-edits.js';
export type { OutcomeSample, TrialSample } from './trial-sample.js';

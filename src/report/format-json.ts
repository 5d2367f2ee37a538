/**
 * The `--json` output: one JSON document (docs/json-output.md; field names are contract) with its keys always in the
 * same order, so diffs of two runs line up and readers find fields where the design shows them.
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';

/** Keys of the top-level document in print order; planning commands' additions sit before `warnings`. */
const DOCUMENT_ORDER = [
  'tool',
  'command',
  'scenario',
  'seed',
  'trials',
  'complete',
  'design',
  'results',
  'familywise',
  'sequential',
  'target',
  'parameter',
  'value',
  'valueCI',
  'mde',
  'curve',
  'warnings',
  'timing',
];

/** Per-outcome keys: the contract's first (in §5's order), then the additional diagnostics. */
const RESULT_ORDER = [
  'outcome',
  'analysis',
  'primary',
  'estimand',
  'power',
  'powerCI',
  'mcse',
  'typeIError',
  'bias',
  'rmse',
  'coverage',
  'typeS',
  'exaggeration',
  'meanEstimate',
  'failures',
  'label',
  'kind',
  'within',
  'adjustedPower',
  'typeIErrorCI',
  'biasMcse',
  'coverageMcse',
  'nullFailures',
  'warnings',
];

const NESTED_ORDER: Record<string, readonly string[]> = {
  tool: ['name', 'version', 'streamVersion'],
  scenario: ['name', 'sha256', 'fileSha256', 'title'],
  design: ['treated', 'control', 'total'],
  familywise: ['anyPrimary', 'allPrimary', 'errorUnderNull', 'multiplicity'],
  timing: ['seconds', 'trialsPerSecond', 'threads', 'resultsDependOnThreads'],
};

/** Curve points of sample-size / curve documents. */
const CURVE_POINT_ORDER = ['value', 'outcome', 'power', 'powerCI'];

/** A copy of `record` with the keys of `order` first (those present), then every other key as it came. */
function orderKeys(record: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of order) if (key in record) ordered[key] = record[key];
  // Unknown keys (fields added later) keep their place relative to each other, but `timing`
  // stays last: it is the one field that differs between otherwise identical runs.
  const rest = Object.keys(record).filter((key) => !order.includes(key));
  for (const key of rest) ordered[key] = record[key];
  if ('timing' in ordered && order === DOCUMENT_ORDER) {
    const timing = ordered.timing;
    delete ordered.timing;
    ordered.timing = timing;
  }
  return ordered;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Formats a run summary (or a planning document that extends it with `target`, `parameter`,
 * `value`, `valueCI`, `mde`, `curve`) as the run document (docs/json-output.md, "Conventions"): two-space indented,
 * numbers exactly as computed, keys in the contract's order, one trailing newline.
 *
 * Example: `JSON.parse(formatJson(summary))` deep-equals `summary`; its text starts
 * `{\n  "tool": {\n    "name": "trialsim",`.
 */
export function formatJson(summary: RunSummary): string {
  const document = orderKeys({ ...summary } as Record<string, unknown>, DOCUMENT_ORDER);
  for (const [key, order] of Object.entries(NESTED_ORDER)) {
    if (isRecord(document[key])) document[key] = orderKeys(document[key], order);
  }
  document.results = summary.results.map((result) => orderKeys({ ...result } as Record<string, unknown>, RESULT_ORDER));
  if (Array.isArray(document.curve)) {
    document.curve = document.curve.map((point: unknown) =>
      isRecord(point) ? orderKeys(point, CURVE_POINT_ORDER) : point,
    );
  }
  return `${JSON.stringify(document, null, 2)}\n`;
}

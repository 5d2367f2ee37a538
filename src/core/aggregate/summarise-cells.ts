/**
 * From the cells' counts-of-counts to what the analyses read: each arm's sufficient statistics of
 * an outcome (over its groups), and per randomisation unit the pooled histogram of its analysed
 * people (for randomisation inference).
 */
import type { ArmSummaries, ArmSummary } from '../analysis/outcome-data.js';
import type { AggregateTrialContext } from './aggregate-context.js';
import { Histogram } from './histogram.js';

/**
 * Both arms' sufficient statistics of outcome k, from its source's histograms over its groups and
 * all units, in exactly the form `summariseArms` gives for person arrays (histograms of length
 * largest value in either arm + 1; derived binaries as the 0/1 histogram of "count > 0").
 *
 * @example treated histogram [3, 1], control [2, 0, 1] → treated { n 4, sum 1, histogram [3, 1, 0] },
 *   control { n 3, sum 2, sumSquares 4, histogram [2, 0, 1] }
 */
export function summariseOutcome(context: AggregateTrialContext, k: number): ArmSummaries {
  const perSlot = context.histograms[context.outcomeSource[k]];
  const groups = context.outcomeGroups[k];
  const { groupCount, unitCount } = context.layout;
  const anyEvent = context.anyEvent[k] === 1;
  // As `summariseArms`: both histograms have length (largest value in either arm) + 1.
  let length = 1;
  for (let arm = 0; arm < 2; arm++) {
    for (let i = 0; i < groups.length; i++) {
      for (let u = 0; u < unitCount; u++) length = Math.max(length, perSlot[(arm * groupCount + groups[i]) * unitCount + u].length);
    }
  }
  if (anyEvent) length = Math.min(length, 2);
  const arrays = context.summaryArrays[k];
  return {
    treated: armSummary(addSlots(context, k, 1, summaryArray(arrays[1], length))),
    control: armSummary(addSlots(context, k, 0, summaryArray(arrays[0], length))),
  };
}

/** The reusable array of this length (lengths index a dense list, so lookups stay on V8's fast path). */
function summaryArray(byLength: Float64Array[], length: number): Float64Array {
  while (byLength.length <= length) byLength.push(new Float64Array(byLength.length));
  return byLength[length];
}

/** One arm's counts-of-counts of outcome k, summed over its groups and all units into `counts` (of the shared length). */
function addSlots(context: AggregateTrialContext, k: number, arm: number, counts: Float64Array): Float64Array {
  const perSlot = context.histograms[context.outcomeSource[k]];
  const groups = context.outcomeGroups[k];
  const { groupCount, unitCount } = context.layout;
  const anyEvent = context.anyEvent[k] === 1;
  for (let v = 0; v < counts.length; v++) counts[v] = 0;
  for (let i = 0; i < groups.length; i++) {
    for (let u = 0; u < unitCount; u++) {
      const histogram = perSlot[(arm * groupCount + groups[i]) * unitCount + u];
      if (anyEvent) {
        for (let v = 0; v < histogram.length; v++) counts[v > 0 ? 1 : 0] += histogram.counts[v];
      } else {
        for (let v = 0; v < histogram.length; v++) counts[v] += histogram.counts[v];
      }
    }
  }
  return counts;
}

/** Per randomisation unit: outcome k's analysed people of both arms, pooled (for randomisation inference). */
export function unitHistograms(context: AggregateTrialContext, k: number): Histogram[] {
  const perSlot = context.histograms[context.outcomeSource[k]];
  const { groupCount, unitCount } = context.layout;
  return Array.from({ length: unitCount }, (_, u) => {
    const pooled = new Histogram();
    const groups = context.outcomeGroups[k];
    for (let arm = 0; arm < 2; arm++) {
      for (let i = 0; i < groups.length; i++) pooled.addHistogram(perSlot[(arm * groupCount + groups[i]) * unitCount + u]);
    }
    if (context.anyEvent[k] === 1) toAnyEvent(pooled);
    return pooled;
  });
}

/** Turns a count histogram into the 0/1 histogram of "any event". */
function toAnyEvent(histogram: Histogram): void {
  let positives = 0;
  for (let v = 1; v < histogram.length; v++) positives += histogram.counts[v];
  const zeros = histogram.counts[0];
  histogram.clear();
  histogram.add(0, zeros);
  histogram.add(1, positives);
}

/** An arm's sufficient statistics from its counts-of-counts. */
function armSummary(counts: Float64Array): ArmSummary {
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let v = 0; v < counts.length; v++) {
    const people = counts[v];
    n += people;
    sum += v * people;
    sumSquares += v * v * people;
  }
  return { n, sum, sumSquares, positives: n - counts[0], histogram: counts };
}

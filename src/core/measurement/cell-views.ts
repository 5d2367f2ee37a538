/**
 * The cell form's measurement views: from the cells' counts-of-counts to what each outcome's
 * analysis reads — each arm's sufficient statistics over the outcome's groups (its `within`
 * group, or all), and where the analysis needs them, harm values to rank, one mean per cluster,
 * or a re-randomiser drawing from each unit's pooled histogram.
 */
import type { AnalysisInput, ClusterValues } from '../analysis/analysis-input.js';
import { analysisNeeds, type AnalysisNeeds } from '../analysis/analyse.js';
import type { ArmSummaries, ArmSummary, OutcomeData } from '../analysis/outcome-data.js';
import type { AssignmentPlan } from '../assignment/assign.js';
import { rerandomiseCells } from '../assignment/rerandomise.js';
import type { Design } from '../design.js';
import type { CellLayout } from '../model/cell-layout.js';
import type { CellSources } from '../model/cell-sources.js';
import { Histogram } from '../model/histogram.js';

/** What the views read: the layout, the drawn sources, each outcome's groups, and reusable summary arrays. */
interface CellData {
  readonly layout: CellLayout;
  readonly sources: CellSources;
  /** Per design outcome: the groups it analyses (all, or its `within` group). */
  readonly outcomeGroups: readonly Int32Array[];
  /** Per outcome and arm, reusable summary histograms by length (each trial's arrays are read, never kept, by the analyses). */
  readonly summaryArrays: readonly (readonly [Float64Array[], Float64Array[]])[];
  /**
   * Per outcome, the arm summaries handed to its analysis, rewritten every trial: read, never kept,
   * by the analyses like the arrays above. Fresh objects per trial were most of a cell-form
   * trial's garbage (each double field of a new object is a new heap number).
   */
  readonly summaryObjects: readonly { treated: ReusedArmSummary; control: ReusedArmSummary }[];
}

/**
 * The views of one design's outcomes on the cells (the cell form's twin of `OutcomeViews`),
 * reading whatever the sources hold after a trial's draw.
 *
 * @example REF's offences, quasi-Poisson → { summaries from the two arms' histograms, people null, clusters null, rerandomiser null }
 */
export class CellViews {
  private readonly cells: CellData;
  private readonly needs: readonly AnalysisNeeds[];

  constructor(
    design: Design,
    layout: CellLayout,
    sources: CellSources,
    private readonly assignment: AssignmentPlan,
  ) {
    this.cells = {
      layout,
      sources,
      outcomeGroups: design.outcomes.map((outcome) =>
        outcome.within === null
          ? Int32Array.from(design.groups, (_, g) => g)
          : Int32Array.of(design.groups.findIndex((g) => g.id === outcome.within)),
      ),
      summaryArrays: design.outcomes.map(() => [[], []] as [Float64Array[], Float64Array[]]),
      summaryObjects: design.outcomes.map(() => ({ treated: new ReusedArmSummary(), control: new ReusedArmSummary() })),
    };
    this.needs = design.outcomes.map((outcome) => analysisNeeds(outcome.analysis));
  }

  /**
   * The analysis input of outcome k: its arms' sufficient statistics (counts-of-counts included
   * for counts and binaries), and where its analysis needs them, harm values to rank, one mean per
   * cluster (cluster randomisation), or a re-randomiser over the units' pooled histograms.
   */
  input(k: number): AnalysisInput {
    const { cells, assignment } = this;
    const needs = this.needs[k];
    const clusters = needs.clusters && assignment.kind === 'cluster' ? clusterData(cells, k) : null;
    if (cells.sources.harmOf[k] >= 0) {
      const summaries = summariseHarm(cells, k);
      // Ranks of continuous values need the values; the other harm analyses need only the sums.
      return {
        summaries,
        people: needs.people ? harmData(cells, k, summaries) : null,
        clusters,
        rerandomiser: null,
        caseworkerClusters: null,
      };
    }
    return {
      summaries: summariseOutcome(cells, k),
      people: null,
      clusters,
      rerandomiser: needs.rerandomiser ? rerandomiseCells(assignment, cells.layout, unitHistograms(cells, k)) : null,
      // The cell form does not run cluster-robust analyses: `chooseEngine` sends them to the person form.
      caseworkerClusters: null,
    };
  }
}

/**
 * Both arms' sufficient statistics of outcome k, from its source's histograms over its groups and
 * all units, in exactly the form `summariseArms` gives for person arrays (histograms of length
 * largest value in either arm + 1; derived binaries as the 0/1 histogram of "count > 0").
 *
 * @example treated histogram [3, 1], control [2, 0, 1] → treated { n 4, sum 1, histogram [3, 1, 0] },
 *   control { n 3, sum 2, sumSquares 4, histogram [2, 0, 1] }
 */
function summariseOutcome(cells: CellData, k: number): ArmSummaries {
  const perSlot = cells.sources.histograms[cells.sources.outcomeSource[k]];
  const groups = cells.outcomeGroups[k];
  const { groupCount, unitCount } = cells.layout;
  const anyEvent = cells.sources.anyEvent[k] === 1;
  // As `summariseArms`: both histograms have length (largest value in either arm) + 1.
  let length = 1;
  for (let arm = 0; arm < 2; arm++) {
    for (let i = 0; i < groups.length; i++) {
      for (let u = 0; u < unitCount; u++)
        length = Math.max(length, perSlot[(arm * groupCount + groups[i]) * unitCount + u].length);
    }
  }
  if (anyEvent) length = Math.min(length, 2);
  const arrays = cells.summaryArrays[k];
  const summaries = cells.summaryObjects[k];
  if (groups.length === 1 && unitCount === 1) {
    // One cell per arm (a single group and unit, as REF): copy and sum in one pass.
    const g = groups[0];
    summaries.treated.summariseOne(perSlot[groupCount + g], summaryArray(arrays[1], length), anyEvent);
    summaries.control.summariseOne(perSlot[g], summaryArray(arrays[0], length), anyEvent);
    return summaries;
  }
  summaries.treated.summarise(addSlots(cells, k, 1, summaryArray(arrays[1], length)));
  summaries.control.summarise(addSlots(cells, k, 0, summaryArray(arrays[0], length)));
  return summaries;
}

/** The reusable array of this length (lengths index a dense list, so lookups stay on V8's fast path). */
function summaryArray(byLength: Float64Array[], length: number): Float64Array {
  while (byLength.length <= length) byLength.push(new Float64Array(byLength.length));
  return byLength[length];
}

/** One arm's counts-of-counts of outcome k, summed over its groups and all units into `counts` (of the shared length). */
function addSlots(cells: CellData, k: number, arm: number, counts: Float64Array): Float64Array {
  const perSlot = cells.sources.histograms[cells.sources.outcomeSource[k]];
  const groups = cells.outcomeGroups[k];
  const { groupCount, unitCount } = cells.layout;
  const anyEvent = cells.sources.anyEvent[k] === 1;
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
function unitHistograms(cells: CellData, k: number): Histogram[] {
  const perSlot = cells.sources.histograms[cells.sources.outcomeSource[k]];
  const { groupCount, unitCount } = cells.layout;
  return Array.from({ length: unitCount }, (_, u) => {
    const pooled = new Histogram();
    const groups = cells.outcomeGroups[k];
    for (let arm = 0; arm < 2; arm++) {
      for (let i = 0; i < groups.length; i++)
        pooled.addHistogram(perSlot[(arm * groupCount + groups[i]) * unitCount + u]);
    }
    if (cells.sources.anyEvent[k] === 1) toAnyEvent(pooled);
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

/**
 * One arm's summary from its counts-of-counts, held in a reused object: n = Σ counts[v],
 * sum = Σ v·counts[v], sumSquares = Σ v²·counts[v], positives = n − counts[0].
 *
 * @example after summarise(Float64Array.of(3, 2, 1)): n 6, sum 4, sumSquares 6, positives 3
 */
class ReusedArmSummary implements ArmSummary {
  n = 0;
  sum = 0;
  sumSquares = 0;
  positives = 0;
  histogram: Float64Array = new Float64Array(0);

  summarise(counts: Float64Array): void {
    let n = 0;
    let sum = 0;
    let sumSquares = 0;
    for (let v = 0; v < counts.length; v++) {
      const people = counts[v];
      n += people;
      sum += v * people;
      sumSquares += v * v * people;
    }
    this.n = n;
    this.sum = sum;
    this.sumSquares = sumSquares;
    this.positives = n - counts[0];
    this.histogram = counts;
  }

  /**
   * As `summarise(addSlots(…))` for an arm of one cell: its histogram copied into `counts` (of the
   * shared length, or as the 0/1 histogram of "any event") and summed in the same pass.
   */
  summariseOne(histogram: Histogram, counts: Float64Array, anyEvent: boolean): void {
    const source = histogram.counts;
    const filled = Math.min(histogram.length, counts.length);
    let n = 0;
    let sum = 0;
    let sumSquares = 0;
    if (anyEvent) {
      let positives = 0;
      for (let v = 1; v < histogram.length; v++) positives += source[v];
      const zeros = histogram.length > 0 ? source[0] : 0;
      counts[0] = zeros;
      if (counts.length > 1) counts[1] = positives;
      n = zeros + positives;
      sum = positives;
      sumSquares = positives;
    } else {
      for (let v = 0; v < filled; v++) {
        const people = source[v];
        counts[v] = people;
        n += people;
        sum += v * people;
        sumSquares += v * v * people;
      }
      for (let v = filled; v < counts.length; v++) counts[v] = 0;
    }
    this.n = n;
    this.sum = sum;
    this.sumSquares = sumSquares;
    this.positives = n - counts[0];
    this.histogram = counts;
  }
}

/**
 * Both arms' sufficient statistics of harm outcome k: each arm's people from its count's cells
 * (over the outcome's groups and all units), and the sum and sum of squares of their harm — the
 * listed values of people with events; everyone else has 0. No histogram: harm is continuous.
 *
 * @example 3 treated people with harm [0, 12.5, 3] → treated { n 3, sum 15.5, sumSquares 165.25, positives 2 }
 */
function summariseHarm(cells: CellData, k: number): ArmSummaries {
  const arm = (which: number): ArmSummary => {
    let n = 0;
    let sum = 0;
    let sumSquares = 0;
    let positives = 0;
    forEachSlot(cells, k, which, (slot) => {
      const histogram = cells.sources.histograms[cells.sources.outcomeSource[k]][slot];
      for (let v = 0; v < histogram.length; v++) n += histogram.counts[v];
      const list = cells.sources.harm[cells.sources.harmOf[k]].values[slot];
      for (let i = 0; i < list.length; i++) {
        const value = list.values[i];
        sum += value;
        sumSquares += value * value;
        if (value > 0) positives += 1;
      }
    });
    return { n, sum, sumSquares, positives, histogram: null };
  };
  return { treated: arm(1), control: arm(0) };
}

/**
 * Harm outcome k's analysed people as person arrays (zeros for people without events, then the
 * listed values; treated first), for the analyses that rank values (Mann–Whitney on continuous data).
 *
 * @example treated harm [12.5] of 2 people, control [3] of 2 → values [0, 12.5, 0, 3], treated [1, 1, 0, 0]
 */
function harmData(cells: CellData, k: number, summaries: ArmSummaries): OutcomeData {
  const total = summaries.treated.n + summaries.control.n;
  const values = new Float64Array(total);
  const treated = new Uint8Array(total);
  const lists = cells.sources.harm[cells.sources.harmOf[k]].values;
  let at = 0;
  for (const which of [1, 0]) {
    const people = which === 1 ? summaries.treated.n : summaries.control.n;
    treated.fill(which, at, at + people);
    let listed = 0;
    forEachSlot(cells, k, which, (slot) => {
      listed += lists[slot].length;
    });
    at += people - listed; // people without events: harm 0, already in place
    forEachSlot(cells, k, which, (slot) => {
      const list = lists[slot];
      for (let i = 0; i < list.length; i++) values[at++] = list.values[i];
    });
  }
  return { values, treated, prior: null, integerValued: false };
}

/** Calls `visit(slot)` for each slot of outcome k's groups and all units in one arm. */
function forEachSlot(cells: CellData, k: number, arm: number, visit: (slot: number) => void): void {
  const groups = cells.outcomeGroups[k];
  const { groupCount, unitCount } = cells.layout;
  for (let i = 0; i < groups.length; i++) {
    for (let u = 0; u < unitCount; u++) visit((arm * groupCount + groups[i]) * unitCount + u);
  }
}

/**
 * Outcome k reduced to one value per cluster (site, the randomisation unit of a cluster design):
 * the mean of its analysed people, with the cluster's arm — all the cluster-level summary analysis
 * (`testClusterSummary`) reads, since it compares unweighted cluster means. Clusters with no
 * analysed people are left out, as that analysis drops them.
 *
 * @example sites 0 and 1 treated with means 2 and 1.5, site 2 control with mean 3 →
 *   values [2, 1.5, 3], treated [1, 1, 0], cluster [0, 1, 2]
 */
function clusterData(cells: CellData, k: number): ClusterValues {
  const means: number[] = [];
  const arms: number[] = [];
  const clusters: number[] = [];
  const { groupCount, unitCount } = cells.layout;
  const groups = cells.outcomeGroups[k];
  const harm = cells.sources.harmOf[k] >= 0 ? cells.sources.harm[cells.sources.harmOf[k]] : null;
  const perSlot = cells.sources.histograms[cells.sources.outcomeSource[k]];
  const anyEvent = cells.sources.anyEvent[k] === 1;
  for (let u = 0; u < unitCount; u++) {
    for (let arm = 0; arm < 2; arm++) {
      let n = 0;
      let sum = 0;
      for (let i = 0; i < groups.length; i++) {
        const slot = (arm * groupCount + groups[i]) * unitCount + u;
        const histogram = perSlot[slot];
        for (let v = 0; v < histogram.length; v++) {
          n += histogram.counts[v];
          if (harm === null) sum += (anyEvent ? Math.min(v, 1) : v) * histogram.counts[v];
        }
        if (harm !== null) for (let j = 0; j < harm.values[slot].length; j++) sum += harm.values[slot].values[j];
      }
      if (n === 0) continue;
      means.push(sum / n);
      arms.push(arm);
      clusters.push(u);
    }
  }
  return { values: Float64Array.from(means), treated: Uint8Array.from(arms), cluster: Int32Array.from(clusters) };
}

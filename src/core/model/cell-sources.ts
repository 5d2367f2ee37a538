/**
 * The cell form of the outcome model, prepared once per design: the random sources drawn cell by
 * cell (count outcomes, own-prevalence binaries), the harm outcomes built on the counts, the joint
 * draw of sources tied by the propensity, the selected prior-window laws, hazard tables that never
 * change, and the histograms each trial draws into.
 */
import type { Design } from '../design.js';
import { followUpYears } from '../measurement/exposure.js';
import type { CellLayout } from './cell-layout.js';
import { CountHazardWalk } from './count-hazard-walk.js';
import { eagerHazards, type CountHazards } from './count-hazards.js';
import { ConditionalHazards, jointScratch } from './draw-joint-histograms.js';
import { Histogram } from './histogram.js';
import type { ModelConstants } from './model-constants.js';
import { needsJointDraw } from './needs-joint-draw.js';
import { EligibilityByTotal, type SelectedTotals } from './selected-prior-law.js';
import { ValueList } from './value-list.js';

/** A random quantity drawn per cell: a count outcome's counts, or an own-prevalence binary's events. */
export interface Source {
  readonly kind: 'count' | 'binary';
  /** The design outcome it is (counts: the count itself; binaries: the own-prevalence binary). */
  readonly outcome: number;
  /** Per group: the mean count over follow-up (counts) or the base hazard (binaries), before multipliers. */
  readonly base: Float64Array;
  /** NB dispersion of a count given the site multiplier; the propensity's dispersion for a binary. */
  readonly dispersion: number;
  readonly cache: Map<number, CountHazards>;
  /** Scratch: the hazard walk of a mean that varies per trial (see `drawCellPart`). */
  readonly walk: CountHazardWalk;
  /**
   * Counts whose means are the same in every trial (no site variation, no drawn effect): per group
   * g, the hazards not engaged (2g) and engaged (2g + 1) under the stated effects; else empty.
   */
  fixed: CountHazards[];
  /** The harm outcomes built on this count (indices into `CellSources.harm`). */
  readonly harms: number[];
  /** Scratch: the counts of the people being drawn (one engaged or not-engaged part of a cell). */
  readonly part: Histogram;
}

/** A harm outcome: the sum of a lognormal severity per event of its count (× severity ratio when engaged). */
export interface HarmPlan {
  readonly outcome: number;
  readonly source: number;
  readonly median: number;
  readonly sdLog: number;
  /** Per slot: the harm of each observed person with at least one event (the rest have 0). */
  readonly values: readonly ValueList[];
}

/**
 * What the cell form draws, per design. Histograms and harm lists are indexed by slot
 * (arm·G + g)·U + u — arm 0 control, 1 treated; group g of G; randomisation unit u of U — and hold
 * the observed people of that slot after each trial's draw.
 */
export interface CellSources {
  readonly sources: readonly Source[];
  /** Per design outcome: its source, and whether it is "any event" of a count source. */
  readonly outcomeSource: Int32Array;
  readonly anyEvent: Uint8Array;
  /** Harm outcomes, and per design outcome its index there (−1 for counts and binaries). */
  readonly harm: readonly HarmPlan[];
  readonly harmOf: Int32Array;
  /** Scratch, per source and slot: the counts-of-counts drawn in the current trial. */
  readonly histograms: readonly Histogram[][];
  /**
   * When the propensity ties sources together (`needsJointDraw`): the sources in drawing order
   * (counts, then the own-prevalence binary) and what the joint draw reuses; else null.
   */
  readonly joint: {
    readonly order: Int32Array;
    readonly hazards: ConditionalHazards;
    readonly scratch: [Histogram, Histogram];
  } | null;
  /**
   * With selection on the prior window (and a propensity): per group, the chance of eligibility
   * by prior total and the prior total's mean before the site multiplier; the selected laws by
   * site multiplier; a scratch histogram. Null otherwise (then selection cannot change follow-up).
   */
  readonly selection: {
    readonly eligibility: readonly EligibilityByTotal[];
    readonly priorMean: Float64Array;
    readonly laws: readonly Map<number, SelectedTotals>[];
    readonly totals: Histogram;
  } | null;
}

/**
 * Prepares the cell form's sources for a design whose cell form is exact (`chooseEngine`): one
 * source per count outcome and per own-prevalence binary (binaries from a count and harm read
 * their count's cells), each with its per-group base (mean count over follow-up, or hazard) and
 * dispersion; and, when every trial has the same few means (no site or caseworker variation, no
 * drawn effect), their hazard tables built in full once from the stated ratios.
 *
 * @example REF (offences, any offence from it) → one count source; `anyEvent` [0, 1]
 */
export function prepareCellSources(
  design: Design,
  constants: ModelConstants,
  layout: CellLayout,
  statedRatios: readonly (readonly number[])[],
  drawsEffects: boolean,
): CellSources {
  const years = followUpYears(design.plan);
  const sources: Source[] = [];
  const sourceOf = new Map<number, number>();
  const addSource = (k: number): number => {
    const existing = sourceOf.get(k);
    if (existing !== undefined) return existing;
    const outcome = design.outcomes[k];
    const kind = outcome.kind === 'count' ? 'count' : 'binary';
    const base =
      kind === 'count'
        ? Float64Array.from(constants.groupRates[k], (rate) => rate * years)
        : Float64Array.from(constants.groupRates[k]);
    const dispersion =
      kind === 'count'
        ? Math.max(design.propensityDispersion, constants.noiseVariance[k])
        : design.propensityDispersion;
    sources.push({
      kind,
      outcome: k,
      base,
      dispersion,
      cache: new Map(),
      walk: new CountHazardWalk(),
      fixed: [],
      harms: [],
      part: new Histogram(),
    });
    sourceOf.set(k, sources.length - 1);
    return sources.length - 1;
  };
  const outcomeSource = new Int32Array(design.outcomes.length);
  const anyEvent = new Uint8Array(design.outcomes.length);
  const harm: HarmPlan[] = [];
  const harmOf = new Int32Array(design.outcomes.length).fill(-1);
  const slots = 2 * layout.groupCount * layout.unitCount;
  design.outcomes.forEach((outcome, k) => {
    // Binaries from a count and harm read their count's cells; the rest are sources of their own.
    const derived = outcome.kind === 'harm' || (outcome.kind === 'binary' && outcome.from !== null);
    outcomeSource[k] = addSource(derived ? constants.source[k] : k);
    anyEvent[k] = outcome.kind === 'binary' && derived ? 1 : 0;
    if (outcome.kind === 'harm') {
      harmOf[k] = harm.length;
      sources[outcomeSource[k]].harms.push(harm.length);
      const { median, sdLog } = outcome.severity;
      harm.push({
        outcome: k,
        source: outcomeSource[k],
        median,
        sdLog,
        values: Array.from({ length: slots }, () => new ValueList()),
      });
    }
  });
  const cells: CellSources = {
    sources,
    outcomeSource,
    anyEvent,
    harm,
    harmOf,
    histograms: sources.map(() => Array.from({ length: slots }, () => new Histogram())),
    selection: prepareSelection(design, constants),
    joint: needsJointDraw(design)
      ? {
          order: Int32Array.from(
            [...sources.keys()].sort(
              (a, b) => Number(sources[a].kind === 'binary') - Number(sources[b].kind === 'binary') || a - b,
            ),
          ),
          hazards: new ConditionalHazards(),
          scratch: jointScratch(),
        }
      : null,
  };
  if (!(constants.siteVariance > 0 || constants.caseworkerVariance > 0 || drawsEffects))
    warmHazards(cells, statedRatios);
  return cells;
}

/** Without site variation or drawn effects, every trial uses the same few means: build their tables in full once. */
function warmHazards(cells: CellSources, statedRatios: readonly (readonly number[])[]): void {
  for (const source of cells.sources) {
    if (source.kind !== 'count') continue;
    source.base.forEach((mean, g) => {
      source.fixed[2 * g] = eagerHazards(mean, source.dispersion);
      source.fixed[2 * g + 1] = eagerHazards(mean * statedRatios[source.outcome][g], source.dispersion);
    });
  }
}

/** The per-group eligibility laws of a design with selection and a propensity (see `CellSources.selection`). */
function prepareSelection(design: Design, constants: ModelConstants): CellSources['selection'] {
  const plan = constants.selection;
  if (plan === null || !(design.propensityDispersion > 0)) return null;
  const segments = plan.segmentMonths.length;
  const priorMean = new Float64Array(design.groups.length);
  const eligibility = design.groups.map((_, g) => {
    const cellMeans = new Float64Array(plan.outcomeIndices.length * segments);
    plan.outcomeIndices.forEach((k, j) => {
      for (let segment = 0; segment < segments; segment++) {
        cellMeans[j * segments + segment] = (constants.groupRates[k][g] * plan.segmentMonths[segment]) / 12;
      }
    });
    priorMean[g] = cellMeans.reduce((sum, mean) => sum + mean, 0);
    return new EligibilityByTotal(plan, cellMeans);
  });
  return { eligibility, priorMean, laws: design.groups.map(() => new Map()), totals: new Histogram() };
}

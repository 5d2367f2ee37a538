import type { AnalysisInput } from './analysis/analysis-input.js';
import { drawTreatedCounts, type AssignmentPlan } from './assignment/assign.js';
import type { Design } from './design.js';
import { drawObservedCount } from './measurement/attrition.js';
import { CellViews } from './measurement/cell-views.js';
import { drawEngagedCount } from './measurement/engagement.js';
import { layOutCells, type CellLayout } from './model/cell-layout.js';
import { prepareCellSources, type CellSources } from './model/cell-sources.js';
import { dealCaseloads, forEachCaseworker } from './model/deal-caseloads.js';
import { drawCellPart } from './model/draw-cell-part.js';
import { drawMeanOneGamma } from './model/mean-one-gamma.js';
import type { ModelConstants } from './model/model-constants.js';
import type { Rng } from './rng/rng.js';
import type { Ratios, TrialForm } from './trial-form.js';

/**
 * The cell form of a trial: the cohort cut into population cells (arm × group × site ×
 * randomisation unit), each cell's counts-of-counts drawn at once instead of person by person, and
 * each outcome analysed from its arms' sufficient statistics. Same streams, same law as the person
 * form for the designs `chooseEngine` lets it run (the agreement tests check it); about 4 µs per
 * trial of 2,000 people. It reuses its scratch (treated counts, site multipliers, histograms)
 * from trial to trial, so one thread uses it at a time.
 *
 * Formula in words: site multipliers (gamma, mean 1) per site; treated counts per cell by the
 * design's scheme (`drawTreatedCounts`); in each cell and arm, engaged ~ Binomial(treated,
 * engagement) and observed ~ Binomial(·, 1 − attrition) for the engaged and not-engaged parts,
 * whose outcomes are drawn by `drawCellPart`; treated people are split further by caseworker
 * (`dealCaseloads`; each caseload's gamma multiplier drawn per trial, 1 in the null run).
 * Reference: DeclareDesign's MIDA (Blair, Cooper, Coppock & Humphreys 2019, APSR 113:838); the
 * multinomial sufficiency of counts-of-counts for exchangeable people (Fisher 1922).
 *
 * @example simulateTrial(prepareDesign(REF), 0, false) walks this form for REF: one cell of 2,000
 */
export class CellForm implements TrialForm<Float64Array, Float64Array, CellSources> {
  readonly kind = 'cell';
  readonly layout: CellLayout;
  private readonly sources: CellSources;
  private readonly views: CellViews;
  /** Scratch: each site's rate multiplier, and each cell's treated count, in the current trial. */
  private readonly siteMultiplier: Float64Array;
  private readonly treated: Float64Array;

  constructor(
    private readonly design: Design,
    private readonly model: ModelConstants,
    private readonly assignment: AssignmentPlan,
    statedRatios: Ratios,
    drawsEffects: boolean,
  ) {
    this.layout = layOutCells(model, assignment);
    this.sources = prepareCellSources(design, model, this.layout, statedRatios, drawsEffects);
    this.views = new CellViews(design, this.layout, this.sources, assignment);
    this.siteMultiplier = new Float64Array(this.layout.siteCount).fill(1);
    this.treated = new Float64Array(this.layout.cellSize.length);
  }

  /** Model: each site's rate multiplier (the people of a cell are exchangeable given it). */
  drawCohort(rng: Rng): Float64Array {
    const { siteMultiplier, model } = this;
    if (model.siteVariance > 0)
      for (let s = 0; s < siteMultiplier.length; s++) siteMultiplier[s] = drawMeanOneGamma(rng, model.siteVariance);
    return siteMultiplier;
  }

  /** Assignment: how many people of each cell are treated, by the design's scheme. */
  assign(_siteMultiplier: Float64Array, rng: Rng): Float64Array {
    drawTreatedCounts(this.assignment, this.layout, rng, this.treated);
    return this.treated;
  }

  /** Model and measurement: cell by cell, each arm's engaged and observed people and their outcomes. */
  measure(
    siteMultiplier: Float64Array,
    treated: Float64Array,
    ratios: Ratios,
    rng: Rng,
    treatmentVaries: boolean,
  ): CellSources {
    const { layout, sources, model } = this;
    const { histograms } = sources;
    for (let j = 0; j < histograms.length; j++)
      for (let slot = 0; slot < histograms[j].length; slot++) histograms[j][slot].clear();
    for (const plan of sources.harm) for (const list of plan.values) list.clear();
    // As the person form, the paired null run is the sharp null: caseworkers change nothing.
    const caseloads =
      model.caseworkerVariance > 0 && treatmentVaries
        ? dealCaseloads(layout, treated, this.design.plan.caseworkers!.caseload)
        : null;
    let caseworkerMultiplier: Float64Array | null = null;
    if (caseloads !== null) {
      caseworkerMultiplier = new Float64Array(caseloads.caseworkers);
      for (let w = 0; w < caseloads.caseworkers; w++)
        caseworkerMultiplier[w] = drawMeanOneGamma(rng, model.caseworkerVariance);
    }
    const fixedTable = treatmentVaries ? 1 : 0;
    for (let c = 0; c < layout.cellSize.length; c++) {
      const multiplier = siteMultiplier[layout.cellSite[c]];
      const treatedHere = treated[c];
      this.measureArm(rng, c, 0, layout.cellSize[c] - treatedHere, multiplier, ratios, fixedTable, multiplier);
      if (caseloads === null) {
        this.measureArm(rng, c, 1, treatedHere, multiplier, ratios, fixedTable, multiplier);
        continue;
      }
      forEachCaseworker(caseloads, layout, c, treatedHere, (caseworker, people) =>
        this.measureArm(
          rng,
          c,
          1,
          people,
          multiplier * caseworkerMultiplier![caseworker],
          ratios,
          fixedTable,
          multiplier,
        ),
      );
    }
    return sources;
  }

  /** Measurement: outcome k's observed people of its `within` group, from the cells. */
  analysisInput(_sources: CellSources, k: number): AnalysisInput {
    return this.views.input(k);
  }

  /**
   * `people` people of cell c in one arm, all with the same rate multiplier (site, and caseworker
   * when treated): engaged ~ Binomial(people, engagement) among the treated, observed
   * ~ Binomial(·, 1 − attrition) in the engaged and the not-engaged part, then every source of
   * each part's observed people (`drawCellPart`).
   */
  private measureArm(
    rng: Rng,
    c: number,
    arm: number,
    people: number,
    multiplier: number,
    ratios: Ratios,
    fixedTable: number,
    siteMultiplier: number,
  ): void {
    if (people === 0) return;
    const { layout, model, design } = this;
    const g = layout.cellGroup[c];
    const engaged = arm === 1 ? drawEngagedCount(rng, people, model.engagement[g]) : 0;
    const slot = (arm * layout.groupCount + g) * layout.unitCount + layout.cellUnit[c];
    for (let part = 0; part < 2; part++) {
      const observed = drawObservedCount(rng, part === 1 ? engaged : people - engaged, design.plan.attrition);
      if (observed === 0) continue;
      drawCellPart(
        this.sources,
        rng,
        g,
        slot,
        observed,
        multiplier,
        part === 1 ? ratios : null,
        part * fixedTable,
        siteMultiplier,
        design.propensityDispersion,
      );
    }
  }
}

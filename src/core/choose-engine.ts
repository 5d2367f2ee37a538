import type { Design } from './design.js';
import { needsJointDraw } from './model/needs-joint-draw.js';
import { compileSelection } from './model/selection-plan.js';

/** The engine a design's trials run on, and why (shown to users and recorded in the run document). */
export interface ChosenEngine {
  /** 'person': every person drawn (the person form); 'aggregate': each cell's counts-of-counts (the cell form). */
  readonly kind: 'person' | 'aggregate';
  readonly reason: string;
}

/** A design that asks for the aggregate engine where the cell form is not exact: the reason. */
export interface RefusedEngine {
  readonly kind: 'refused';
  readonly reason: string;
}

/**
 * The one place the engine is chosen: `simulation.engine` 'person' as asked; 'aggregate' as asked
 * when the cell form is exact for the design, refused otherwise; 'auto' (the default, also when
 * the field is absent) the aggregate engine wherever the cell form is exact, the per-person one
 * otherwise. Both forms give the same trial in law (the agreement tests check it); the cell form
 * is about 70 times faster.
 *
 * The cell form is exact when, within each cell (arm × group × site × randomisation unit ×
 * engaged), people are independent and identically distributed given the drawn multipliers, each
 * analysed quantity's law is known in closed form, and every reported number depends only on the
 * cells' counts-of-counts (caseworker clustering is fine: each caseload is its own cell). It is
 * not, the first of these that applies being the reason:
 * - a stepped-wedge rollout (people in periods, arms by the clusters' crossover periods: the
 *   person form walks its person-periods, `PersonPeriodForm`);
 * - `adjustForPrior` (a person-level covariate);
 * - an outcome analysed by `cluster-robust`: it needs each caseworker's own total, and the cell
 *   form splits a cell's treated people by caseworker only to draw them (one histogram per cell,
 *   not per caseload), so it cannot list per-caseworker totals without keeping a histogram per
 *   caseworker — the person form gives them directly;
 * - a selection outcome with its own dispersion (its prior window is not negative binomial given
 *   the propensity, so the selected law `SelectedTotals` does not apply);
 * - a harm outcome analysed by permutation (continuous person-level values re-randomised);
 * - a count with its own dispersion on top of the propensity's (a product of two gammas is not a
 *   gamma, so the count is not negative binomial);
 * - primary outcomes on different sources tied by the propensity (`needsJointDraw`) with two or
 *   more own-prevalence binaries among the sources (the joint draw handles at most one).
 * Reference: the model in docs/architecture.md; DeclareDesign's MIDA (Blair et al. 2019).
 *
 * @example REF (one NB count, a binary from it), auto → { kind: 'aggregate', reason: 'auto: … exact …' };
 *   MK, auto → { kind: 'person', reason: "analysis.adjustForPrior needs each person's prior-window count" };
 *   MK, aggregate → { kind: 'refused', reason: "analysis.adjustForPrior needs …" }
 */
export function chooseEngine(design: Design): ChosenEngine | RefusedEngine {
  const asked = design.simulation.engine ?? 'auto';
  if (asked === 'person') return { kind: 'person', reason: 'simulation.engine person, as asked' };
  const inexact = cellFormInexactness(design);
  if (inexact === null) {
    return {
      kind: 'aggregate',
      reason:
        asked === 'aggregate'
          ? 'simulation.engine aggregate, as asked; the cell form is exact for this design'
          : 'auto: the cell form is exact for this design',
    };
  }
  return asked === 'aggregate' ? { kind: 'refused', reason: inexact } : { kind: 'person', reason: inexact };
}

/** Why the cell form is not exact for a design, or null when it is. */
function cellFormInexactness(design: Design): string | null {
  if (design.plan.rollout)
    return 'a rollout follows people through periods with a cluster-by-period multiplier, which the cell layout has no unit for (the person-period form simulates it)';
  if (design.analysis.adjustForPrior) return "analysis.adjustForPrior needs each person's prior-window count";
  const robust = design.outcomes.find((o) => o.analysis === 'cluster-robust');
  if (robust)
    return `outcome "${robust.id}" is analysed by cluster-robust, which needs each caseworker's totals, drawn person by person`;
  const plan = compileSelection(design);
  // A selection outcome's own noise is tilted by selection too (whatever the propensity), and is not drawn by total.
  if (plan !== null) {
    const noisy = Array.from(plan.outcomeIndices)
      .map((k) => design.outcomes[k])
      .find((o) => o.kind === 'count' && o.dispersion > 0);
    if (noisy)
      return `selection outcome "${noisy.id}" has its own dispersion, so its prior window is not negative binomial`;
  }
  const permutedHarm = design.outcomes.find((o) => o.kind === 'harm' && o.analysis === 'permutation');
  if (permutedHarm)
    return `harm outcome "${permutedHarm.id}" is analysed by permutation, which re-randomises continuous person-level values`;
  const dispersed = design.outcomes.find(
    (o) => o.kind === 'count' && o.dispersion > 0 && design.propensityDispersion > 0,
  );
  if (dispersed)
    return `count outcome "${dispersed.id}" has its own dispersion on top of the propensity's, so its counts are not negative binomial`;
  if (needsJointDraw(design)) {
    const binaries = design.outcomes.filter((o) => o.kind === 'binary' && o.from === null);
    if (binaries.length > 1) {
      return (
        `own-prevalence binaries "${binaries[0].id}" and "${binaries[1].id}" share the propensity with a primary outcome ` +
        `of another source (dispersion ${design.propensityDispersion}), and their joint law is not drawn cell by cell`
      );
    }
  }
  return null;
}

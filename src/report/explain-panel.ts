/**
 * Filling the `explain` teaching view from simulations: which two sizes it compares, and one
 * panel (the sampling distribution of one outcome's estimate, its truth, power, exaggeration and
 * type S) from a run's tally at each size.
 */
import { armSizes, type Design, type Outcome } from '../core/design.js';
import { diagnose } from '../core/diagnosis/diagnose.js';
import type { OutcomeDiagnosis } from '../core/diagnosis/run-summary.js';
import type { RunTally } from '../core/diagnosis/tally.js';
import { prepareDesign } from '../core/prepare-design.js';
import type { ExplainData, ExplainPanel } from './explain-data.js';

/** One size the teaching view simulates. */
export interface ExplainSize {
  readonly label: string;
  readonly treated: number;
  readonly control: number;
}

const RATIO_NAMES: Record<Outcome['kind'], string> = { count: 'rate ratio', binary: 'risk ratio', harm: 'harm ratio' };

/**
 * The two sizes compared: the pilot's and the planned one when the scenario has a `pilot` block,
 * otherwise the size as written and `scale` times it (each arm rounded).
 *
 * Example: 45 treated and 120 control, no pilot, scale 4 → As written (45, 120) and "4× larger" (180, 480).
 */
export function explainSizes(design: Design, scale: number): ExplainSize[] {
  const written = armSizes(design.plan.size);
  if (design.pilot) {
    return [
      { label: 'Pilot', treated: design.pilot.treated, control: design.pilot.control },
      { label: 'Planned', treated: written.treated, control: written.control },
    ];
  }
  return [
    { label: 'As written', treated: written.treated, control: written.control },
    {
      label: `${scale}× larger`,
      treated: Math.round(written.treated * scale),
      control: Math.round(written.control * scale),
    },
  ];
}

/**
 * The panel of outcome `k` (its position in `design.outcomes`) from the tally of `design`'s run:
 * the histograms of all and of significant log estimates, and the diagnosands of that outcome.
 *
 * Example: a run of teaching-two-arm at 100 per arm → power near 0.3 and exaggeration near 1.8 for reoffend.
 */
export function explainPanel(design: Design, label: string, tally: RunTally, k: number): ExplainPanel {
  return explainPanelOf(design, label, tally, k, diagnose(prepareDesign(design), tally).results[k]);
}

/** What a panel shows of an outcome's diagnosis. */
type PanelDiagnosands = Pick<
  OutcomeDiagnosis,
  'estimand' | 'power' | 'exaggeration' | 'typeS' | 'meanSignificantRatio'
>;

/**
 * The panel of outcome `k` from a run's tally and that outcome's diagnosis, already made (as a
 * run's summary holds it: the browser page has one at hand).
 *
 * Example: explainPanelOf(design, '2,000 simulated trials', tally, 0, summary.results[0]).
 */
export function explainPanelOf(
  design: Design,
  label: string,
  tally: RunTally,
  k: number,
  result: PanelDiagnosands,
): ExplainPanel {
  const sizes = armSizes(design.plan.size);
  return {
    label,
    treated: sizes.treated,
    control: sizes.control,
    estimateHistogram: tally.outcomes[k].estimateHistogram,
    significantHistogram: tally.outcomes[k].significantHistogram,
    trueEffect: result.estimand,
    power: result.power,
    exaggeration: result.exaggeration,
    typeS: result.typeS,
    meanSignificantRatio: result.meanSignificantRatio,
  };
}

/** The view of outcome `k` from its panels, with the outcome's name and what its ratio is called. */
export function explainData(design: Design, k: number, panels: readonly ExplainPanel[]): ExplainData {
  const outcome = design.outcomes[k];
  return { outcome: outcome.id, outcomeLabel: outcome.label, ratioName: RATIO_NAMES[outcome.kind], panels };
}

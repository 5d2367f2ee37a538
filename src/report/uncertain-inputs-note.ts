/**
 * How a run used the scenario's uncertain inputs (docs/scenario-language.md, "Uncertain values"):
 * `run` holds each at its central value, except uncertain effects, which every trial draws
 * (assurance); `--assurance` draws every input per trial.
 */
import type { Design } from '../core/design.js';
import type { RunSummary, UncertainInputUse } from '../core/diagnosis/run-summary.js';

/**
 * Each uncertain input of `design` with how its trials used it: drawn per trial when it is an
 * effect or the design draws its inputs (assurance), else at its central value.
 *
 * Example: a dispersion `{ from: 0.8, to: 3, central: 1.5 }` in a plain run →
 * `{ path: 'cohort.propensity.dispersion', central: 1.5, low: 0.8, high: 3, …, used: 'central' }`.
 */
export function describeInputUse(design: Design): UncertainInputUse[] {
  const drawsAll = design.simulation.drawInputs === true;
  return (design.uncertainInputs ?? []).map((input) => ({
    ...input,
    used: input.effect || drawsAll ? 'drawn per trial' : 'central',
  }));
}

/**
 * One sentence for the reports, or null without uncertain inputs, e.g. "Uncertain inputs at their
 * central values: cohort.propensity.dispersion = 1.5 (range 0.8–3). Drawn per trial (assurance):
 * outcomes.knife.effect.rateRatio (0.45–0.8)."
 */
export function uncertainInputsNote(summary: RunSummary): string | null {
  const inputs = summary.uncertainInputs ?? [];
  if (inputs.length === 0) return null;
  const range = (input: UncertainInputUse) => `${formatValue(input.low)}–${formatValue(input.high)}`;
  const central = inputs.filter((input) => input.used === 'central');
  const drawn = inputs.filter((input) => input.used !== 'central');
  const parts: string[] = [];
  if (central.length > 0)
    parts.push(
      `Uncertain inputs at their central values: ${central
        .map((input) => `${input.path} = ${formatValue(input.central)} (range ${range(input)})`)
        .join('; ')}.`,
    );
  if (drawn.length > 0)
    parts.push(`Drawn per trial (assurance): ${drawn.map((input) => `${input.path} (${range(input)})`).join('; ')}.`);
  if (central.length > 0) parts.push('`trialsim sensitivity` shows which of them move the answer.');
  return parts.join(' ');
}

// Three significant figures: 1.5, 0.8, 0.267, 1200.
function formatValue(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/**
 * A negative-binomial dispersion written either way a source may report it: as α (`dispersion`,
 * Var = μ + αμ²; Stata's and statsmodels' alpha) or as θ = 1/α (`theta`; R's glm.nb theta, R's and
 * NumPy's `size`). The scenario accepts one of the two so a user can copy what their source
 * reports without inverting it by hand; the compiled Design always holds α
 * (docs/scenario-language.md).
 */
import type { DataPath, PathProblem } from './path-problem.js';

/** A place in the scenario that may give a dispersion as α or θ. */
export interface DispersionInput {
  readonly dispersion?: number;
  readonly theta?: number;
}

/**
 * α of a dispersion given as α or θ (α = 1/θ), or `fallback` when neither is given.
 *
 * @example dispersionOf({ theta: 0.5 }, 0) → 2; dispersionOf({ dispersion: 1.5 }, 0) → 1.5;
 *   dispersionOf(undefined, 0) → 0
 */
export function dispersionOf(input: DispersionInput | undefined, fallback: number): number {
  if (input?.dispersion !== undefined) return input.dispersion;
  if (input?.theta !== undefined) return 1 / input.theta;
  return fallback;
}

/**
 * Problems with how a dispersion is given at `path`: both α and θ (ambiguous), or, where one is
 * `required` (a `propensity` block), neither.
 *
 * @example checkDispersionInput({ dispersion: 1.5, theta: 0.67 }, ['cohort', 'propensity'], true)
 *   → one problem at cohort.propensity.theta
 */
export function checkDispersionInput(
  input: DispersionInput | undefined,
  path: DataPath,
  required: boolean,
): PathProblem[] {
  if (input === undefined) return [];
  if (input.dispersion !== undefined && input.theta !== undefined) {
    return [
      {
        path: [...path, 'theta'],
        message: `gives θ (${input.theta}) as well as dispersion α (${input.dispersion}); give one of the two (α = 1/θ)`,
        hint: 'keep dispersion if your source reports α (Stata, statsmodels), or theta if it reports θ (R’s glm.nb, size)',
      },
    ];
  }
  if (required && input.dispersion === undefined && input.theta === undefined) {
    return [
      {
        path,
        message: 'must give the dispersion, as dispersion (α) or as theta (θ = 1/α)',
        hint: 'write { dispersion: 1.5 } (α, Var = μ + αμ²) or { theta: 0.67 } (R’s glm.nb theta)',
      },
    ];
  }
  return [];
}

import type { Design } from '../design.js';
import type { Rng } from '../rng/rng.js';
import { assignCaseloads } from './caseloads.js';
import type { Cohort } from './cohort.js';
import { drawMeanOneGamma } from './mean-one-gamma.js';
import type { ModelConstants } from './model-constants.js';

/** Treated people's caseworkers in one trial, person by person. */
export interface Caseworkers {
  /** Caseworker index of treated people (−1 for controls, or without caseworkers). */
  readonly caseworker: Int32Array;
  /** Each person's caseworker rate multiplier (1 for controls), or null when caseworkers do not vary. */
  readonly multiplier: Float64Array | null;
}

/**
 * Caseworkers, person form: the treated people dealt to caseworkers (`assignCaseloads`), and each
 * caseworker's gamma (mean 1) rate multiplier with the variance that gives the scenario's ICC.
 * `treatmentVaries` false (the paired null run) keeps the multipliers at 1: if the support does
 * nothing, a caseworker cannot change anything either, so the null run is the sharp null. The
 * multipliers are still drawn, so both runs consume the same random numbers.
 * Reference: the caseworker model in docs/architecture.md (`caseworkerVariance`).
 *
 * @example no caseworkers → { caseworker: all −1 (shared), multiplier: null }, no random number spent
 */
export function drawCaseworkers(
  design: Design,
  constants: ModelConstants,
  cohort: Cohort,
  treated: Uint8Array,
  rng: Rng,
  treatmentVaries: boolean,
): Caseworkers {
  const caseworkers = design.plan.caseworkers;
  if (caseworkers === null) return { caseworker: constants.shared.noCaseworker, multiplier: null };
  const caseloads = assignCaseloads(treated, cohort.site, cohort.siteMultiplier.length, caseworkers.caseload);
  const caseworker = caseloads.caseworker;
  if (!(constants.caseworkerVariance > 0)) return { caseworker, multiplier: null };
  const multipliers = new Float64Array(caseloads.caseworkers);
  for (let c = 0; c < multipliers.length; c++) multipliers[c] = drawMeanOneGamma(rng, constants.caseworkerVariance);
  if (!treatmentVaries) multipliers.fill(1);
  const multiplier = new Float64Array(cohort.size).fill(1);
  for (let i = 0; i < cohort.size; i++) if (caseworker[i] >= 0) multiplier[i] = multipliers[caseworker[i]];
  return { caseworker, multiplier };
}

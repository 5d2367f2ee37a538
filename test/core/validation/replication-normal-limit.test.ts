/**
 * The replication simulation in the normal limit: a binary outcome analysed by risk ratio with
 * 20,000 people per arm, where the log risk ratio is close to normal with a known standard error,
 * must give the probabilities of replication success of R's ReplicationSuccess 1.3.3 closed forms
 * (powerSignificance, powerReplicationSuccess with each recalibration) under the conditional,
 * predictive and empirical-Bayes design priors, and reach the power sampleSizeReplicationSuccess
 * promises at the size it gives.
 *
 * Tolerance = 4 Monte Carlo SEs + the normal approximation's own error, bounded as follows. The
 * closed forms hold the replication's SE fixed at σ_r(θ_o); the simulation's SE follows each
 * drawn truth θ (the risk ratio's SE depends on the treated prevalence 0.5·e^θ). The test
 * computes that difference exactly under the normal model, integrating the criterion's success
 * probability Φ(|θ|/σ_r(θ) − t(c(θ))) over the prior by quadrature (t from the closed form's own
 * conditional probability, so no formula is restated), and adds its size to the tolerance. The
 * other departures are bounded in closed form at these sizes and are far smaller: the delta-method
 * bias of the log risk ratio, (1 − p1)/(2n·p1) − (1 − p0)/(2n·p0) ≈ 2e-6, moves a probability by
 * at most φ(0)·2e-6/σ_r < 1e-4; and the estimated SE's relative SD, about 1/√(n·p) ≈ 0.01, moves
 * it at second order, by at most ½·max|φ'|·t²·1e-4 < 1e-4 for t ≤ 3. Together 0.001 is added.
 */
import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { normalCdf, normalQuantile } from '../../../src/core/distributions/normal.js';
import { designPrior, type DesignPriorKind } from '../../../src/core/inquiry/design-prior.js';
import { prepareDesign } from '../../../src/core/prepare-design.js';
import { simulateBlock } from '../../../src/core/simulate-block.js';
import type { ScepticalRecalibration } from '../../../src/core/analysis/replication/replication-criterion.js';
import { replicationSuccessProbability } from '../../../src/search/analytic/replication-success.js';
import { designFrom } from '../../support/design-from.js';

const P0 = 0.5;
const ORIGINAL_RATIO = 0.96;
const Z_ORIGINAL = 2.5;
const THETA_O = Math.log(ORIGINAL_RATIO);
const SIGMA_O = Math.abs(THETA_O) / Z_ORIGINAL; // 0.0163287978 (R, below)
const TRIALS = 20_000;
const SMALL_TERMS = 0.001;

/** Exact SE of the log risk ratio (delta method at the true prevalences) with n per arm. */
function riskRatioSe(theta: number, perArm: number): number {
  const p1 = P0 * Math.exp(theta);
  return Math.sqrt((1 - p1) / (perArm * p1) + (1 - P0) / (perArm * P0));
}

const CRITERIA = ['significance', 'sceptical-golden', 'sceptical-nominal', 'sceptical-controlled'] as const;
type Key = (typeof CRITERIA)[number];

function closedForm(key: Key, c: number, prior: DesignPriorKind): number {
  const design = { zOriginal: Z_ORIGINAL, varianceRatio: c, prior };
  if (key === 'significance') return replicationSuccessProbability('significance', design);
  const recalibration = key.slice('sceptical-'.length) as ScepticalRecalibration;
  return replicationSuccessProbability('sceptical', design, { recalibration });
}

/**
 * The normal model's success probability when σ_r follows the drawn truth: ∫ Φ(|θ|/σ_r(θ) −
 * t(c(θ))) dN(θ; prior), with t(c) = |z_o|√c − Φ⁻¹(conditional closed form at c), by the
 * midpoint rule over ±8 prior SDs (4,000 nodes).
 */
function normalModelWithMovingSe(key: Key, prior: DesignPriorKind, perArm: number): number {
  const dp = designPrior({ logEstimate: THETA_O, standardError: SIGMA_O }, prior);
  const sd = Math.sqrt(dp.replicationVariance);
  const at = (theta: number) => {
    const se = riskRatioSe(theta, perArm);
    const c = (SIGMA_O * SIGMA_O) / (se * se);
    const threshold = Z_ORIGINAL * Math.sqrt(c) - normalQuantile(closedForm(key, c, 'conditional'));
    return normalCdf(-theta / se - threshold);
  };
  if (sd === 0) return at(dp.meanLogRatio);
  const nodes = 4000;
  const step = (16 * sd) / nodes;
  let sum = 0;
  for (let i = 0; i < nodes; i++) {
    const z = -8 + (16 * (i + 0.5)) / nodes;
    sum += at(dp.meanLogRatio + z * sd) * Math.exp(-0.5 * z * z) * (step / sd);
  }
  return sum / Math.sqrt(2 * Math.PI);
}

async function simulateSuccess(prior: string, perArm: number, seed: number) {
  const yaml = `
name: normal-limit
outcomes:
  - id: reoffend
    kind: binary
    prevalence: ${P0}
    analysis: risk-ratio
    original: { estimate: ${ORIGINAL_RATIO}, se: ${SIGMA_O} }
design:
  followUpMonths: 12
  size: { treated: ${perArm}, control: ${perArm} }
replication:
  prior: ${prior}
  success: [significance, sceptical, { sceptical: nominal }, { sceptical: controlled }]
simulation: { trials: ${TRIALS} }
`;
  const prepared = prepareDesign(await designFrom(`normal-limit-${prior}`, yaml, seed));
  const tally = simulateBlock(prepared, 0, TRIALS, { withNull: false });
  return diagnose(prepared, tally).results[0].replicationSuccess!;
}

// R 1.3.3 (ReplicationSuccess), p0 <- 0.5; n <- 20000; thetao <- log(0.96); zo <- 2.5;
// so <- abs(thetao)/zo; sr <- function(theta) { p1 <- p0*exp(theta); sqrt((1-p1)/(n*p1) + (1-p0)/(n*p0)) }
// c0 <- so^2/sr(thetao)^2                     # 2.5596445234
// powerSignificance(zo = zo, c = c0, designPrior = dp)
// powerReplicationSuccess(zo = zo, c = c0, designPrior = dp, type = ty)
const R_REFERENCE: Record<string, Record<Key, number>> = {
  conditional: {
    significance: 0.979312797,
    'sceptical-golden': 0.9370646796,
    'sceptical-nominal': 0.3376515709,
    'sceptical-controlled': 0.9819133729,
  },
  predictive: {
    significance: 0.8601789559,
    'sceptical-golden': 0.7913894655,
    'sceptical-nominal': 0.4121501134,
    'sceptical-controlled': 0.86658444,
  },
  eb: {
    significance: 0.7848524554,
    'sceptical-golden': 0.6920986506,
    'sceptical-nominal': 0.2753948531,
    'sceptical-controlled': 0.7938341174,
  },
};

function tolerance(probability: number, normalError: number): number {
  return 4 * Math.sqrt((probability * (1 - probability)) / TRIALS) + normalError + SMALL_TERMS;
}

describe('replication success in the normal limit agrees with ReplicationSuccess 1.3.3', () => {
  const PER_ARM = 20_000;
  const c0 = (SIGMA_O * SIGMA_O) / riskRatioSe(THETA_O, PER_ARM) ** 2;

  test('the relative size is the R reference’s c (2.5596445234)', () => {
    expect(c0).toBeCloseTo(2.5596445234, 8);
    expect(SIGMA_O).toBeCloseTo(0.0163287978, 9);
  });

  for (const prior of ['conditional', 'predictive', 'eb'] as const) {
    test(`${prior} prior: significance and the sceptical p-value, each recalibration`, async () => {
      const simulated = await simulateSuccess(prior, PER_ARM, 11);
      for (const key of CRITERIA) {
        const reference = R_REFERENCE[prior][key];
        // The closed forms in src/search agree with R to 1e-9 (controlled: 5e-5, R's tolerance).
        expect(Math.abs(closedForm(key, c0, prior) - reference)).toBeLessThan(6e-5);
        const normalError = Math.abs(normalModelWithMovingSe(key, prior, PER_ARM) - reference);
        const got = simulated[key].probability;
        expect(Math.abs(got - reference), `${prior} ${key}: simulated ${got}, R ${reference}`).toBeLessThan(
          tolerance(reference, normalError),
        );
      }
    }, 120_000);
  }

  test('at the size sampleSizeReplicationSuccess gives, the simulated power is the 80% asked for', async () => {
    // R: sampleSizeReplicationSuccess(zo = 2.5, power = 0.8, designPrior = "conditional", type = "golden")
    //    = 1.3770530744;  ... designPrior = "predictive", type = "controlled") = 1.735828326
    const cases = [
      { prior: 'conditional' as const, key: 'sceptical-golden' as const, c: 1.3770530744 },
      { prior: 'predictive' as const, key: 'sceptical-controlled' as const, c: 1.735828326 },
    ];
    for (const { prior, key, c } of cases) {
      // n per arm giving σ_r(θ_o)² = σ_o²/c: n = ((1 − p1)/p1 + (1 − p0)/p0) / (σ_o²/c).
      const p1 = P0 * ORIGINAL_RATIO;
      const perArm = Math.round(((1 - p1) / p1 + (1 - P0) / P0) / ((SIGMA_O * SIGMA_O) / c));
      const simulated = await simulateSuccess(prior, perArm, 12);
      const atRoundedN = closedForm(key, (SIGMA_O * SIGMA_O) / riskRatioSe(THETA_O, perArm) ** 2, prior);
      // Rounding n to a whole person moves the closed form by less than 1e-4; it is added.
      const normalError =
        Math.abs(normalModelWithMovingSe(key, prior, perArm) - atRoundedN) + Math.abs(atRoundedN - 0.8);
      const got = simulated[key].probability;
      expect(Math.abs(got - 0.8), `${prior} ${key} at n ${perArm}: ${got}`).toBeLessThan(tolerance(0.8, normalError));
    }
  }, 120_000);
});

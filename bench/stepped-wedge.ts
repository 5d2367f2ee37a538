/**
 * Where the normal-outcome closed form (Hussey & Hughes) goes wrong for overdispersed counts: for a
 * stepped-wedge rollout of count outcomes, the power a normal approximation promises beside the
 * power and real type I error the simulation measures for the three stepped-wedge analyses, at
 * several person-level dispersions α (Var = μ + αμ², α = 1/θ of R's glm.nb).
 *
 * The normal approximation is what an analytic tool computes for a count taken as normal: the
 * difference in means θ = μ·(r − 1), a person's variance σ² at the average mean μ̄ = μ·(1 + r)/2 —
 * Poisson (σ² = μ̄, the usual default) or with the dispersion (σ² = μ̄ + α·μ̄²) — and the stated
 * ICC and cluster autocorrelation on that variance (`varianceComponentsFromCorrelations`), then
 * `steppedWedgeEffectVariance` for the standard design and the two-sided Wald power.
 *
 * Usage: npm run build && node dist/bench/stepped-wedge.js [--trials N] [--people M]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalCdf, normalQuantile } from '../src/core/distributions/normal.js';
import { prepareDesign } from '../src/core/prepare-design.js';
import { simulateTrial } from '../src/core/trial.js';
import { loadDesign } from '../src/scenario/load-design.js';
import { steppedWedgeEffectVariance, steppedWedgeTreatment } from '../src/search/analytic/hussey-hughes.js';
import { varianceComponentsFromCorrelations } from '../src/search/analytic/stepped-wedge-variance-components.js';
import { argument } from './measure.js';

const TRIALS = argument('trials', 2000);
const PEOPLE = argument('people', 40);
const CLUSTERS = 12;
const STEPS = 4;
const RATE = 0.6;
const RATIO = 0.84;
const ICC = 0.02;
const CAC = 0.73;
const ANALYSES = ['stepped-wedge-within', 'stepped-wedge-mixed', 'stepped-wedge-permutation'] as const;

function scenario(dispersion: number): string {
  const outcomes = ANALYSES.map(
    (analysis) =>
      `  - { id: ${analysis}, kind: count, ratePerYear: ${RATE}, effect: { rateRatio: ${RATIO} }, analysis: ${analysis}, primary: true }`,
  ).join('\n');
  return `name: sw-bench
cohort: { propensity: { dispersion: ${dispersion} } }
outcomes:
${outcomes}
design:
  followUpMonths: 6
  size: { total: ${CLUSTERS * (STEPS + 1) * PEOPLE} }
  rollout: { clusters: ${CLUSTERS}, steps: ${STEPS}, periodMonths: 6, sampling: cross-sectional, icc: ${ICC}, clusterAutocorrelation: ${CAC} }
analysis: { permutations: 199, multiplicity: none }
`;
}

function normalPower(personVariance: number): number {
  const mu = RATE / 2;
  const components = varianceComponentsFromCorrelations({
    totalVariance: personVariance / (1 - ICC),
    icc: ICC,
    cac: CAC,
  });
  const se = Math.sqrt(steppedWedgeEffectVariance(steppedWedgeTreatment(CLUSTERS, STEPS), PEOPLE, components));
  const shift = Math.abs(mu * (RATIO - 1)) / se;
  const z = normalQuantile(0.975);
  return normalCdf(shift - z) + normalCdf(-shift - z);
}

const folder = mkdtempSync(join(tmpdir(), 'sw-bench-'));
const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;
console.log(
  `${CLUSTERS} clusters, ${STEPS} steps of 6 months, ${PEOPLE} new people per cluster-period, knife rate ${RATE}/year, ` +
    `rate ratio ${RATIO}, ICC ${ICC}, CAC ${CAC}; ${TRIALS} trials (Monte Carlo SE of a power ≤ ${percent(Math.sqrt(0.25 / TRIALS))})`,
);
console.log(
  'α     normal, Poisson σ²  normal, σ² with α   within power / type I   mixed power / type I   permutation power / type I',
);
for (const dispersion of [0, 1.5, 3]) {
  const file = join(folder, `sw-${dispersion}.yaml`);
  writeFileSync(file, scenario(dispersion));
  const { design } = await loadDesign(file, ['simulation.seed=2026']);
  const prepared = prepareDesign(design);
  const power = new Float64Array(ANALYSES.length);
  const typeI = new Float64Array(ANALYSES.length);
  for (let t = 0; t < TRIALS; t++) {
    simulateTrial(prepared, t, false).results.forEach((r, k) => (power[k] += !r.failed && r.pValue <= 0.05 ? 1 : 0));
    simulateTrial(prepared, t, true).results.forEach((r, k) => (typeI[k] += !r.failed && r.pValue <= 0.05 ? 1 : 0));
  }
  const mu = ((RATE / 2) * (1 + RATIO)) / 2;
  const cells = ANALYSES.map((_, k) => `${percent(power[k] / TRIALS)} / ${percent(typeI[k] / TRIALS)}`);
  console.log(
    `${dispersion.toFixed(1).padEnd(5)} ${percent(normalPower(mu)).padEnd(19)} ${percent(normalPower(mu + dispersion * mu * mu)).padEnd(19)} ` +
      cells.map((c) => c.padEnd(22)).join(' '),
  );
}

/**
 * The units and ranges of every number in the scenario language, in one table. Upper limits are
 * far above any realistic trial; they exist so a typo (an extra zero, a seed pasted into a size)
 * is caught before it asks the engine for billions of people.
 */
import type { QuantitySpec } from './quantity-spec.js';

const MAX_PEOPLE = 10_000_000;

/** Control-arm events per person-year. */
export const RATE: QuantitySpec = {
  means: 'a rate per person-year ≥ 0',
  hint: 'give the control-arm events per person-year, e.g. 1.5 (realistic: 0.2–2.5, parameters.md)',
  min: 0,
  max: 1000,
};
/** A prevalence or engagement share. */
export const PROBABILITY: QuantitySpec = {
  means: 'a probability in [0, 1]',
  hint: 'give a share such as 0.6 (not 60 or "60%")',
  min: 0,
  max: 1,
};
/** A group’s share of the cohort. */
export const SHARE: QuantitySpec = {
  means: 'a share in (0, 1]',
  hint: 'give the group’s share of the cohort, e.g. 0.44; shares add up to 1',
  min: 0,
  minExclusive: true,
  max: 1,
};
/** Share of people whose outcome is unobserved. */
export const ATTRITION: QuantitySpec = {
  means: 'a share in [0, 1)',
  hint: 'give the share of people whose outcome is unobserved, e.g. 0.03',
  min: 0,
  max: 1,
  maxExclusive: true,
};
/** An effect: treated over control. */
export const RATIO: QuantitySpec = {
  means: 'a ratio > 0 (1 = no effect)',
  hint: 'give treated over control, e.g. 0.8 for a 20% reduction',
  min: 0,
  minExclusive: true,
  max: 100,
};
/** Geometric standard deviation of a lognormal. */
export const SPREAD: QuantitySpec = {
  means: 'a geometric standard deviation ≥ 1',
  hint: 'give the spread as a factor, e.g. 2 (1 = no spread); its log is the lognormal sdLog',
  min: 1,
  max: 1000,
};
/** Median harm of one event. */
export const SEVERITY: QuantitySpec = {
  means: 'a severity per event > 0 (e.g. Crime Harm Index days)',
  hint: 'give the median harm of one event, e.g. 30',
  min: 0,
  minExclusive: true,
  max: 1e7,
};
/**
 * Gamma variance α of a rate multiplier: the negative-binomial dispersion in Var = μ + αμ².
 * α = 1/θ, where θ is R's glm.nb `theta` and R's/NumPy's `size`; Stata's and statsmodels'
 * `alpha` is α itself (docs/scenario-language.md).
 */
export const DISPERSION: QuantitySpec = {
  means: 'a dispersion α ≥ 0 (Var = μ + α·μ²; α = 1/θ of R’s glm.nb, Stata’s and statsmodels’ alpha)',
  hint: 'give α, e.g. 1.5 (realistic: 0.5–5; 0 = Poisson); if your source reports θ (R’s glm.nb theta, R’s or NumPy’s size), write theta: instead',
  min: 0,
  max: 100,
};
/** The same dispersion as θ = 1/α (R's glm.nb `theta`, R's/NumPy's `size`), for sources that report θ. */
export const THETA: QuantitySpec = {
  means: 'a negative-binomial θ > 0 (Var = μ + μ²/θ; θ = 1/α, R’s glm.nb theta, R’s or NumPy’s size)',
  hint: 'give θ as your source reports it, e.g. 0.67 (realistic: 0.2–2); for Poisson counts write dispersion: 0 instead',
  min: 0.01,
  max: 1e6,
};
/** Arm sizes and totals. */
export const PEOPLE: QuantitySpec = {
  means: `a whole number of people from 1 to ${MAX_PEOPLE}`,
  hint: 'give a positive whole number, e.g. 45',
  min: 1,
  max: MAX_PEOPLE,
  integer: true,
};
/** Follow-up and look-back windows. */
export const MONTHS: QuantitySpec = {
  means: 'a number of months > 0 (at most 240)',
  hint: 'give months, e.g. 12',
  min: 0,
  minExclusive: true,
  max: 240,
};
/** Events needed by an eligibility rule. */
export const EVENTS: QuantitySpec = {
  means: 'a whole number of events ≥ 1',
  hint: 'give a count such as 1 or 2',
  min: 1,
  max: 1000,
  integer: true,
};
/** Intra-class correlation of counts within a caseload or site. */
export const ICC: QuantitySpec = {
  means: 'an intra-class correlation in [0, 1)',
  hint: 'give a small ICC such as 0.02 (realistic: 0.01–0.05)',
  min: 0,
  max: 1,
  maxExclusive: true,
};
/** Between-site coefficient of variation of the rate. */
export const RATE_CV: QuantitySpec = {
  means: 'a coefficient of variation ≥ 0',
  hint: 'give the between-site SD of the rate over its mean, e.g. 0.2',
  min: 0,
  max: 10,
};
/** Number of sites. */
export const SITE_COUNT: QuantitySpec = {
  means: 'a whole number of sites from 2 to 10000',
  hint: 'give the number of sites (local partnerships), e.g. 10',
  min: 2,
  max: 10_000,
  integer: true,
};
/** People per caseworker. */
export const CASELOAD: QuantitySpec = {
  means: 'a whole number of people per caseworker from 1 to 1000',
  hint: 'give the caseload, e.g. 22 (seed: 20–25)',
  min: 1,
  max: 1000,
  integer: true,
};
/** Block size of stratified randomisation. */
export const BLOCK_SIZE: QuantitySpec = {
  certain: true,
  means: 'a whole number ≥ 0 (0 = no blocks)',
  hint: 'give a block size such as 4, or 0',
  min: 0,
  max: 100_000,
  integer: true,
};
/** Significance level. */
export const ALPHA: QuantitySpec = {
  certain: true,
  means: 'a significance level in (0, 0.5]',
  hint: 'give e.g. 0.05',
  min: 0,
  minExclusive: true,
  max: 0.5,
};
/** Re-randomisations per permutation test. */
export const PERMUTATIONS: QuantitySpec = {
  certain: true,
  means: 'a whole number of re-randomisations from 19 to 1000000',
  hint: 'give e.g. 999',
  min: 19,
  max: 1_000_000,
  integer: true,
};
/** Simulated trials. */
export const TRIALS: QuantitySpec = {
  certain: true,
  means: 'a whole number of simulated trials from 1 to 100000000',
  hint: 'give e.g. 5000',
  min: 1,
  max: 100_000_000,
  integer: true,
};
/** Random seed (32-bit). */
export const SEED: QuantitySpec = {
  certain: true,
  means: 'a whole number from 0 to 4294967295',
  hint: 'give any whole number, e.g. 2023',
  min: 0,
  max: 4_294_967_295,
  integer: true,
};
/** Pounds. */
export const MONEY: QuantitySpec = {
  means: 'an amount of money ≥ 0 (pounds)',
  hint: 'give pounds without the sign, e.g. 38000',
  min: 0,
  max: 1e12,
};
/** Eligible people per area per year. */
export const PEOPLE_PER_YEAR: QuantitySpec = {
  means: 'a number of people per area per year > 0',
  hint: 'give e.g. 120',
  min: 0,
  minExclusive: true,
  max: MAX_PEOPLE,
};
/** Clusters of a stepped-wedge rollout. */
export const CLUSTER_COUNT: QuantitySpec = {
  means: 'a whole number of clusters from 2 to 1000',
  hint: 'give the number of areas or local partnerships that cross over, e.g. 12',
  min: 2,
  max: 1000,
  integer: true,
};
/** Steps of a stepped-wedge rollout. */
export const STEP_COUNT: QuantitySpec = {
  means: 'a whole number of steps from 1 to 50',
  hint: 'give the number of crossover steps, e.g. 4 (the trial then has 5 periods)',
  min: 1,
  max: 50,
  integer: true,
};
/** Cluster autocorrelation of a rollout. */
export const AUTOCORRELATION: QuantitySpec = {
  means: 'a cluster autocorrelation in [0, 1]',
  hint: 'give the correlation of a cluster’s true rates in two periods, e.g. 0.8 (1 = a fixed cluster effect)',
  min: 0,
  max: 1,
};
/** Secular trend of a rate per period. */
export const TREND: QuantitySpec = {
  means: 'a rate ratio per period > 0',
  hint: 'give each period’s rate over the previous period’s, e.g. 0.97 for a 3% fall per period (1 = no trend)',
  min: 0,
  minExclusive: true,
  max: 100,
};

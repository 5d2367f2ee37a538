/**
 * Every default of the scenario language, in one place. A scenario field left out takes the value
 * here when the scenario is compiled to a `Design`; the README's table of defaults is this file.
 *
 * Why these values:
 * - no propensity, no extra dispersion: the simplest model (Poisson counts), so nothing the
 *   author did not ask for changes the answer;
 * - effects default to "no effect" (ratio 1): an outcome may be measured without being expected
 *   to change;
 * - complete randomisation: exactly the stated arm sizes, the usual design of a small trial;
 * - engagement 1 and attrition 0: everybody treated is treated and everybody is observed, unless
 *   the author says otherwise (both lower power, so leaving them out is optimistic — the README
 *   says so);
 * - alpha 0.05 two-sided with Holm across primary outcomes: the conventional test, with the
 *   family-wise error controlled when a scenario names several primary outcomes;
 * - 999 re-randomisations: a permutation p-value (1 + hits) / (1 + 999) has a resolution of 0.001;
 * - 2000 trials: power with a Monte Carlo SE of at most 0.011 (√(0.25 / 2000)), quick enough for a
 *   first look; seed 1 so a run without a seed is still reproducible.
 */
export const DEFAULTS = {
  /** A cohort with no `groups`: one group holding everybody. */
  group: { id: 'all', label: 'Everyone', share: 1 },
  /** `cohort.propensity.dispersion` (gamma frailty variance; 0 = Poisson counts). */
  propensityDispersion: 0,
  /** A count outcome's own extra `dispersion`. */
  countDispersion: 0,
  /** `effect.rateRatio`, `effect.riskRatio`, `effect.severityRatio` when no effect is given. */
  ratio: 1,
  /** `analysis` per outcome kind when it is left out. */
  analysis: { count: 'negative-binomial', binary: 'two-proportion-z', harm: 'mann-whitney' },
  /** `primary`: false, except that when no outcome is marked primary the first one is. */
  primary: false,
  /** `design.size.allocation` for a `{ total }` size: one treated per control. */
  allocation: '1:1',
  randomisation: 'complete',
  /** `design.strata` when `randomisation: stratified` names none. */
  stratifiedStrata: ['group'],
  /** `design.blockSize` (0 = balance each stratum as a whole). */
  blockSize: 0,
  engagement: 1,
  attrition: 0,
  alpha: 0.05,
  sides: 'two',
  multiplicity: 'holm',
  adjustForPrior: false,
  permutations: 999,
  trials: 2000,
  seed: 1,
  /** `simulation.engine`: the exact aggregated engine wherever it applies, the per-person one otherwise. */
  engine: 'auto',
  /** `design.interim.spending` (and its futility's): Lan–DeMets O'Brien–Fleming-type spending, the usual choice of monitoring committees. */
  interimSpending: 'obrien-fleming',
  /** `design.interim.futility.beta`: the design's type II error for power 0.8. */
  futilityBeta: 0.2,
  /**
   * The `replication` block: the conditional design prior (the original at face value, as
   * ReplicationSuccess's functions default to), no heterogeneity, the one-sided level 0.025 of a
   * two-sided 5% test, and success judged by significance alone and by the golden sceptical
   * p-value — the weakest criterion beside Held's recommended one.
   */
  replication: { prior: 'conditional', heterogeneity: 0, level: 0.025, success: ['significance', 'sceptical'] },
} as const;

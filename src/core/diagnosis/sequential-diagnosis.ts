/**
 * The run document's `sequential` section: the simulated operating characteristics of a
 * group-sequential design, produced by `diagnoseInterim` (field meanings: docs/json-output.md).
 */

/** One look of a group-sequential design, as simulated. */
export interface LookDiagnosis {
  /** 1, 2, …: the look's number. */
  readonly look: number;
  readonly informationFraction: number;
  /** People with complete follow-up (analysed, less attrition) at this look: ⌈t·N⌉. */
  readonly people: number;
  /** Calendar month of the look, F + t·R (null when the scenario gives no recruitment months). */
  readonly month: number | null;
  /** Efficacy boundary in z (benefit positive; two-sided also −z). */
  readonly efficacyZ: number;
  /** Futility boundary in z (one-sided: stop when Z ≤ it; two-sided: when |Z| < it), or null for none at this look. */
  readonly futilityZ: number | null;
  /** Cumulative α spent by this look (non-binding: ignoring futility). */
  readonly alphaSpent: number;
  /** Share of trials stopped here for efficacy, futility obeyed (both sides when two-sided). */
  readonly stopEfficacy: number;
  /** Of those, the share crossing towards harm (two-sided only; 0 otherwise). */
  readonly stopEfficacyHarm: number;
  /** Share of trials stopped here for futility (obeyed). */
  readonly stopFutility: number;
  /** Share of trials first crossing the efficacy boundary here with futility ignored. */
  readonly stopEfficacyIgnoringFutility: number;
  /** The same three under the paired null run (null without it). */
  readonly nullStopEfficacy: number | null;
  readonly nullStopFutility: number | null;
  readonly nullStopEfficacyIgnoringFutility: number | null;
  /** Mean |log estimate| / |log truth| of the trials stopped here for efficacy (null when none, or no effect). */
  readonly exaggeration: number | null;
}

/** The simulated operating characteristics of a group-sequential design (the run document's `sequential`). */
export interface SequentialDiagnosis {
  /** The monitored outcome (the first primary one) and its analysis. */
  readonly outcome: string;
  readonly analysis: string;
  /** The monitored outcome's true intention-to-treat effect, on the ratio scale (as in `results`). */
  readonly estimand: number;
  readonly sides: 'one' | 'two';
  /** The efficacy boundaries, in words (e.g. "Lan–DeMets O'Brien–Fleming-type α-spending"). */
  readonly boundaries: string;
  /** Non-binding β-spending futility: its β and spending, in words; null when there is none. */
  readonly futility: { readonly beta: number; readonly spending: string; readonly nonBinding: true } | null;
  /** N, the maximum number of people recruited. */
  readonly maximumPeople: number;
  readonly followUpMonths: number;
  readonly recruitmentMonths: number | null;
  readonly looks: readonly LookDiagnosis[];
  /** P(reject H0 at some look), futility obeyed; with its Wilson 95% interval and Monte Carlo SE. */
  readonly power: number;
  readonly powerCI: readonly [number, number];
  readonly mcse: number;
  /** P(reject H0 at some look), futility ignored (the non-binding upper bound on power). */
  readonly powerIgnoringFutility: number;
  /** The real type I error under the paired null run, futility ignored (what non-binding boundaries promise to keep ≤ α). */
  readonly typeIError: number | null;
  readonly typeIErrorCI: readonly [number, number] | null;
  /** The same with futility obeyed (at most the above). */
  readonly typeIErrorFutilityObeyed: number | null;
  /** The null run's type I error (futility ignored) is above α beyond Monte Carlo error. */
  readonly typeIErrorAboveAlpha: boolean | null;
  /** Expected people with complete follow-up at stopping, N·E[t] (futility obeyed), and its Monte Carlo SE. */
  readonly expectedPeople: number;
  readonly expectedPeopleMcse: number;
  /** The same in the null run. */
  readonly expectedPeopleUnderNull: number | null;
  /** Expected people recruited by the stopping look, N·E[min(1, t + F/R)] (null without recruitment months). */
  readonly expectedRecruited: number | null;
  /** Expected duration in months, F + R·E[t] (null without recruitment months), and under the null run. */
  readonly expectedMonths: number | null;
  readonly expectedMonthsUnderNull: number | null;
  /** Mean error of the log-ratio estimate at stopping (futility obeyed), its Monte Carlo SE, and RMSE. */
  readonly bias: number;
  readonly biasMcse: number;
  readonly rmse: number;
  /** Mean |log estimate| / |log truth| over trials stopped for efficacy (null when none or no effect). */
  readonly exaggeration: number | null;
  /** Trials whose analysis at the stopping look failed. */
  readonly failures: number;
}

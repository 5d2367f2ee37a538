/**
 * The commissioning view's plain-language verdict on a run: will a trial like this find the
 * effect, can its analysis be trusted, and would a significant result overstate the effect.
 * Pure text from the run document (numbers as the command line's report shows them).
 */
import { formatPercent, formatPercentWithInterval, formatRatio, type RunSummary } from '../engine/index.js';

/** How the design fares: adequately powered and valid, doubtful, or not fit for purpose. */
export type VerdictLevel = 'good' | 'caution' | 'poor';

/** The verdict: a headline, the level, and the sentences behind it. */
export interface Verdict {
  readonly level: VerdictLevel;
  readonly headline: string;
  readonly sentences: readonly string[];
}

/** Power at or above which a design is conventionally called adequately powered. */
export const ADEQUATE_POWER = 0.8;
/** Below this a real effect is more likely missed than found. */
const POOR_POWER = 0.5;
/** Exaggeration worth a sentence: significant results overstate the effect by a quarter or more. */
const NOTABLE_EXAGGERATION = 1.25;

/**
 * The verdict on `summary`, judged on the primary outcomes (all of them after the multiplicity
 * correction when there are several).
 *
 * Example: teaching-two-arm as written (power 29%) → level 'poor', headline "Too small: a trial
 * like this would usually miss the effect (power 29%)."
 */
export function verdictOf(summary: RunSummary): Verdict {
  const primary = summary.results.filter((result) => result.primary);
  const judged = primary.length > 0 ? primary : summary.results.slice(0, 1);
  const several = judged.length > 1 && summary.familywise !== null;
  const power = several ? summary.familywise!.allPrimary : judged[0].power;
  const what = several ? `all ${judged.length} primary outcomes` : `“${judged[0].label}”`;
  const sentences: string[] = [];
  const { treated, control, total } = summary.design;
  for (const result of judged) {
    const reduction = 1 - result.estimand;
    const change =
      reduction > 0
        ? `a ${formatPercent(reduction, 0)} reduction`
        : reduction < 0
          ? `a ${formatPercent(-reduction, 0)} increase`
          : 'no effect';
    sentences.push(
      `With ${total.toLocaleString('en-GB')} people (${treated.toLocaleString('en-GB')} treated, ${control.toLocaleString('en-GB')} control), ` +
        `“${result.label}” (true effect ${formatRatio(result.estimand)}, ${change} for everyone offered support) ` +
        `comes out significant in ${formatPercentWithInterval(result.power, result.powerCI, 0)} of simulated trials.`,
    );
  }
  if (several)
    sentences.push(
      `All primary outcomes are significant together, after the ${summary.familywise!.multiplicity} correction, in ${formatPercent(power, 0)} of trials.`,
    );
  const invalid = judged.filter((result) => result.typeIErrorAboveAlpha === true);
  for (const result of invalid)
    sentences.push(
      `Warning: the analysis of “${result.label}” finds an effect in ${formatPercent(result.typeIError ?? 0)} of trials where there is none, more than it should; its results would be less trustworthy than they look.`,
    );
  const exaggerated = judged.filter((result) => (result.exaggeration ?? 0) >= NOTABLE_EXAGGERATION);
  for (const result of exaggerated)
    sentences.push(
      `A significant result for “${result.label}” would overstate the effect ${result.exaggeration!.toFixed(1)} times on average (the winner’s curse of small trials).`,
    );
  const level: VerdictLevel =
    invalid.length > 0 || power < POOR_POWER ? 'poor' : power < ADEQUATE_POWER ? 'caution' : 'good';
  const headline =
    invalid.length > 0
      ? `Not trustworthy as planned: the analysis finds effects that are not there (power ${formatPercent(power, 0)}).`
      : power >= ADEQUATE_POWER
        ? `Big enough: a trial like this would find the effect on ${what} in ${formatPercent(power, 0)} of cases.`
        : power >= POOR_POWER
          ? `Underpowered: a trial like this would miss a real effect on ${what} ${formatPercent(1 - power, 0)} of the time.`
          : `Too small: a trial like this would usually miss the effect on ${what} (power ${formatPercent(power, 0)}).`;
  return { level, headline, sentences };
}

/**
 * Looks that pass `checkLooks` but strain what the boundaries assume, questioned in every report
 * rather than refused: the simulation's null run measures what such a design really does, so the
 * run goes ahead and the report says why its numbers may differ from the nominal ones
 * (docs/sequential-and-stepped-wedge.md, "Looks that strain the assumptions").
 */
import { armSizes, type Design } from '../../design.js';
import type { InterimPlan } from './interim-plan.js';

/** A first look earlier than this information fraction is "very early". */
export const EARLY_FIRST_LOOK = 0.2;
/** Fewer people than this in the smaller arm at the first look: the statistic may be far from normal. */
export const FEW_PEOPLE_AT_FIRST_LOOK = 30;

/**
 * The warnings about a group-sequential design's looks, in words with the numbers and the fix:
 *
 * * a very early first look (t_1 < 0.2): its efficacy boundary is the spending function's value
 *   so early (O'Brien–Fleming-type spending spends almost nothing there, so it can hardly stop),
 *   and the statistic rests on few people;
 * * few people in the smaller arm at the first look (about ⌈t_1·N⌉·min(n_1, n_0)/N < 30): the
 *   boundaries assume a statistic that is approximately normal with independent increments
 *   (Jennison & Turnbull 2000, ch. 3), which an exact, rank or count test on so few people may not
 *   be;
 * * recruitment over R months that ends before the first look (F ≥ R·(1 − t_1), F the follow-up):
 *   every person is recruited before the trial could stop, so stopping saves follow-up and
 *   analysis but no recruitment, and the looks fall within R·(1 − t_1) months of each other.
 *
 * Reference: Jennison & Turnbull (2000) Group Sequential Methods, ch. 3 and 7; Hampson & Jennison
 * (2013) JRSS B 75:3 (people in the pipeline at an interim look).
 *
 * @example looks [0.05, 0.5, 1], O'Brien–Fleming-type spending, 600 people (300 an arm), follow-up
 *   12 months, recruitment 2 → three warnings: look 1 at t = 0.05 needs z ≥ 9.955; about 15 people
 *   in the smaller arm at look 1; everyone recruited by month 2, before the first look at month 12.1
 */
export function questionLooks(design: Design, plan: InterimPlan): string[] {
  const interim = design.plan.interim;
  if (interim === undefined) return [];
  const warnings: string[] = [];
  const first = interim.looks[0];
  const firstZ = plan.boundaries.efficacyZ[0];
  if (interim.looks.length > 1 && first < EARLY_FIRST_LOOK) {
    warnings.push(
      `The first interim look is very early (t = ${first}, under ${EARLY_FIRST_LOOK}): it stops for efficacy only when ` +
        `|z| ≥ ${firstZ.toFixed(3)}${firstZ > 4 ? ', which almost no trial reaches, so the look costs an analysis and buys almost no chance of stopping' : ''}, ` +
        `and its statistic rests on ${plan.peopleAtLook[0]} people. Consider a first look at 0.25 or later.`,
    );
  }
  const { treated, control } = armSizes(design.plan.size);
  const smallerArm = Math.round((plan.peopleAtLook[0] * Math.min(treated, control)) / Math.max(1, treated + control));
  if (interim.looks.length > 1 && smallerArm < FEW_PEOPLE_AT_FIRST_LOOK) {
    const analysis = design.outcomes[plan.outcome].analysis;
    warnings.push(
      `At the first interim look the smaller arm has about ${smallerArm} people (under ${FEW_PEOPLE_AT_FIRST_LOOK}): the ` +
        `boundaries assume a statistic that is approximately normal with independent increments, which ${analysis} on so few ` +
        `people may not be. The null run's type I error shows what the design really does; move the first look later or plan more people.`,
    );
  }
  const recruitment = interim.recruitmentMonths;
  const followUp = design.plan.followUpMonths;
  if (recruitment !== null && interim.looks.length > 1 && followUp >= recruitment * (1 - first)) {
    const firstMonth = followUp + recruitment * first;
    warnings.push(
      `Everyone is recruited by month ${formatMonths(recruitment)}, before the first interim look at month ` +
        `${formatMonths(firstMonth)} (follow-up ${formatMonths(followUp)} months, recruitment ${formatMonths(recruitment)}): stopping early ` +
        `saves follow-up time and analysis but recruits no fewer people, and the looks fall within ` +
        `${formatMonths(recruitment * (1 - first))} months of each other. Check design.interim.recruitmentMonths.`,
    );
  }
  return warnings;
}

function formatMonths(months: number): string {
  return Number.isInteger(months) ? String(months) : months.toFixed(1);
}

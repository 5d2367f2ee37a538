import { drawBinomial } from '../distributions/binomial.js';
import { drawBinomialStep } from '../distributions/binomial-step.js';
import { drawLognormal } from '../distributions/lognormal.js';
import type { Rng } from '../rng/rng.js';
import type { Ratios } from '../trial-form.js';
import type { CellSources, Source } from './cell-sources.js';
import { MAX_SELECTION_ATTEMPTS } from './cohort.js';
import { CountHazards } from './count-hazards.js';
import { drawCountHistogram, drawCountHistogramWalking } from './draw-count-histogram.js';
import { drawJointHistograms, type JointPart } from './draw-joint-histograms.js';
import type { Histogram } from './histogram.js';
import { ownBinaryProbability } from './own-binary-probability.js';
import { SelectedTotals } from './selected-prior-law.js';

// Hazard tables kept per source before the cache is emptied (means vary per trial with sites or drawn effects).
const CACHE_LIMIT = 512;

/**
 * The cell form of the outcome model for one part of a cell: `observed` exchangeable people of
 * group g, all with the same rate multiplier (site, and caseworker when treated), engaged (with
 * `ratios`) or not (`ratios` null, ratio 1). Draws every source's counts-of-counts into `slot`,
 * and the harm of those with events.
 *
 * Formula in words: each count source's histogram is Multinomial(observed, NB pmf) with mean
 * base_g × multiplier × ratio and the source's dispersion (`drawCountHistogram`); each
 * own-prevalence binary's positives Binomial(observed, chance) (`ownBinaryProbability`); where the
 * propensity ties the sources together (`CellSources.joint`) they are drawn jointly instead
 * (`drawJointHistograms`), starting, with selection, from the selected people's prior totals
 * (`SelectedTotals`). People of one part are independent and identically distributed given the
 * multipliers — which is why this is exact, not an approximation.
 * Reference: Devroye (1986) §XI.1; the multinomial sufficiency of counts-of-counts for
 * exchangeable people (Fisher 1922).
 *
 * `fixedTable` picks a count's hazard table built once per design when means never vary: 1 for
 * engaged people under the stated effects, 0 otherwise (the null run's engaged people too).
 *
 * @example REF, 980 observed control people: offences' histogram gains about 980 × NB(1.2, 1.25) pmf
 */
export function drawCellPart(
  cells: CellSources,
  rng: Rng,
  g: number,
  slot: number,
  observed: number,
  multiplier: number,
  ratios: Ratios | null,
  fixedTable: number,
  siteMultiplier: number,
  dispersion: number,
): void {
  if (cells.joint !== null) {
    drawJointPart(cells, rng, g, slot, observed, multiplier, ratios, siteMultiplier, dispersion);
    return;
  }
  const { sources, histograms } = cells;
  for (let j = 0; j < sources.length; j++) {
    const source = sources[j];
    const ratio = ratios === null ? 1 : ratios[source.outcome][g];
    const into = histograms[j][slot];
    if (source.kind === 'count') {
      const fixed = source.fixed.length > 0 ? source.fixed[2 * g + fixedTable] : null;
      const hazards = fixed ?? hazardsFor(source, source.base[g] * multiplier * ratio, multiplier);
      const target = source.harms.length === 0 ? into : source.part;
      if (target === source.part) source.part.clear();
      if (hazards === null) drawCountHistogramWalking(rng, observed, source.walk, target);
      else drawCountHistogram(rng, observed, hazards, target);
      if (target === source.part) {
        into.addHistogram(source.part);
        drawHarm(cells, rng, source, g, slot, ratios);
      }
    } else {
      const positives = drawBinomial(
        rng,
        observed,
        ownBinaryProbability(source.base[g], source.dispersion, multiplier, ratio),
      );
      into.add(0, observed - positives);
      into.add(1, positives);
    }
  }
}

/** The sources of `observed` people drawn jointly (see `drawJointHistograms`); `ratios` null for people not engaged. */
function drawJointPart(
  cells: CellSources,
  rng: Rng,
  g: number,
  slot: number,
  observed: number,
  multiplier: number,
  ratios: Ratios | null,
  siteMultiplier: number,
  dispersion: number,
): void {
  const joint = cells.joint!;
  const parts: JointPart[] = [];
  const into: Histogram[] = [];
  for (const j of joint.order) {
    const source = cells.sources[j];
    const ratio = ratios === null ? 1 : ratios[source.outcome][g];
    parts.push(
      source.kind === 'count'
        ? { kind: 'count', mean: source.base[g] * multiplier * ratio }
        : { kind: 'binary', hazard: source.base[g], multiplier, ratio },
    );
    if (source.harms.length > 0) source.part.clear();
    into.push(source.harms.length > 0 ? source.part : cells.histograms[j][slot]);
  }
  let prior: { totals: Histogram; mean: number } | null = null;
  if (cells.selection !== null) {
    // Selected people's prior-window totals first (the prior window has the site's multiplier, not the caseworker's).
    const law = selectedTotalsFor(cells.selection, g, siteMultiplier, dispersion);
    const totals = cells.selection.totals;
    totals.clear();
    let left = observed;
    for (let t = 0; left > 0; t++) {
      const here = drawBinomialStep(rng, left, law.step(t));
      if (here > 0) totals.add(t, here);
      left -= here;
    }
    prior = { totals, mean: law.priorMean };
  }
  drawJointHistograms(rng, observed, dispersion, parts, into, joint.hazards, joint.scratch, prior);
  for (const j of joint.order) {
    const source = cells.sources[j];
    if (source.harms.length === 0) continue;
    cells.histograms[j][slot].addHistogram(source.part);
    drawHarm(cells, rng, source, g, slot, ratios);
  }
}

/**
 * The harm of the people just drawn (`source.part`: their counts) for each harm outcome on this
 * count, as the person form: each person with y events gets the sum of y lognormal severities
 * (median, sdLog), × the severity ratio when engaged (`ratios` null when not); the values go to
 * the slot's list (people without events have harm 0 and are not listed).
 */
function drawHarm(cells: CellSources, rng: Rng, source: Source, g: number, slot: number, ratios: Ratios | null): void {
  const counts = source.part;
  for (const h of source.harms) {
    const plan = cells.harm[h];
    const ratio = ratios === null ? 1 : ratios[plan.outcome][g];
    const list = plan.values[slot];
    for (let y = 1; y < counts.length; y++) {
      for (let person = 0; person < counts.counts[y]; person++) {
        let sum = 0;
        for (let event = 0; event < y; event++) sum += drawLognormal(rng, plan.median, plan.sdLog);
        list.push(ratios === null ? sum : sum * ratio);
      }
    }
  }
}

/** The law of selected people's prior totals in group g at a site with this multiplier (kept per multiplier, up to a limit). */
function selectedTotalsFor(
  selection: NonNullable<CellSources['selection']>,
  g: number,
  siteMultiplier: number,
  dispersion: number,
): SelectedTotals {
  const laws = selection.laws[g];
  let law = laws.get(siteMultiplier);
  if (law === undefined) {
    if (laws.size >= CACHE_LIMIT) laws.clear();
    law = new SelectedTotals(selection.priorMean[g] * siteMultiplier, dispersion, selection.eligibility[g]);
    // As the person form, a population with (practically) nobody eligible cannot be simulated.
    if (!(law.eligibleShare >= 1 / MAX_SELECTION_ATTEMPTS)) {
      throw new RangeError(
        `selection: the eligible share of group ${g} at this site is ${law.eligibleShare.toPrecision(3)}, too small to simulate`,
      );
    }
    laws.set(siteMultiplier, law);
  }
  return law;
}

/**
 * The hazards of a count with this mean: from the source's tables (built lazily, kept up to a
 * limit) when no site or caseworker multiplier touches the part (`multiplier` 1), so the mean comes
 * again trial after trial; otherwise null, with the source's walk started on the mean (a mean
 * with a multiplier drawn per trial is met once or twice, which a table does not pay for; and
 * looking a double up in a Map costs more than walking it).
 */
function hazardsFor(source: Source, mean: number, multiplier: number): CountHazards | null {
  if (multiplier !== 1) {
    source.walk.start(mean, source.dispersion);
    return null;
  }
  let hazards = source.cache.get(mean);
  if (hazards === undefined) {
    if (source.cache.size >= CACHE_LIMIT) source.cache.clear();
    hazards = new CountHazards(mean, source.dispersion);
    source.cache.set(mean, hazards);
  }
  return hazards;
}

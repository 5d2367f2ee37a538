import { stringify } from 'yaml';
import type { CopiedEffect } from './effects-from-design.js';
import type { Estimate } from './estimate.js';
import type { ExtractFit } from './fit-extract.js';
import { OWN_DISPERSION_LEVEL } from './fit-counts.js';
import { TAIL_CHECK_LEVEL } from './fit-severity.js';
import { toScenarioId } from '../scenario/scenario-id.js';

/** Where effects come from: another scenario's (copied), or placeholders to fill. */
export interface EffectChoice {
  /** The file the effects were copied from, or null for placeholders. */
  readonly from: string | null;
  readonly effects: Readonly<Record<string, CopiedEffect>>;
}

/** Significant digits of fitted values and their intervals. */
const DIGITS = 4;
/** Size written as a placeholder for the trial's design. */
const PLACEHOLDER_TOTAL = 400;

/**
 * Writes a fitted extract as a commented scenario that `trialsim validate` accepts. Every fitted
 * rate, dispersion and severity is written as an uncertain value `{ from: LOW, to: HIGH, central:
 * ESTIMATE }` (its 95% confidence interval and the estimate) with a comment `# FITTED from FILE: n
 * = N, 95% CI LOW–HIGH` (plus how it was found); group shares stay numbers (they must add up to
 * 1); placeholders carry `# TODO`.
 * Effects are placeholders of no effect (ratio 1) unless copied from another scenario, so the
 * file runs as it stands but says plainly that its power is the type I error until they are set.
 *
 * @example a fit of mk-like-extract.csv → text starting "# Fitted by `trialsim fit` from mk-like-extract.csv"
 */
export function writeScenarioYaml(fit: ExtractFit, effects: EffectChoice): string {
  const { extract, counts } = fit;
  const file = extract.source;
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const windows =
    extract.priorMonths === null
      ? `a ${months(extract.followUpMonths)} follow-up window`
      : `a ${months(extract.priorMonths)} prior window and a ${months(extract.followUpMonths)} follow-up window`;
  push(
    `# Fitted by \`trialsim fit\` from ${file}: ${whole(extract.people)} people in ${plural(extract.groups.length, 'group')}, ${plural(extract.outcomes.length, 'count outcome')}, ${windows}.`,
    '# Every value marked FITTED comes from the extract. Rates, dispersions and severities are written',
    '# as uncertain values { from: LOW, to: HIGH, central: ESTIMATE }: the 95% confidence interval and',
    '# the estimate, which `run` uses and `trialsim sensitivity` moves across the interval',
    '# (docs/scenario-language.md, "Uncertain values"). Each says where it came from:',
    '#   # FITTED from FILE: n = PEOPLE, 95% CI LOW–HIGH',
    '# Values marked TODO are placeholders: the extract has no treated arm and no trial design.',
    "# The model fitted is the scenario language's: each person has a gamma propensity (mean 1,",
    "# variance α: Var = μ + αμ², α = 1/θ of R's glm.nb) shared by every outcome and both windows;",
    '# given it, counts are Poisson with mean propensity × ratePerYear × years at risk (days at',
    '# risk are an offset). ratePerYear is the rate in the population the extract covers.',
    `name: ${toScenarioId(file.replace(/\.[^.]*$/, ''))}`,
    `title: ${JSON.stringify(`Fitted from ${file}`)}`,
    `source: ${JSON.stringify(`trialsim fit ${file}: ${whole(extract.people)} people, ${windows}`)}`,
    'cohort:',
    '  groups:',
  );
  const shares = roundedShares(fit.groupShares.map((share) => share.value));
  const shareOf = fit.selection === null ? 'people' : 'eligible people';
  extract.groups.forEach((group, g) => {
    const of = fit.selection === null ? fit.peopleByGroup[g] : fit.selection.share.countByGroup[g];
    const total = fit.selection === null ? extract.people : fit.selection.share.count;
    push(
      `    - id: ${group.id}`,
      `      label: ${JSON.stringify(group.label)}`,
      `      share: ${shares[g]}  ${fitted(file, total, fit.groupShares[g])}; ${whole(of)} of ${whole(total)} ${shareOf}`,
    );
  });
  const dispersion = counts.dispersion;
  push(
    '  propensity:',
    `    # α by maximum likelihood on every person's counts over outcomes and windows (the negative`,
    `    # multinomial likelihood of the shared gamma); θ = 1/α = ${number(1 / dispersion.value)}, 95% CI ${interval(inverse(dispersion.interval))}.`,
    `    dispersion: ${ranged(dispersion)}  ${fitted(file, extract.people, dispersion)} (${counts.dispersionMethod})`,
  );
  if (fit.selection !== null) {
    const { rules, share } = fit.selection;
    push('  selection:', `    priorMonths: ${rules.priorMonths}`, '    require:');
    for (const rule of rules.require)
      push(
        `      - { outcomes: [${rule.outcomes.join(', ')}], atLeast: ${rule.atLeast}, withinMonths: ${rule.withinMonths} }`,
      );
    const byGroup = extract.groups
      .map(
        (group, g) => `${group.id} ${percent(share.byGroup[g].value)} (${percentInterval(share.byGroup[g].interval)})`,
      )
      .join(', ');
    push(
      `    # Eligible in ${file}: ${whole(share.count)} of ${whole(extract.people)} people, ${percent(share.overall.value)} (95% CI ${percentInterval(share.overall.interval)}); ${byGroup}.`,
      '    # `trialsim run --json` reports the share the fitted model lets through (cohort[].eligibleShare):',
      '    # compare the two as a check of the fit.',
    );
  }
  push('outcomes:');
  extract.outcomes.forEach((id, k) => {
    const copied = effects.effects[id];
    push(`  - id: ${id}`, `    label: ${JSON.stringify(id)}`, '    kind: count');
    if (extract.groups.length === 1) {
      push(`    ratePerYear: ${ranged(counts.rates[k][0])}  ${rateComment(fit, k, 0)}`);
    } else {
      push('    ratePerYear:');
      extract.groups.forEach((group, g) =>
        push(`      ${group.id}: ${ranged(counts.rates[k][g])}  ${rateComment(fit, k, g)}`),
      );
    }
    const test = counts.tests[k];
    const own = counts.ownDispersions[k];
    if (test.skipped !== null) push(`    # Own extra dispersion not tested: ${test.skipped}.`);
    else if (own === null)
      push(
        `    # Own extra dispersion not needed: likelihood-ratio test against none, LR = ${test.statistic.toFixed(2)}, p = ${pValue(test.pValue)}`,
        `    # (50:50 mixture of χ²₀ and χ²₁, as the null is on the boundary; level ${OWN_DISPERSION_LEVEL}).`,
      );
    else
      push(
        `    # Own extra dispersion (gamma, mean 1, variance α_k, the same in both windows): likelihood-ratio`,
        `    # test against none, LR = ${test.statistic.toFixed(2)}, p = ${pValue(test.pValue)} (50:50 mixture of χ²₀ and χ²₁).`,
        `    dispersion: ${ranged(own)}  ${fitted(file, extract.people, own)} (Wald on the log scale)`,
      );
    pushEffect(push, copied, effects.from, { rateRatio: 1 });
    push(`    analysis: ${copied?.analysis ?? 'negative-binomial'}`);
    if (copied?.primary ?? k === 0) push('    primary: true');
  });
  if (fit.severity !== null && extract.severities !== null) {
    const severity = fit.severity;
    const harmId = effects.effects.harm !== undefined || !extract.outcomes.includes('harm') ? 'harm' : 'harm-severity';
    const copied = effects.effects[harmId];
    const basis =
      extract.severities.kind === 'events'
        ? `${whole(severity.events)} events`
        : `${whole(severity.events)} people with exactly one event (their harm totals)`;
    push(
      `  - id: ${harmId}`,
      `    label: ${JSON.stringify(`Harm of ${extract.severities.from}`)}`,
      '    kind: harm',
      `    from: ${extract.severities.from}`,
      `    # Lognormal fitted to the severities of ${basis}: median e^mean(log), spread e^sd(log).`,
      '    severity:',
      '      distribution: lognormal',
      `      median: ${ranged(severity.median)}  ${fitted(file, severity.events, severity.median)} (t interval; n = events)`,
      `      spread: ${ranged(severity.spread, 1)}  ${fitted(file, severity.events, severity.spread)} (χ² interval; n = events)`,
      ...tailComment(severity),
    );
    pushEffect(push, copied, effects.from, { severityRatio: 1 });
    push(`    analysis: ${copied?.analysis ?? 'mann-whitney'}`);
    if (copied?.primary === true) push('    primary: true');
  }
  const stratified = extract.groups.length > 1;
  push(
    '# TODO: the trial you plan. The extract says nothing about it; these are placeholders.',
    'design:',
    `  followUpMonths: ${extract.followUpMonths}  # the extract's follow-up window`,
    `  size: { total: ${PLACEHOLDER_TOTAL}, allocation: "1:1" }  # TODO: a placeholder size`,
    `  randomisation: ${stratified ? 'stratified' : 'complete'}`,
    ...(stratified ? ['  strata: [group]'] : []),
  );
  if (fit.selection !== null)
    push('analysis:', '  adjustForPrior: true  # the prior window is the eligibility window: use it as a covariate');
  push('simulation:', '  trials: 2000', '  seed: 1');
  return `${lines.join('\n')}\n`;
}

function pushEffect(
  push: (...lines: string[]) => void,
  copied: CopiedEffect | undefined,
  from: string | null,
  placeholder: Record<string, number>,
): void {
  if (copied !== undefined) {
    push(`    effect: ${flow(copied.effect)}  # copied from ${from}`);
    return;
  }
  push(
    `    effect: ${flow(placeholder)}  # TODO: a placeholder of no effect, so power is the type I error until`,
    '    #   you set the effect you plan for (e.g. 0.8 for a 20% reduction), or use --effect-from.',
  );
}

function rateComment(fit: ExtractFit, k: number, g: number): string {
  const events = fit.counts.events[k][g];
  const years = fit.counts.personYears[g];
  return `${fitted(fit.extract.source, fit.peopleByGroup[g], fit.counts.rates[k][g])}; ${whole(events)} events in ${whole(Math.round(years))} person-years`;
}

function tailComment(severity: NonNullable<ExtractFit['severity']>): string[] {
  const tail = severity.tail;
  if (!tail.checked) return ['    # Tail not checked: fewer than 100 events.'];
  const summary = `${tail.above} events above the fitted 99th percentile ${number(tail.fittedQuantile99)} (1% = ${number(tail.expectedAbove)} expected), p = ${pValue(tail.pValue)}; observed 99th percentile ${number(tail.observedQuantile99)}.`;
  if (!tail.heavier) return [`    # Tail check (binomial count beyond the fitted 99th percentile): ${summary}`];
  return [
    `    # WARNING: the tail is heavier than this lognormal carries (p < ${TAIL_CHECK_LEVEL}): ${summary}`,
    '    # Simulated harm will understate the largest harms; treat harm results with care.',
  ];
}

/**
 * An estimate as an uncertain value: `{ from: LOW, to: HIGH, central: ESTIMATE }`, each to the
 * file's significant digits (rounding keeps the order, so from ≤ central ≤ to still holds); `floor`
 * is the quantity's least allowed value (a spread's 1).
 */
function ranged(estimate: Estimate, floor = 0): string {
  const [low, high] = estimate.interval;
  const from = Math.min(Math.max(floor, low), estimate.value);
  const to = Math.max(high, estimate.value);
  return `{ from: ${number(from)}, to: ${number(to)}, central: ${number(estimate.value)} }`;
}

function fitted(file: string, n: number, estimate: Estimate): string {
  return `# FITTED from ${file}: n = ${whole(n)}, 95% CI ${interval(estimate.interval)}`;
}

function flow(value: Record<string, unknown>): string {
  return stringify(value, { collectionStyle: 'flow' }).trim();
}

/** Shares rounded to 4 decimals that add up to exactly 1 (the last takes the remainder). */
function roundedShares(shares: readonly number[]): number[] {
  const units = shares.map((share) => Math.round(share * 10_000));
  units[units.length - 1] = 10_000 - units.slice(0, -1).reduce((sum, unit) => sum + unit, 0);
  return units.map((unit) => unit / 10_000);
}

function inverse(range: readonly [number, number]): [number, number] {
  return [range[1] === 0 ? Infinity : 1 / range[1], range[0] === 0 ? Infinity : 1 / range[0]];
}

function number(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : String(value);
  return String(Number(value.toPrecision(DIGITS)));
}

function interval(range: readonly [number, number]): string {
  return `${number(range[0])}–${number(range[1])}`;
}

function percent(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

function percentInterval(range: readonly [number, number]): string {
  return `${(100 * range[0]).toFixed(1)}–${(100 * range[1]).toFixed(1)}%`;
}

function pValue(p: number): string {
  return p < 0.0001 ? p.toExponential(1) : String(Number(p.toPrecision(2)));
}

// 12,345: thousands separated by commas (toLocaleString is slow enough to notice here).
function whole(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function months(value: number): string {
  return `${value}-month`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

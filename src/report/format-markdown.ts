/**
 * The `--markdown` output: a report a commissioner can paste into a paper or a board paper —
 * what was simulated (scenario and assumptions), the true effects, the diagnosand table with
 * intervals, warnings in words, and the exact command that reproduces the run.
 */
import { formatRolloutLine, rolloutScheduleRows } from './format-rollout.js';
import type { Design, Outcome } from '../core/design.js';
import type { OutcomeDiagnosis, RunSummary } from '../core/diagnosis/run-summary.js';
import { collectWarnings } from './collect-warnings.js';
import { typeIErrorAboveAlpha } from './type-i-error-above-alpha.js';
import { formatCount, formatPercent, formatPercentWithInterval, formatRatio, formatSigned } from './format-numbers.js';

/** What the report needs beyond the summary. */
export interface MarkdownContext {
  /** The command line that reproduces the run, e.g. `trialsim run milton-keynes --seed 2023 --trials 5000`. */
  readonly commandLine: string;
  /** The compiled scenario, for the assumptions section; null leaves that section out. */
  readonly design: Design | null;
}

/** Escapes the characters that would break a Markdown table cell or start formatting. */
function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

/** A by-group value as `0.9 (youth), 0.6 (adult)`, or one value when every group has the same. */
function describeByGroup(values: Readonly<Record<string, number>>, format: (n: number) => string): string {
  const entries = Object.entries(values);
  if (entries.length > 0 && entries.every(([, v]) => v === entries[0][1])) return format(entries[0][1]);
  return entries.map(([group, v]) => `${format(v)} (${group})`).join(', ');
}

function describeOutcome(outcome: Outcome): string {
  const scope = outcome.within ? `, analysed within ${outcome.within}` : '';
  const role = outcome.primary ? 'primary' : 'secondary';
  if (outcome.kind === 'count') {
    const rate = describeByGroup(outcome.ratePerYear, (n) => `${n}`);
    const ratio = describeByGroup(outcome.rateRatio, formatRatio);
    return `${outcome.label} (\`${outcome.id}\`, ${role}): offences counted; control rate ${rate} per person-year; rate ratio ${ratio} for engaged treated people; ${outcome.analysis}${scope}.`;
  }
  if (outcome.kind === 'binary') {
    const base = outcome.prevalence
      ? `control prevalence ${describeByGroup(outcome.prevalence, (n) => formatPercent(n, 0))}; risk ratio ${describeByGroup(outcome.riskRatio, formatRatio)}`
      : `any \`${outcome.from}\` offence during follow-up`;
    return `${outcome.label} (\`${outcome.id}\`, ${role}): ${base}; ${outcome.analysis}${scope}.`;
  }
  const severity = `lognormal severity per offence, median ${outcome.severity.median}, spread ${formatRatio(Math.exp(outcome.severity.sdLog))}`;
  return `${outcome.label} (\`${outcome.id}\`, ${role}): harm of \`${outcome.from}\` offences, ${severity}; severity ratio ${describeByGroup(outcome.severityRatio, formatRatio)}; ${outcome.analysis}${scope}.`;
}

function assumptions(design: Design): string[] {
  const plan = design.plan;
  const size =
    plan.size.kind === 'fixed'
      ? `${plan.size.treated} treated and ${plan.size.control} control`
      : `${plan.size.total} people, ${formatPercent(plan.size.treatedShare, 0)} treated`;
  const lines = [
    `- Cohort: ${design.groups.map((g) => `${g.label} (\`${g.id}\`, ${formatPercent(g.share, 0)})`).join(', ')}.`,
    `- Shared offending propensity: ${design.propensityDispersion === 0 ? 'none (Poisson counts)' : `gamma, mean 1, variance ${design.propensityDispersion}`}.`,
  ];
  if (design.selection) {
    const rules = design.selection.require
      .map(
        (r) =>
          `at least ${r.atLeast} ${r.outcomes.map((o) => `\`${o}\``).join(' or ')} offence${r.atLeast === 1 ? '' : 's'} in the last ${r.withinMonths} months`,
      )
      .join('; and ');
    lines.push(`- Eligibility from a simulated ${design.selection.priorMonths}-month history: ${rules}.`);
  }
  lines.push(
    `- Design: ${size}; ${plan.randomisation} randomisation${plan.strata.length > 0 ? ` by ${plan.strata.join(' and ')}` : ''}; follow-up ${plan.followUpMonths} months.`,
    `- Engagement (share of treated who take up the support): ${describeByGroup(plan.engagement, (n) => formatPercent(n, 0))}; attrition ${formatPercent(plan.attrition, 0)}.`,
  );
  if (plan.caseworkers)
    lines.push(`- Caseworkers: caseload ${plan.caseworkers.caseload}, ICC ${plan.caseworkers.icc}.`);
  if (plan.sites)
    lines.push(`- Sites: ${plan.sites.count}, between-site rate CV ${Number(plan.sites.rateCV.toPrecision(3))}.`);
  lines.push(
    `- Analysis: α = ${design.analysis.alpha}, ${design.analysis.sides}-sided, multiplicity ${design.analysis.multiplicity}${design.analysis.adjustForPrior ? ', adjusted for prior offending where the analysis allows' : ''}.`,
    '',
    'Outcomes:',
    '',
    ...design.outcomes.map((o) => `- ${describeOutcome(o)}`),
  );
  return lines;
}

function resultCells(r: OutcomeDiagnosis, alpha: number | null): string[] {
  return [
    `${r.label} (\`${r.outcome}\`)${r.primary ? ' *' : ''}`,
    r.analysis,
    formatRatio(r.estimand),
    formatPercentWithInterval(r.power, r.powerCI),
    r.typeIError === null || r.typeIErrorCI === null
      ? 'not measured'
      : `${formatPercentWithInterval(r.typeIError, r.typeIErrorCI)}${typeIErrorAboveAlpha(r, alpha) ? ' (above α)' : ''}`,
    `${formatSigned(r.bias)} ± ${r.biasMcse.toFixed(3)}`,
    r.rmse.toFixed(3),
    `${formatPercent(r.coverage)} ± ${formatPercent(r.coverageMcse)}`,
    r.typeS === null ? '—' : formatPercent(r.typeS),
    r.exaggeration === null ? '—' : `${r.exaggeration.toFixed(2)}×`,
    formatRatio(r.meanEstimate),
    formatCount(r.failures),
  ];
}

/**
 * Formats a run summary as a Markdown report with sections Scenario, Assumptions (when the design
 * is given), Results (one table row per outcome), Family-wise, Warnings and Reproduce.
 *
 * Example: for milton-keynes the report starts `# milton-keynes — Focused deterrence…`, its table
 * has a row starting `| Knife offending as a suspect (\`knife\`) * | negative-binomial | 0.62 | 41.0% [39.6, 42.4] |`,
 * and it ends with the command line in a fenced `sh` block.
 */
export function formatMarkdown(summary: RunSummary, context: MarkdownContext): string {
  const out: string[] = [];
  const title = summary.scenario.title || summary.scenario.name;
  out.push(`# ${summary.scenario.name}${title !== summary.scenario.name ? ` — ${title}` : ''}`, '');
  out.push(
    `Simulated **${formatCount(summary.trials)}** randomised trials of **${formatCount(summary.design.treated)} treated** and **${formatCount(summary.design.control)} control** people (${formatCount(summary.design.total)} in all), seed ${summary.seed}, with trialsim ${summary.tool.version} (\`${summary.command}\`). Scenario file SHA-256 \`${summary.scenario.sha256}\`.`,
    '',
  );
  if (!summary.complete) {
    out.push(
      `> **Incomplete:** the run was interrupted; these results come from the ${formatCount(summary.trials)} trials completed.`,
      '',
    );
  }
  if (context.design) {
    out.push('## Assumptions', '');
    if (context.design.source) out.push(`Source: ${context.design.source}.`, '');
    out.push(...assumptions(context.design), '');
  }
  if (summary.rollout) {
    out.push(
      '## Rollout',
      '',
      `${formatRolloutLine(summary.rollout)}.`,
      '',
      tableRow(['Period', 'Months', 'Clusters treated', 'Secular trend']),
      tableRow(['---:', '---', '---:', '---:']),
      ...rolloutScheduleRows(summary.rollout).map((row) => tableRow(row)),
      '',
    );
  }
  out.push('## Results', '');
  out.push(
    'The *true effect* is the intention-to-treat ratio implied by the scenario (the estimand). Power is the share of simulated trials with a significant result; intervals are 95% Monte Carlo intervals, ± values are Monte Carlo standard errors. Bias and RMSE are on the log-ratio scale. *Type S* is the share of significant results with the wrong sign; *exaggeration* is how many times, on average, a significant result overstates the true effect. \\* marks a primary outcome.',
    '',
  );
  out.push(
    tableRow([
      'Outcome',
      'Analysis',
      'True effect',
      'Power [95% CI]',
      'Type I error [95% CI]',
      'Bias (log)',
      'RMSE (log)',
      'Coverage',
      'Type S',
      'Exaggeration',
      'Mean estimate',
      'Failed trials',
    ]),
    `|${' --- |'.repeat(2)}${' ---: |'.repeat(10)}`,
    ...summary.results.map((r) => tableRow(resultCells(r, context.design?.analysis.alpha ?? null))),
    '',
  );
  const fw = summary.familywise;
  if (fw) {
    out.push('## Family-wise results', '');
    out.push(
      `With ${fw.multiplicity === 'none' ? 'no multiplicity correction' : `the ${fw.multiplicity} correction`} across primary outcomes, ${formatPercent(fw.anyPrimary)} of trials find at least one primary outcome significant and ${formatPercent(fw.allPrimary)} find all of them significant.${fw.errorUnderNull === null ? '' : ` When the intervention has no effect, ${formatPercent(fw.errorUnderNull)} of trials still find at least one primary outcome significant (the family-wise error rate).`}`,
      '',
    );
  }
  const warnings = collectWarnings(summary);
  out.push('## Warnings', '');
  out.push(...(warnings.length > 0 ? warnings.map((w) => `- ${w}`) : ['None.']), '');
  out.push('## Reproduce', '');
  out.push('The same command gives the same numbers (only the timing differs), whatever the number of threads:', '');
  out.push('```sh', context.commandLine, '```', '');
  out.push(
    `Run time: ${summary.timing.seconds.toFixed(1)} s on ${summary.timing.threads} thread${summary.timing.threads === 1 ? '' : 's'} (${formatCount(summary.timing.trialsPerSecond)} trials/s).`,
  );
  return `${out.join('\n')}\n`;
}

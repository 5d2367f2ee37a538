/**
 * The `--markdown` output: a report a commissioner can paste into a paper or a board paper —
 * what was simulated (scenario and assumptions), the true effects, the diagnosand table with
 * intervals, warnings in words, and the exact command that reproduces the run.
 */
import { formatRolloutLine, rolloutScheduleRows } from './format-rollout.js';
import { describeStepsReading, outcomesWithSteps, stepsMarkdownTable } from './format-steps.js';
import type { Design, Outcome } from '../core/design.js';
import type { OutcomeDiagnosis, RunSummary } from '../core/diagnosis/run-summary.js';
import { showsAdjustedPower, summaryMultiplicity } from './adjusted-power-shown.js';
import { cohortRateRows } from './cohort-rates.js';
import { describeSequentialDesign, describeSequentialResults, sequentialMarkdownTable } from './format-sequential.js';
import { collectWarnings } from './collect-warnings.js';
import { DIAGNOSAND_SCALES, DIAGNOSANDS_DOC } from './diagnosand-scales.js';
import { runVerdict } from './run-verdict.js';
import { significantReading } from './significant-reading.js';
import type { TrialCost } from './trial-cost.js';
import { coverageMark, typeIErrorMark } from './type-i-error-above-alpha.js';
import { reproducibilityNote } from './reproducibility-note.js';
import { uncertainInputsNote } from './uncertain-inputs-note.js';
import {
  describeOriginal,
  describePrior,
  replicatedResults,
  replicationSuccessRows,
} from './replication-success-lines.js';
import { formatCount, formatPercent, formatPercentWithInterval, formatRatio, formatSigned } from './format-numbers.js';

/** What the report needs beyond the summary. */
export interface MarkdownContext {
  /** The command line that reproduces the run, e.g. `trialsim run milton-keynes --seed 2023 --trials 5000`. */
  readonly commandLine: string;
  /** The compiled scenario, for the assumptions section; null leaves that section out. */
  readonly design: Design | null;
  /** The design's costs, when the scenario has a `costs` block: in the verdict and a Costs section. */
  readonly cost?: TrialCost | null;
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
    `- Shared offending propensity: ${design.propensityDispersion === 0 ? 'none (Poisson counts)' : `gamma, mean 1, variance α = ${design.propensityDispersion}, so counts are negative binomial with Var = μ + αμ² (θ = 1/α = ${Number((1 / design.propensityDispersion).toPrecision(3))}, the theta of R's glm.nb)`}.`,
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

/**
 * The selected cohort's actual rates, for the assumptions: eligibility picks the most active
 * people, so the rates a trial meets are not the population rates stated above.
 */
function cohortLines(summary: RunSummary): string[] {
  const rows = cohortRateRows(summary, true);
  if (!rows) return [];
  return [
    '',
    "Selected cohort (exact, from the scenario): eligible share of each group's population, and per outcome the prior-window rate → the expected control follow-up value (count outcomes per person-year, binary outcomes as a prevalence, harm as the mean per person).",
    '',
    ...rows.map(
      (row) =>
        `- ${row.group}: ${row.eligible} eligible; ${row.outcomes.map((o) => `\`${o.outcome}\` ${o.prior === null ? o.followUp : `${o.prior} → ${o.followUp}`}`).join(', ')}.`,
    ),
  ];
}

/** Notes after a type I error and a coverage outside (or, for type I, within but above α) their tolerance bands. */
const TYPE_I_NOTES = {
  '': '',
  '!': ' (above the tolerance band: not valid)',
  '↓': ' (below the tolerance band: conservative)',
  '+': ' (within tolerance but above α)',
} as const;
const COVERAGE_NOTES = {
  '': '',
  '!': ' (below the tolerance band: intervals too narrow)',
  '↑': ' (above the tolerance band: intervals too wide)',
} as const;

function resultCells(r: OutcomeDiagnosis, alpha: number | null, adjusted: boolean): string[] {
  return [
    `${r.label} (\`${r.outcome}\`)${r.primary ? ' *' : ''}`,
    r.analysis,
    formatRatio(r.estimand),
    formatPercentWithInterval(r.power, r.powerCI),
    ...(adjusted ? [r.primary ? formatPercent(r.adjustedPower) : '—'] : []),
    r.typeIError === null || r.typeIErrorCI === null
      ? 'not measured'
      : `${formatPercentWithInterval(r.typeIError, r.typeIErrorCI)}${TYPE_I_NOTES[typeIErrorMark(r, alpha)]}`,
    `${formatSigned(r.bias)} ± ${r.biasMcse.toFixed(3)}`,
    r.rmse.toFixed(3),
    `${formatPercent(r.coverage)} ± ${formatPercent(r.coverageMcse)}${COVERAGE_NOTES[coverageMark(r)]}`,
    r.typeS === null ? '—' : formatPercent(r.typeS),
    r.exaggeration === null ? '—' : `${r.exaggeration.toFixed(2)}×`,
    formatRatio(r.meanEstimate),
    formatCount(r.failures),
  ];
}

/**
 * The two fingerprints, each under its own name: the design hash (of the compiled design, so it
 * moves with --set, --trials, --seed and --engine) and, where a file was read, the file's SHA-256.
 */
function hashSentences(summary: RunSummary): string {
  const { sha256, fileSha256 } = summary.scenario;
  const design = `Design SHA-256 \`${sha256}\` (of the compiled design: it changes with --set, --trials, --seed and --engine).`;
  return fileSha256 === undefined
    ? design
    : `${design} Scenario file SHA-256 \`${fileSha256}\` (of the file as on disk, as \`sha256sum\` prints it).`;
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
    `Simulated **${formatCount(summary.trials)}** randomised trials of **${formatCount(summary.design.treated)} treated** and **${formatCount(summary.design.control)} control** people (${formatCount(summary.design.total)} in all), seed ${summary.seed}, with trialsim ${summary.tool.version} (\`${summary.command}\`${summary.engine ? `, ${summary.engine} engine` : ''}). ${hashSentences(summary)}`,
    '',
  );
  if (!summary.complete) {
    out.push(
      `> **Incomplete:** the run was interrupted; these results come from the ${formatCount(summary.trials)} trials completed.`,
      '',
    );
  }
  out.push(`**Verdict.** ${runVerdict(summary, context.cost ?? null)}`, '');
  if (context.design) {
    out.push('## Assumptions', '');
    if (context.design.source) out.push(`Source: ${context.design.source}.`, '');
    out.push(...assumptions(context.design), ...cohortLines(summary), '');
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
  const multiplicity = summaryMultiplicity(summary);
  const adjusted = showsAdjustedPower(summary.results, multiplicity);
  out.push('## Results', '');
  out.push(
    [
      'The *true effect* is the intention-to-treat ratio implied by the scenario (the estimand), treated over control: below 1 is a reduction.',
      `*Power* is ${DIAGNOSAND_SCALES.power}${adjusted ? `; *power after ${multiplicity}* is ${DIAGNOSAND_SCALES.adjustedPower} (${multiplicity}), for primary outcomes` : ''}.`,
      'Intervals are 95% Monte Carlo intervals, ± values are Monte Carlo standard errors.',
      `*Bias* is ${DIAGNOSAND_SCALES.bias}; *RMSE* is ${DIAGNOSAND_SCALES.rmse}.`,
      `*Type S* is ${DIAGNOSAND_SCALES.typeS}.`,
      `*Exaggeration* is ${DIAGNOSAND_SCALES.exaggeration}: 1.50× means significant trials report on average 1.5 times the true log ratio. The plain reading, in percentages, is below the table.`,
      `*Mean estimate* is ${DIAGNOSAND_SCALES.meanEstimate}.`,
      `\\* marks a primary outcome. Definitions, and how they compare with DeclareDesign and Gelman & Carlin: \`${DIAGNOSANDS_DOC}\`.`,
    ].join(' '),
    '',
  );
  out.push(
    tableRow([
      'Outcome',
      'Analysis',
      'True effect',
      'Power [95% CI]',
      ...(adjusted ? [`Power after ${multiplicity}`] : []),
      'Type I error [95% CI]',
      'Bias (log)',
      'RMSE (log)',
      'Coverage',
      'Type S',
      'Exaggeration (log ratio)',
      'Mean estimate (geometric)',
      'Failed trials',
    ]),
    `|${' --- |'.repeat(2)}${' ---: |'.repeat(adjusted ? 11 : 10)}`,
    ...summary.results.map((r) => tableRow(resultCells(r, context.design?.analysis.alpha ?? null, adjusted))),
    '',
  );
  const readings = summary.results.filter((r) => r.primary || summary.results.every((o) => !o.primary));
  const readingLines = readings.flatMap((r) => {
    const reading = significantReading(r);
    return reading === null ? [] : [`- ${r.label} (\`${r.outcome}\`): ${reading}.`];
  });
  if (readingLines.length > 0) {
    out.push(
      'What a significant result would report (the plain reading of exaggeration, on the ratio scale, intention to treat):',
      '',
      ...readingLines,
      '',
    );
  }
  const cost = context.cost ?? null;
  if (cost && cost.lines.length > 0) out.push('## Costs', '', ...cost.lines.map((line) => `- ${line.trim()}`), '');
  const fw = summary.familywise;
  if (fw) {
    out.push('## Family-wise results', '');
    out.push(
      `With ${fw.multiplicity === 'none' ? 'no multiplicity correction' : `the ${fw.multiplicity} correction`} across primary outcomes, ${formatPercent(fw.anyPrimary)} of trials find at least one primary outcome significant and ${formatPercent(fw.allPrimary)} find all of them significant.${fw.errorUnderNull === null ? '' : ` When the intervention has no effect, ${formatPercent(fw.errorUnderNull)} of trials still find at least one primary outcome significant (the family-wise error rate).`}`,
      '',
    );
  }
  const sequential = summary.sequential;
  if (sequential) {
    out.push('## Interim looks', '');
    out.push(describeSequentialDesign(sequential), '');
    out.push(
      'Each look analyses the people whose follow-up is complete by then. *Stop for efficacy* and *stop for futility* are the shares of simulated trials that stop at that look (futility obeyed); the *no effect* columns are the paired null run (efficacy with futility ignored, as non-binding boundaries allow); *exaggeration* is how many times, on average, the trials stopping there for efficacy overstate the true effect.',
      '',
    );
    out.push(...sequentialMarkdownTable(sequential), '');
    out.push(...describeSequentialResults(sequential).map((line) => `- ${line}`), '');
  }
  const stepped = outcomesWithSteps(summary.results);
  if (stepped.length > 0) {
    out.push('## Per-step results', '');
    out.push(
      "The effect by time since a cluster crossed over: each step is a period of exposure (step 0 is a cluster's first treated period), estimated from the cluster-period log rates with cluster and period fixed effects and one effect per step. *Mean estimate* is the geometric mean over simulated rollouts, against the *true effect* (the scenario's effect does not change with exposure); *95% of trials between* is where single rollouts put it; *power* and *type I error* are the step's own t test with the effect and with none.",
      '',
    );
    for (const result of stepped) {
      out.push(`**${result.label}** (\`${result.outcome}\`)`, '', ...stepsMarkdownTable(result.steps!), '');
      const reading = describeStepsReading(result.steps!);
      if (reading) out.push(reading, '');
    }
  }
  const replicated = replicatedResults(summary);
  if (replicated.length > 0) {
    out.push('## Replication success', '');
    out.push(
      'The probability that the replication succeeds under each criterion: the share of simulated replications judged a success from their own estimate and estimated standard error, each with its true effect drawn from the design prior [95% Monte Carlo interval].',
      '',
    );
    for (const r of replicated) {
      out.push(`**${r.label}** (\`${r.outcome}\`): ${describeOriginal(r)}; ${describePrior(r)}.`, '');
      out.push(tableRow(['Criterion', 'P(success) [95% CI]', 'Succeeds when']), '| --- | ---: | --- |');
      out.push(...replicationSuccessRows(r).map((row) => tableRow(row)), '');
    }
  }
  const warnings = collectWarnings(summary);
  out.push('## Warnings', '');
  out.push(...(warnings.length > 0 ? warnings.map((w) => `- ${w}`) : ['None.']), '');
  const inputs = uncertainInputsNote(summary);
  if (inputs) out.push('## Uncertain inputs', '', inputs, '');
  out.push('## Reproduce', '');
  out.push(`${reproducibilityNote(summary)} (only the timing differs). The command, quoted for a POSIX shell:`, '');
  out.push('```sh', context.commandLine, '```', '');
  out.push(
    `Run time: ${summary.timing.seconds.toFixed(1)} s on ${summary.timing.threads} thread${summary.timing.threads === 1 ? '' : 's'} (${formatCount(summary.timing.trialsPerSecond)} trials/s).`,
  );
  return `${out.join('\n')}\n`;
}

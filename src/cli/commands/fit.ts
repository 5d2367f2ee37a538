/**
 * `trialsim fit EXTRACT.csv`: a commented scenario fitted to a person-level extract of records —
 * control rates per group and outcome, the shared propensity's dispersion, own dispersion where a
 * likelihood-ratio test calls for it, the harm severity, and the eligible share under `--select`.
 * The scenario goes to --out (written atomically: a whole file or none) or stdout; a summary goes
 * to stderr. Any bad cell stops it before anything is written (exit 2, file:line:column).
 */
import { Option, type Command } from 'commander';
import { effectsFromDesign, type CopiedEffect } from '../../fit/effects-from-design.js';
import { fitExtract } from '../../fit/fit-extract.js';
import { writeScenarioYaml } from '../../fit/scenario-yaml.js';
import { writeFileAtomically } from '../../report/write-file-atomically.js';
import { writeOutput } from '../../report/write-output.js';
import { loadDesign } from '../../scenario/load-design.js';
import { parseSelectionOption } from '../../scenario/parse-selection-option.js';
import { readExtract } from '../../scenario/read-extract.js';
import { UserError } from '../../errors/user-error.js';
import type { SetExitCode } from '../exit-codes.js';

interface FitOptions {
  out?: string;
  group?: string;
  outcomes?: string;
  priorMonths?: number;
  followupMonths: number;
  harmFrom?: string;
  select?: string;
  effectFrom?: string;
}

const COLUMNS = `
Extract columns (one line per person of the population the cohort is drawn from):
  id or person_id          optional; must be unique
  group                    the person's group, e.g. an age band (another column: --group COL)
  OUTCOME_prior            events of OUTCOME in the prior window (whole numbers ≥ 0)
  OUTCOME_followup         events of OUTCOME in the follow-up window
  OUTCOME_prior_<N>m       optional: events in the last N months of the prior window (for --select)
  exposure_prior_days      optional: days at risk in each window (e.g. not in custody);
  exposure_followup_days     the fit uses them as an offset (default: the whole window)
  harm_followup_events     optional: the severity of each follow-up event of --harm-from, ";"-separated
  harm_followup_total      or optional: each person's total harm (people with one event fit the severity)
Outcomes are every OUTCOME with an OUTCOME_followup column unless --outcomes names them.

Example:
  trialsim fit examples/mk-like-extract.csv --prior-months 24 --followup-months 12 \\
    --select '[{ outcomes: [knife], atLeast: 1, withinMonths: 12 }]' --out fitted.yaml`;

/** Registers `fit`. */
export function registerFit(program: Command, setExitCode: SetExitCode): void {
  program
    .command('fit')
    .description('fit a commented scenario to a person-level extract of records (CSV)')
    .argument('<extract>', 'the extract, a CSV file with a header line')
    .addOption(
      new Option('--followup-months <n>', 'length of the follow-up window in months')
        .argParser(months('--followup-months'))
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--prior-months <n>',
        'length of the prior window in months (needed with OUTCOME_prior columns)',
      ).argParser(months('--prior-months')),
    )
    .option('--group <column>', 'the group column (default: group, if there is one)')
    .option('--outcomes <ids>', 'the count outcomes, comma-separated (default: every OUTCOME_followup column)')
    .option(
      '--harm-from <outcome>',
      'the count outcome whose events the harm severities belong to (default: the first)',
    )
    .option(
      '--select <rules>',
      "eligibility rules in the scenario's selection syntax, e.g. '[{ outcomes: [knife], atLeast: 1, withinMonths: 12 }]'",
    )
    .option(
      '--effect-from <scenario>',
      'copy effects and analyses from this scenario (file or built-in name) instead of placeholders',
    )
    .option('--out <file>', 'write the scenario to FILE (atomically) instead of stdout')
    .addHelpText('after', COLUMNS)
    .action(async (extractFile: string, options: FitOptions) => {
      await fitCommand(extractFile, options);
      setExitCode(0);
    });
}

async function fitCommand(extractFile: string, options: FitOptions): Promise<void> {
  const started = performance.now();
  const { extract, ignoredColumns } = await readExtract(extractFile, {
    groupColumn: options.group ?? null,
    outcomes:
      options.outcomes === undefined
        ? null
        : options.outcomes
            .split(',')
            .map((id) => id.trim())
            .filter((id) => id !== ''),
    priorMonths: options.priorMonths ?? null,
    followUpMonths: options.followupMonths,
    harmFrom: options.harmFrom ?? null,
  });
  const selection = options.select === undefined ? null : parseSelectionOption(options.select, extract);
  let effects: Readonly<Record<string, CopiedEffect>> = {};
  if (options.effectFrom !== undefined) {
    const copied = effectsFromDesign(
      (await loadDesign(options.effectFrom)).design,
      extract.groups.map((group) => group.id),
    );
    if ('problem' in copied)
      throw new UserError(
        `--effect-from ${options.effectFrom}: ${copied.problem}`,
        'fill in the effects of the fitted scenario by hand instead',
      );
    effects = copied.effects;
  }
  const fit = fitExtract(extract, selection);
  const yaml = writeScenarioYaml(fit, { from: options.effectFrom ?? null, effects });
  if (options.out === undefined) await writeOutput(yaml, null);
  else await writeFileAtomically(options.out, yaml);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const copiedIds = Object.keys(effects).filter((id) => extract.outcomes.includes(id) || id === 'harm');
  const notes = [
    `fitted ${extractFile}: ${extract.people.toLocaleString('en-GB')} people, ${extract.groups.length} group(s), outcomes ${extract.outcomes.join(', ')}; α = ${fit.counts.dispersion.value.toPrecision(4)} (95% CI ${fit.counts.dispersion.interval.map((x) => x.toPrecision(4)).join('–')}) in ${seconds}s`,
    ...(ignoredColumns.length > 0 ? [`ignored columns: ${ignoredColumns.join(', ')}`] : []),
    copiedIds.length > 0
      ? `effects copied from ${options.effectFrom} for ${copiedIds.join(', ')}${copiedIds.length < extract.outcomes.length + (fit.severity === null ? 0 : 1) ? '; the others are placeholders (ratio 1) marked TODO' : ''}`
      : 'effects are placeholders (ratio 1, no effect) marked TODO: set them, or use --effect-from SCENARIO',
    ...(fit.severity?.tail.heavier
      ? ['the harm severities have a heavier tail than a lognormal carries (see the WARNING in the scenario)']
      : []),
    ...(options.out === undefined ? [] : [`wrote ${options.out}; check it with \`trialsim validate ${options.out}\``]),
  ];
  process.stderr.write(notes.map((line) => `${line}\n`).join(''));
}

function months(flag: string) {
  return (value: string): number => {
    const number = Number(value);
    if (!(number > 0 && number <= 240))
      throw new UserError(`${flag} must be a number of months from 0 to 240 (got ${value})`, `e.g. ${flag} 12`);
    return number;
  };
}

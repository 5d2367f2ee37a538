/**
 * `trialsim sample-size SCENARIO --target P [--outcome ID] [--vary PATH] [--max N]`: the smallest
 * value of a design parameter whose power (or assurance) reaches the target (docs/command-line.md; docs/json-output.md, "sample-size").
 * The search and the report run are the planning layer's (`answerSampleSize`); this file parses
 * the options and prints.
 */
import { Option, type Command } from 'commander';
import { answerSampleSize } from '../../search/answer-sample-size.js';
import { answerCheapestDesign, type VaryRequest } from '../../search/answer-cheapest-design.js';
import { parseValueRange } from '../../search/parse-value-range.js';
import { PlanningOptionError } from '../../search/planning-option-error.js';
import type { PlanningSession } from '../../search/planning-session.js';
import type { OutputMode } from '../../report/choose-output.js';
import { formatCostReport } from '../../report/format-cost-report.js';
import { renderCostSvg } from '../../report/svg/render-cost-svg.js';
import { writeOutput } from '../../report/write-output.js';
import { commandLineOf } from '../command-line.js';
import { EXIT_INTERRUPTED, EXIT_OK, type SetExitCode } from '../exit-codes.js';
import { positiveNumber } from '../option-parsers.js';
import { planningAction, printPlanningAnswer } from '../planning-command.js';
import { addPlanningOptions, varyParameterOption } from '../planning-options.js';
import { addSimulationOptions, type SimulationOptions } from '../simulation-options.js';

/** Options of sample-size (shared simulation options plus its own). */
interface SampleSizeOptions extends SimulationOptions {
  target: number;
  outcome?: string;
  success?: string;
  vary?: string[];
  minimise?: 'cost';
  max?: number;
  precision: number;
  svg?: string;
}

/** Registers `sample-size`. */
export function registerSampleSize(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('sample-size')
    .description('smallest sample size (or sites, caseworkers, years, follow-up) reaching the target power')
    .argument('<scenario>', 'a scenario file, or the name of a built-in scenario');
  addPlanningOptions(command)
    .addOption(varyParameterOption())
    .addOption(
      new Option('--max <n>', 'largest value to try (default: the parameter’s own bound)').argParser(
        positiveNumber('--max'),
      ),
    )
    .option(
      '--success <criterion>',
      'size for the probability of replication success under this criterion of the scenario’s replication block (e.g. sceptical-controlled) instead of significance',
    )
    .addOption(
      new Option(
        '--minimise <what>',
        'find the cheapest design reaching the target over the two --vary parameters (costs from the scenario’s costs block)',
      ).choices(['cost']),
    )
    .option('--svg <file>', 'also draw the simulated curve, with the answer marked, as an SVG file')
    .option(
      '--assurance',
      'size for assurance: every uncertain input (a range or distribution in the scenario) drawn per trial, the size whose expected power reaches the target',
    )
    .addHelpText(
      'after',
      '\n--trials sets the trials of the report run at the answer (default: the scenario’s); the search itself spends what --precision needs.\n' +
        'Example: trialsim sample-size milton-keynes --target 0.8 --outcome knife\n' +
        '         trialsim sample-size milton-keynes-replication --success sceptical-controlled\n' +
        '         trialsim sample-size milton-keynes-scale-up --minimise cost --vary design.sites.count=40,60,80 --vary design.sites.peoplePerSite',
    );
  addSimulationOptions(command, { nullRun: true }).action(
    planningAction(setExitCode, async (session, mode, options: SampleSizeOptions, argv) => {
      const varies = options.vary ?? ['design.size.total'];
      if (options.minimise === 'cost') return printCheapestDesign(session, mode, options, varies, argv);
      if (varies.length > 1)
        throw new PlanningOptionError(
          `--vary is given ${varies.length} times: sample-size sizes one parameter, or two with --minimise cost`,
        );
      const { target, outcome, success, max, precision } = options;
      const answer = await answerSampleSize(session, { vary: varies[0], target, outcome, success, max, precision });
      return printPlanningAnswer(session, answer, mode, options, argv);
    }),
  );
}

// The cost search: two --vary, a frontier table (or JSON, CSV, Markdown) and, with --svg, its figure.
async function printCheapestDesign(
  session: PlanningSession,
  mode: OutputMode,
  options: SampleSizeOptions,
  varies: readonly string[],
  argv: readonly string[],
): Promise<number> {
  if (varies.length !== 2)
    throw new PlanningOptionError(
      `--minimise cost needs --vary twice (got ${varies.length}): the parameter to try values of, then the one to search`,
      'e.g. --vary design.sites.count=20,40,60 --vary design.sites.peoplePerSite',
    );
  if (options.success !== undefined)
    throw new PlanningOptionError('--success is not supported with --minimise cost: it minimises cost for power');
  const [rows, columns] = varies.map(parseVary);
  const answer = await answerCheapestDesign(session, {
    rows,
    columns,
    target: options.target,
    outcome: options.outcome,
    max: options.max,
    precision: options.precision,
  });
  if (options.svg) await writeOutput(await renderCostSvg(answer.frontier, answer.figure), options.svg);
  await session.finish(answer.conclusion);
  const text = formatCostReport(answer, mode.format, commandLineOf(argv));
  await writeOutput(text, options.out ?? null);
  return answer.complete ? EXIT_OK : EXIT_INTERRUPTED;
}

// PATH alone (values chosen by the search) or PATH=values as `curve` takes them.
function parseVary(text: string): VaryRequest {
  if (!text.includes('=')) return { path: text.trim(), values: null };
  const range = parseValueRange(text);
  return { path: range.path, values: range.values };
}

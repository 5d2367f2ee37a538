/**
 * `trialsim explain SCENARIO [--outcome ID]`: the teaching view. It simulates the design at two
 * sizes — the pilot's and the planned one when the scenario has a `pilot` block, otherwise the
 * size as written and `--scale` times it — and shows, for one outcome, the sampling distribution
 * of the estimate, the true effect, which estimates were significant and how much those
 * exaggerate the effect (the winner's curse a small trial is exposed to).
 */
import { Option, type Command } from 'commander';
import type { Design } from '../../core/design.js';
import { chooseOutput, readOutputEnvironment } from '../../report/choose-output.js';
import type { ExplainPanel } from '../../report/explain-data.js';
import { explainData, explainPanel, explainSizes } from '../../report/explain-panel.js';
import { formatExplainText } from '../../report/format-explain-text.js';
import { formatReplicationExamples, replicationExamples } from '../../report/explain-replication.js';
import { writeOutput } from '../../report/write-output.js';
import { checkOutputPath } from '../../report/check-output-path.js';
import { threadsFor } from '../thread-option.js';
import { designWith, loadDesign } from '../../scenario/load-design.js';
import { sizeOverride } from '../../search/design-parameter.js';
import { UserError } from '../../errors/user-error.js';
import { EXIT_INTERRUPTED, type SetExitCode } from '../exit-codes.js';
import { plainProgressView, runWithProgress } from '../run-with-progress.js';
import { addSimulationOptions, scenarioOverrides, type SimulationOptions } from '../simulation-options.js';

interface ExplainOptions extends SimulationOptions {
  outcome?: string;
  svg?: string;
  scale: number;
}

/** Registers `explain`. */
export function registerExplain(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('explain')
    .description(
      'teaching view: sampling distribution of the estimate and the winner’s curse, at the pilot’s size and the planned one',
    )
    .argument('<scenario>', 'a scenario file, or the name of a built-in scenario')
    .option('--outcome <id>', 'the outcome to show (default: the first primary outcome)')
    .option('--svg <file>', 'also draw the picture as an SVG file')
    .addOption(
      new Option('--scale <k>', 'without a pilot block: compare the size as written with k times it')
        .default(4)
        .argParser(positiveNumber),
    );
  addSimulationOptions(command).action(async (scenario: string, options: ExplainOptions) => {
    setExitCode(await explainCommand(scenario, options));
  });
}

async function explainCommand(scenario: string, options: ExplainOptions): Promise<number> {
  if (options.shard)
    throw new UserError('explain does not take --shard', 'use `trialsim run --shard I/N` for batch runs');
  const mode = chooseOutput({ ...options, csv: false, markdown: false }, readOutputEnvironment());
  // Before any trial runs: the simulations must not be lost to a typo in a folder name.
  if (options.out) checkOutputPath(options.out);
  if (options.svg) checkOutputPath(options.svg, '--svg');
  const threads = threadsFor(options.threads);
  const sets = scenarioOverrides(options);
  const loaded = await loadDesign(scenario, sets);
  const { design } = loaded;
  const outcomeIndex = pickOutcome(design, options.outcome);
  const panels: ExplainPanel[] = [];
  let complete = true;
  for (const size of explainSizes(design, options.scale)) {
    const sized = designWith(loaded, [sizeOverride(size.treated, size.control)]).design;
    process.stderr.write(
      mode.progress === 'none'
        ? ''
        : `trialsim: simulating ${size.label.toLowerCase()} size (${size.treated} treated, ${size.control} control)\n`,
    );
    const run = await runWithProgress(sized, { threads, withNull: false }, plainProgressView(mode));
    complete &&= run.complete;
    panels.push(explainPanel(sized, size.label, run.tally, outcomeIndex));
    if (!run.complete) break;
  }
  const data = explainData(design, outcomeIndex, panels);
  // Under a replication plan, a few replications at the size as written, judged by every criterion.
  const examples = complete ? replicationExamples(design, outcomeIndex) : null;
  if (options.svg) {
    const { renderExplainSvg } = await import('../../report/svg/render-explain-svg.js');
    await writeOutput(await renderExplainSvg(data), options.svg);
  }
  const text =
    mode.format === 'json'
      ? `${JSON.stringify({ command: 'explain', scenario: design.name, seed: design.simulation.seed, complete, ...data, ...(examples ? { replicationExamples: examples } : {}) }, null, 2)}\n`
      : formatExplainText(data, { color: mode.color, width: Math.min(process.stdout.columns ?? 80, 100) }) +
        (examples ? `\n${formatReplicationExamples(examples).join('\n')}\n` : '');
  await writeOutput(text, options.out ?? null);
  return complete ? 0 : EXIT_INTERRUPTED;
}

function pickOutcome(design: Design, id: string | undefined): number {
  if (id === undefined)
    return Math.max(
      0,
      design.outcomes.findIndex((o) => o.primary),
    );
  const index = design.outcomes.findIndex((o) => o.id === id);
  if (index < 0)
    throw new UserError(
      `--outcome ${id}: no such outcome`,
      `the scenario's outcomes are ${design.outcomes.map((o) => o.id).join(', ')}`,
    );
  return index;
}

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UserError(`--scale must be a number > 0 (got "${value}")`);
  return number;
}

/**
 * `trialsim mde SCENARIO --target P [--outcome ID]`: the minimum detectable effect — the weakest
 * effect (ratio closest to 1), the same in every group, whose power reaches the target at the
 * scenario's size (DESIGN.md §4–§5).
 */
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import type { Design } from '../../core/design.js';
import { formatRatio } from '../../report/format-numbers.js';
import type { PowerCurve } from '../../report/power-curve.js';
import { writeOutput } from '../../report/write-output.js';
import { loadDesign } from '../../scenario/load-design.js';
import { planMinimumDetectableEffect } from '../../search/plan-minimum-detectable-effect.js';
import { mdeLines } from '../../search/plan-text.js';
import { mdeDocument } from '../../search/planning-document.js';
import { withUniformEffect } from '../../search/with-uniform-effect.js';
import { EXIT_INTERRUPTED } from '../exit-codes.js';
import { addSimulationOptions, type SimulationOptions } from '../shared-options.js';
import {
  addPlanningOptions,
  extrasLines,
  formatPlanning,
  guardOptionErrors,
  startPlanning,
  type PlanningSession,
} from './sample-size.js';
import type { SetExitCode } from '../exit-codes.js';

interface MdeOptions extends SimulationOptions {
  target: number;
  outcome?: string;
  precision: number;
}

/** Registers `mde`. */
export function registerMde(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('mde')
    .description('minimum detectable effect: the weakest effect reaching the target power at the scenario’s size')
    .argument('<scenario>', 'a scenario file, or the name of a built-in scenario');
  addPlanningOptions(command).addHelpText(
    'after',
    '\nThe effect is set to the same ratio in every group of the target outcome(s) (for engaged treated people; engagement still dilutes it).\n' +
      'Example: trialsim mde milton-keynes --target 0.8 --outcome knife',
  );
  addSimulationOptions(command).action(async (scenario: string, options: MdeOptions) => {
    const session = await startPlanning(scenario, options);
    try {
      setExitCode(await mdeIn(session, scenario, options, process.argv.slice(2)));
    } finally {
      await session.close();
    }
  });
}

async function mdeIn(
  session: PlanningSession,
  scenario: string,
  options: MdeOptions,
  argv: readonly string[],
): Promise<number> {
  const design = session.base.design;
  const targetId = options.outcome ?? 'all-primary';
  await session.openDashboard(
    `${design.name} — the weakest effect with ${Math.round(options.target * 1000) / 10}% power (${targetId})`,
    'ratio',
    options.target,
  );
  const began = performance.now();
  const plan = await guardOptionErrors(() =>
    planMinimumDetectableEffect(design, session.searchRange, {
      target: options.target,
      outcome: options.outcome,
      precision: options.precision,
      signal: session.signal,
      onPoint: (ratio, point, used) => {
        session.progress(`ratio ${ratio.toFixed(4)}`, point, used);
        session.addPoints([{ value: ratio, outcome: targetId, power: point.power, powerCI: point.powerCI }]);
      },
    }),
  );
  const searchSeconds = (performance.now() - began) / 1000;
  const atAnswer = plan.mde === null ? design : withUniformEffect(design, plan.variedOutcomes, plan.mde);
  const report = await session.reportRun(atAnswer, 'mde');
  const extras = await session.extras(
    report.design,
    report.summary,
    searchSeconds,
    async (treated, control) =>
      (await loadDesign(scenario, [...session.sets, `design.size={ treated: ${treated}, control: ${control} }`]))
        .design,
  );
  const document = mdeDocument(report.summary, plan, extras);
  const outcome = plan.powerTarget.kind === 'all-primary' ? 'all-primary' : plan.powerTarget.id;
  const curve: PowerCurve = {
    parameter: 'ratio',
    target: options.target,
    points: plan.curve.map((p) => ({ value: p.ratio, outcome, power: p.power, powerCI: p.powerCI })),
  };
  const lines = [...mdeLines(plan, ratioName(design, plan.variedOutcomes[0])), ...extrasLines(report.design, extras)];
  const interrupted = session.signal.aborted || !report.summary.complete;
  // The dashboard keeps the curve and the answer on screen; the full report follows below it.
  const name = ratioName(design, plan.variedOutcomes[0]);
  const answer =
    plan.mde === null
      ? lines[0]
      : `${Math.round(options.target * 1000) / 10}% power (${plan.targetDescription}) from a ${name} of about ${formatRatio(plan.mde)}${plan.mdeCI ? ` [${formatRatio(Math.min(...plan.mdeCI))}, ${formatRatio(Math.max(...plan.mdeCI))}]` : ''}`;
  await session.finishDashboard(`${interrupted ? 'Interrupted, the results below are partial — ' : ''}${answer}`);
  await writeOutput(formatPlanning(document, session.mode, curve, lines, argv, report.design), options.out ?? null);
  return interrupted ? EXIT_INTERRUPTED : 0;
}

function ratioName(design: Design, outcomeId: string): string {
  const kind = design.outcomes.find((outcome) => outcome.id === outcomeId)?.kind;
  return kind === 'binary' ? 'risk ratio' : kind === 'harm' ? 'severity ratio' : 'rate ratio';
}

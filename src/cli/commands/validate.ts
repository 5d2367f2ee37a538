/**
 * `trialsim validate FILE...`: checks scenario files (or built-in names) and lists every problem
 * in every file at once, each with file, line:column, path, value and fix. Exit 2 if any is
 * invalid (the ScenarioError is mapped to 2 by main.ts).
 */
import type { Command } from 'commander';
import { prepareInterimPlan } from '../../core/analysis/group-sequential/interim-plan.js';
import { questionLooks } from '../../core/analysis/group-sequential/question-looks.js';
import { resolveScenario } from '../../scenario/builtin-scenarios.js';
import { describeDesign } from '../../scenario/describe-design.js';
import { loadDesign } from '../../scenario/load-design.js';
import { ScenarioError, type ScenarioProblem } from '../../scenario/scenario-error.js';
import type { SetExitCode } from '../exit-codes.js';

/** Registers `validate`. */
export function registerValidate(program: Command, _setExitCode: SetExitCode): void {
  program
    .command('validate')
    .description('check scenario files; every problem listed with file, line:column, path, value and fix')
    .argument('<files...>', 'scenario files (YAML or JSON), or names of built-in scenarios')
    .option(
      '--set <path=value>',
      'override a scenario field before checking (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .action(async (files: string[], options: { set: string[] }) => {
      await validateFiles(files, options.set);
    });
}

/**
 * Prints "ok FILE: summary" for each valid file, then "! …" for interim looks that strain the
 * boundaries' assumptions (valid, but questioned: docs/sequential-and-stepped-wedge.md); throws
 * one ScenarioError with all problems.
 */
export async function validateFiles(files: readonly string[], sets: readonly string[]): Promise<void> {
  const problems: ScenarioProblem[] = [];
  for (const file of files) {
    try {
      const { design } = await loadDesign(file, sets);
      process.stdout.write(`ok ${resolveScenario(file)}: ${design.name} — ${describeDesign(design)}\n`);
      const interim = prepareInterimPlan(design);
      for (const warning of interim === null ? [] : questionLooks(design, interim))
        process.stdout.write(`! ${warning}\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
}

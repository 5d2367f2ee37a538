/**
 * `trialsim scenarios`: lists the built-in scenarios with their titles.
 */
import type { Command } from 'commander';
import { builtInScenarioFolder, listBuiltInScenarios } from '../../scenario/builtin-scenarios.js';
import { loadDesign } from '../../scenario/load-design.js';
import type { SetExitCode } from '../exit-codes.js';

/** Registers `scenarios`. */
export function registerScenarios(program: Command, _setExitCode: SetExitCode): void {
  program
    .command('scenarios')
    .description('list the built-in scenarios')
    .action(async () => {
      process.stdout.write(await formatBuiltInList());
    });
}

/** One line per built-in: its name, padded, then its title; and how to run one. */
export async function formatBuiltInList(): Promise<string> {
  const builtIns = listBuiltInScenarios();
  const width = Math.max(...builtIns.map((scenario) => scenario.name.length));
  const lines: string[] = [];
  for (const scenario of builtIns) {
    const { design } = await loadDesign(scenario.file);
    lines.push(`${scenario.name.padEnd(width)}  ${design.title}`);
  }
  return `${lines.join('\n')}\n\nRun one with \`trialsim run NAME\`; the files are in ${builtInScenarioFolder()} (copy one to start your own).\n`;
}

/**
 * `trialsim schema`: prints the scenario JSON Schema, for editor completion (e.g. save it as
 * trialsim.schema.json and start a scenario with `# yaml-language-server: $schema=trialsim.schema.json`).
 */
import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/json-schema.js';
import type { SetExitCode } from '../exit-codes.js';

/** Registers `schema`. */
export function registerSchema(program: Command, _setExitCode: SetExitCode): void {
  program
    .command('schema')
    .description('print the scenario JSON Schema (for editor completion)')
    .action(() => {
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}

/**
 * `trialsim retro --effect A --se S [--alpha 0.05] [--json]`: Gelman & Carlin's design analysis
 * of a reported result in closed form — if the true effect were A and the estimate's standard
 * error S, how often would the study be significant, how often with the wrong sign, and how much
 * would a significant estimate exaggerate the effect (DESIGN.md §4–§5, contract).
 */
import type { Command } from 'commander';
import { writeOutput } from '../../report/write-output.js';
import { retrodesign } from '../../search/analytic/retrodesign.js';
import { UserError } from '../../errors/user-error.js';
import type { SetExitCode } from '../exit-codes.js';

interface RetroOptions {
  effect: string;
  se: string;
  alpha: string;
  json?: boolean;
  out?: string;
}

/** Registers `retro`. */
export function registerRetro(program: Command, setExitCode: SetExitCode): void {
  program
    .command('retro')
    .description('Gelman & Carlin type S / type M for a reported result (closed form)')
    .requiredOption(
      '--effect <a>',
      'the true effect to assume, on the scale of the estimate (for a ratio: its natural log, e.g. -0.17 for 0.84)',
    )
    .requiredOption('--se <s>', 'standard error of the estimate (for a ratio: of its log)')
    .option('--alpha <alpha>', 'two-sided significance level', '0.05')
    .option('--json', 'print { effect, se, alpha, power, typeS, exaggeration } as JSON')
    .option('--out <file>', 'write the result to FILE instead of stdout')
    .addHelpText(
      'after',
      '\nExample: trialsim retro --effect 1 --se 3.3\n  power 6.1%, type S 19.5%, exaggeration 7.8× (Gelman & Carlin 2014)',
    )
    .action(async (options: RetroOptions) => {
      await writeOutput(retroText(options), options.out ?? null);
      setExitCode(0);
    });
}

/** The command's output for its options (exported for tests). */
export function retroText(options: RetroOptions): string {
  const effect = readNumber('--effect', options.effect);
  const se = readNumber('--se', options.se);
  const alpha = readNumber('--alpha', options.alpha);
  if (effect === 0)
    throw new UserError(
      '--effect must not be 0: exaggeration is measured against a non-zero true effect',
      'give the smallest effect you think plausible, e.g. --effect 0.1',
    );
  if (!(se > 0))
    throw new UserError(
      `--se must be above 0 (got ${options.se})`,
      'the standard error of the estimate, e.g. --se 0.35',
    );
  if (!(alpha > 0 && alpha < 1))
    throw new UserError(`--alpha must be between 0 and 1 (got ${options.alpha})`, 'e.g. --alpha 0.05');
  const result = retrodesign({ effect, standardError: se, alpha });
  if (options.json) {
    return `${JSON.stringify({ effect, se, alpha, power: result.power, typeS: result.typeS, exaggeration: result.exaggeration }, null, 2)}\n`;
  }
  const percent = (share: number) => `${(100 * share).toFixed(share < 0.001 ? 3 : 1)}%`;
  return [
    `Retrospective design analysis (Gelman & Carlin 2014): true effect ${effect}, standard error ${se}, two-sided α ${alpha}.`,
    '',
    `  power          ${percent(result.power)}`,
    `  type S         ${percent(result.typeS)}`,
    `  exaggeration   ${result.exaggeration.toFixed(2)}×`,
    '',
    `If the true effect were ${effect}, a study with this standard error would be significant ${percent(result.power)} of the time; ` +
      `${percent(result.typeS)} of its significant results would point the wrong way (type S), and a significant estimate would on ` +
      `average be ${result.exaggeration.toFixed(2)} times the true effect (type M) — so a significant result from such a study says ` +
      `${result.exaggeration >= 2 ? 'more about noise than about the effect' : 'something, but overstates the effect'}.`,
    '',
  ].join('\n');
}

function readNumber(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UserError(`${flag} must be a number (got "${text}")`);
  return value;
}

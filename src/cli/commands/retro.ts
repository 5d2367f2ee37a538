/**
 * `trialsim retro`: Gelman & Carlin's design analysis of a reported result in closed form — if the
 * true effect were this and the estimate's standard error that, how often would the study be
 * significant, how often with the wrong sign, and how much would a significant estimate exaggerate
 * the effect (docs/command-line.md; docs/json-output.md, "retro"; contract). Two ways to say the effect:
 *
 * * `--effect A --se S`: an effect on its own additive scale (a difference in means, a log odds);
 * * `--true-ratio R` with `--ci LOW,HIGH` (a reported 95% interval of a ratio) or `--se-log S`: a
 *   rate, risk or odds ratio, analysed on the log scale, where the effect is ln R.
 */
import { Option, type Command } from 'commander';
import { writeOutput } from '../../report/write-output.js';
import { logRatioStandardError } from '../../search/analytic/log-ratio-standard-error.js';
import { retrodesign, type Retrodesign } from '../../search/analytic/retrodesign.js';
import { UserError } from '../../errors/user-error.js';
import type { SetExitCode } from '../exit-codes.js';

interface RetroOptions {
  effect?: string;
  se?: string;
  trueRatio?: string;
  ci?: string;
  seLog?: string;
  alpha: string;
  json?: boolean;
  out?: string;
}

/** The question asked, on the scale it was asked: an additive effect, or a ratio and the SE of its log. */
type RetroQuestion =
  | { readonly scale: 'additive'; readonly effect: number; readonly se: number }
  | {
      readonly scale: 'ratio';
      readonly trueRatio: number;
      /** The reported interval, as numbers and as typed (for the sentence). */
      readonly ci: { readonly bounds: readonly [number, number]; readonly text: readonly [string, string] } | null;
      readonly seLog: number;
    };

const USAGE_HINT =
  'give --effect A --se S (an effect on its own scale), or --true-ratio R with --ci LOW,HIGH or --se-log S (a ratio)';

/** Registers `retro`. */
export function registerRetro(program: Command, setExitCode: SetExitCode): void {
  program
    .command('retro')
    .description('Gelman & Carlin type S / type M for a reported result (closed form)')
    .option('--effect <a>', 'the true effect to assume, on the estimate’s own additive scale (with --se)')
    .option('--se <s>', 'standard error of the estimate, on the same scale as --effect')
    .option('--true-ratio <r>', 'the true rate, risk or odds ratio to assume, e.g. 0.8 for a 20% reduction')
    .addOption(
      new Option('--ci <low,high>', 'the reported 95% confidence interval of the ratio (with --true-ratio)').conflicts(
        'seLog',
      ),
    )
    .option('--se-log <s>', 'standard error of the log ratio (with --true-ratio), instead of --ci')
    .option('--alpha <alpha>', 'two-sided significance level', '0.05')
    .option('--json', 'print the inputs, the standard error used, power, typeS and exaggeration as JSON')
    .option('--out <file>', 'write the result to FILE instead of stdout')
    .addHelpText(
      'after',
      '\nThe standard error of a ratio’s log follows from its reported 95% interval: (ln HIGH − ln LOW) / (2 × 1.959964).\n' +
        'Examples:\n' +
        '  trialsim retro --true-ratio 0.8 --ci 0.36,1.00   a reported interval 0.36–1.00, a true 20% reduction\n' +
        '  trialsim retro --effect 1 --se 3.3               power 6.1%, type S 19.5%, exaggeration 7.8× (Gelman & Carlin 2014)',
    )
    .action(async (options: RetroOptions) => {
      await writeOutput(retroText(options), options.out ?? null);
      setExitCode(0);
    });
}

/** The command's output for its options (exported for tests). */
export function retroText(options: RetroOptions): string {
  const question = readQuestion(options);
  const alpha = readNumber('--alpha', options.alpha);
  if (!(alpha > 0 && alpha < 1))
    throw new UserError(`--alpha must be between 0 and 1 (got ${options.alpha})`, 'e.g. --alpha 0.05');
  const effect = question.scale === 'additive' ? question.effect : Math.log(question.trueRatio);
  const standardError = question.scale === 'additive' ? question.se : question.seLog;
  const result = retrodesign({ effect, standardError, alpha });
  const numbers = { power: result.power, typeS: result.typeS, exaggeration: result.exaggeration };
  if (options.json) {
    const inputs =
      question.scale === 'additive'
        ? { effect, se: standardError, alpha }
        : {
            trueRatio: question.trueRatio,
            ...(question.ci ? { ci: question.ci.bounds } : {}),
            seLog: question.seLog,
            effect,
            se: standardError,
            alpha,
          };
    return `${JSON.stringify({ ...inputs, ...numbers }, null, 2)}\n`;
  }
  return retroSentences(question, alpha, result);
}

function readQuestion(options: RetroOptions): RetroQuestion {
  const additive = options.effect !== undefined || options.se !== undefined;
  const ratio = options.trueRatio !== undefined || options.ci !== undefined || options.seLog !== undefined;
  if (additive && ratio)
    throw new UserError(
      'use --effect/--se or --true-ratio with --ci or --se-log, not both',
      '--effect and --se are for an effect on its own additive scale; --true-ratio is for a rate, risk or odds ratio',
    );
  if (ratio) return readRatioQuestion(options);
  if (options.effect === undefined || options.se === undefined)
    throw new UserError(
      options.effect === undefined ? 'retro needs the true effect to assume' : 'retro needs the standard error (--se)',
      USAGE_HINT,
    );
  const effect = readNumber('--effect', options.effect);
  const se = readNumber('--se', options.se);
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
  return { scale: 'additive', effect, se };
}

function readRatioQuestion(options: RetroOptions): RetroQuestion {
  if (options.trueRatio === undefined)
    throw new UserError(
      `${options.ci !== undefined ? '--ci' : '--se-log'} needs --true-ratio, the true ratio to assume`,
      'e.g. --true-ratio 0.8 for a true 20% reduction',
    );
  const trueRatio = readNumber('--true-ratio', options.trueRatio);
  if (!(trueRatio > 0))
    throw new UserError(`--true-ratio must be above 0 (got ${options.trueRatio})`, 'e.g. 0.8 for a 20% reduction');
  if (trueRatio === 1)
    throw new UserError(
      '--true-ratio must not be 1: exaggeration is measured against a non-zero true effect',
      'give the smallest effect you think plausible, e.g. --true-ratio 0.9 for a 10% reduction',
    );
  if (options.ci !== undefined) {
    const ci = readInterval(options.ci);
    return { scale: 'ratio', trueRatio, ci, seLog: logRatioStandardError(ci.bounds[0], ci.bounds[1]) };
  }
  if (options.seLog === undefined)
    throw new UserError(
      '--true-ratio needs the reported 95% interval (--ci LOW,HIGH) or the standard error of the log ratio (--se-log)',
      'e.g. --true-ratio 0.8 --ci 0.36,1.00',
    );
  const seLog = readNumber('--se-log', options.seLog);
  if (!(seLog > 0)) throw new UserError(`--se-log must be above 0 (got ${options.seLog})`, 'e.g. --se-log 0.26');
  return { scale: 'ratio', trueRatio, ci: null, seLog };
}

function readInterval(text: string): NonNullable<Extract<RetroQuestion, { scale: 'ratio' }>['ci']> {
  const parts = text.split(',').map((part) => part.trim());
  const [low, high] = parts.map(Number);
  if (parts.length !== 2 || parts.some((part) => part === '') || !Number.isFinite(low) || !Number.isFinite(high))
    throw new UserError(`--ci must be two numbers LOW,HIGH (got "${text}")`, 'e.g. --ci 0.36,1.00');
  if (!(low > 0 && high > low))
    throw new UserError(
      `--ci must be a ratio's interval, 0 < LOW < HIGH (got "${text}")`,
      'give the reported 95% interval of the ratio, e.g. --ci 0.36,1.00',
    );
  return { bounds: [low, high], text: [parts[0], parts[1]] };
}

function readNumber(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UserError(`${flag} must be a number (got "${text}")`);
  return value;
}

function percent(share: number): string {
  return `${(100 * share).toFixed(share < 0.001 ? 3 : 1)}%`;
}

/** A ratio as a change, e.g. 0.8 → "20% reduction", 1.25 → "25% increase". */
function changeOf(ratio: number): string {
  const change = Number((100 * Math.abs(1 - ratio)).toPrecision(3));
  return `${Math.abs(change) < 1 ? change : Math.round(change)}% ${ratio < 1 ? 'reduction' : 'increase'}`;
}

/**
 * What a significant result is worth, true at every printed exaggeration: at 1.00× it does not
 * overstate the effect; below 1.10× hardly; below 2× it overstates it by the printed share; from
 * 2× it says more about noise than about the effect.
 */
function verdict(exaggeration: number, typeS: number): string {
  const shown = Number(exaggeration.toFixed(2));
  const wrongSign = typeS >= 0.05 ? `, and ${percent(typeS)} of them point the wrong way` : '';
  if (shown >= 2) return `says more about noise than about the effect${wrongSign}`;
  if (shown <= 1) return 'can be taken at face value: on average it does not overstate the effect';
  const overstates = Math.round(100 * (shown - 1));
  if (shown < 1.1) return `can be taken nearly at face value: on average it overstates the effect by ${overstates}%`;
  return `says something, but on average overstates the effect by ${overstates}%${wrongSign}`;
}

function retroSentences(question: RetroQuestion, alpha: number, result: Retrodesign): string {
  const { power, typeS, exaggeration } = result;
  const times = exaggeration.toFixed(2);
  const significance = `a study with this standard error would be significant ${percent(power)} of the time; ${percent(typeS)} of its significant results would point the wrong way (type S)`;
  if (question.scale === 'additive') {
    const { effect, se } = question;
    return [
      `Retrospective design analysis (Gelman & Carlin 2014): true effect ${effect}, standard error ${se}, two-sided α ${alpha}.`,
      '',
      `  power          ${percent(power)}`,
      `  type S         ${percent(typeS)}`,
      `  exaggeration   ${times}×`,
      '',
      `If the true effect were ${effect}, ${significance}, and a significant estimate would on average be ${times} times ` +
        `the size of the true effect (type M) — so a significant result from such a study ${verdict(exaggeration, typeS)}.`,
      '',
    ].join('\n');
  }
  const { trueRatio, ci, seLog } = question;
  const source = ci
    ? `from the 95% interval ${ci.text[0]}–${ci.text[1]}: (ln ${ci.text[1]} − ln ${ci.text[0]}) / (2 × 1.959964)`
    : 'as given';
  const typical = Math.exp(exaggeration * Math.log(trueRatio));
  return [
    `Retrospective design analysis (Gelman & Carlin 2014) on the log-ratio scale: true ratio ${trueRatio} (a ${changeOf(trueRatio)}), ` +
      `standard error of its log ${seLog.toFixed(4)} (${source}), two-sided α ${alpha}.`,
    '',
    `  power          ${percent(power)}`,
    `  type S         ${percent(typeS)}`,
    `  exaggeration   ${times}× (on the log-ratio scale)`,
    '',
    `If the true ratio were ${trueRatio}, ${significance}, and a significant estimate would on average lie ${times} times ` +
      `as far from no effect as the truth on the log scale (type M): a true ${changeOf(trueRatio)} would typically be reported ` +
      `as a ratio of about ${Number(typical.toPrecision(2))} (a ${changeOf(typical)}) — so a significant result from such a study ${verdict(exaggeration, typeS)}.`,
    '',
  ].join('\n');
}

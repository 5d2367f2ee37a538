/**
 * `trialsim synth SCENARIO --people N`: a synthetic extract drawn from a scenario's model under
 * control conditions — the CSV `trialsim fit` reads — for teaching, for trying `fit` without real
 * records, and as its round-trip test. Reproducible from --seed (default: the scenario's seed).
 */
import { Option, type Command } from 'commander';
import { formatExtractCsv } from '../../fit/format-extract-csv.js';
import { synthesiseExtract } from '../../fit/synthesise-extract.js';
import { writeFileAtomically } from '../../report/write-file-atomically.js';
import { writeOutput } from '../../report/write-output.js';
import { loadDesign } from '../../scenario/load-design.js';
import { UserError } from '../../errors/user-error.js';
import type { SetExitCode } from '../exit-codes.js';

interface SynthOptions {
  people: number;
  seed?: number;
  priorMonths?: number;
  minAtRisk: number;
  set: string[];
  out?: string;
}

/** Largest synthetic extract. */
const MOST_PEOPLE = 1_000_000;

/** Registers `synth`. */
export function registerSynth(program: Command, setExitCode: SetExitCode): void {
  program
    .command('synth')
    .description("write a synthetic extract (CSV) from a scenario's model under control conditions")
    .argument('<scenario>', 'a scenario file or built-in name')
    .addOption(
      new Option('--people <n>', 'people of the population to draw (before any selection)')
        .argParser(wholeNumber('--people', 1, MOST_PEOPLE))
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--seed <s>', "random seed (default: the scenario's simulation.seed)").argParser(
        wholeNumber('--seed', 0, Number.MAX_SAFE_INTEGER),
      ),
    )
    .addOption(
      new Option(
        '--prior-months <n>',
        "prior window in months (default: the scenario's selection.priorMonths, else 12)",
      ).argParser(share('--prior-months', 240)),
    )
    .addOption(
      new Option('--min-at-risk <share>', 'each person is at risk a uniform share between this and 1 of each window')
        .argParser(share('--min-at-risk', 1))
        .default(1),
    )
    .option(
      '--set <path=value>',
      'override a scenario field (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--out <file>', 'write the CSV to FILE (atomically) instead of stdout')
    .addHelpText(
      'after',
      '\nExample:\n  trialsim synth milton-keynes --people 3000 --out mk-like-extract.csv\n  trialsim fit mk-like-extract.csv --prior-months 24 --followup-months 12',
    )
    .action(async (scenario: string, options: SynthOptions) => {
      const { design } = await loadDesign(scenario, options.set);
      if (!design.outcomes.some((outcome) => outcome.kind === 'count'))
        throw new UserError(
          `${scenario} has no count outcomes, so there are no counts to synthesise`,
          'give a scenario with kind: count outcomes, e.g. milton-keynes',
        );
      const priorMonths = options.priorMonths ?? design.selection?.priorMonths ?? 12;
      const extract = synthesiseExtract(design, {
        people: options.people,
        seed: options.seed ?? design.simulation.seed,
        priorMonths,
        minAtRiskShare: options.minAtRisk,
      });
      const csv = formatExtractCsv(extract);
      if (options.out === undefined) await writeOutput(csv, null);
      else await writeFileAtomically(options.out, csv);
      const harms = design.outcomes.filter((outcome) => outcome.kind === 'harm');
      process.stderr.write(
        [
          `synthesised ${options.people.toLocaleString('en-GB')} people from ${design.name} (seed ${options.seed ?? design.simulation.seed}; prior ${priorMonths} months, follow-up ${design.plan.followUpMonths} months)`,
          ...(harms.length > 1
            ? [`harm severities are those of ${harms[0].id}; the other harm outcomes are not written`]
            : []),
          ...(options.out === undefined
            ? []
            : [
                `wrote ${options.out}; fit it with \`trialsim fit ${options.out} --prior-months ${priorMonths} --followup-months ${design.plan.followUpMonths}\``,
              ]),
        ]
          .map((line) => `${line}\n`)
          .join(''),
      );
      setExitCode(0);
    });
}

function wholeNumber(flag: string, least: number, most: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < least || number > most)
      throw new UserError(
        `${flag} must be a whole number from ${least} to ${most} (got ${value})`,
        `e.g. ${flag} 3000`,
      );
    return number;
  };
}

function share(flag: string, most: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!(number > 0 && number <= most))
      throw new UserError(
        `${flag} must be a number above 0 and at most ${most} (got ${value})`,
        `e.g. ${flag} ${most === 1 ? 0.8 : 24}`,
      );
    return number;
  };
}

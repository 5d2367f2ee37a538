/**
 * `trialsim merge FILE...`: combines the JSON outputs of `--shard 1/N … N/N` runs into the
 * document one full run would have printed (docs/json-output.md, "merge"); only `timing` differs, and it holds the
 * shards' seconds and threads added up.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { chooseOutput, readOutputEnvironment } from '../../report/choose-output.js';
import { formatResult } from '../../report/format-result.js';
import { writeOutput } from '../../report/write-output.js';
import { combineShards, type ShardInput } from '../../runner/combine-shards.js';
import { UserError } from '../../errors/user-error.js';
import { summariseRun } from '../../report/summarise-run.js';
import type { SetExitCode } from '../exit-codes.js';
import { commandLineOf } from '../command-line.js';

interface MergeOptions {
  json?: boolean;
  csv?: boolean;
  markdown?: boolean;
  out?: string;
}

/** Registers `merge` on the program. */
export function registerMerge(program: Command, setExitCode: SetExitCode): void {
  void setExitCode;
  program
    .command('merge')
    .description('combine the outputs of --shard I/N runs into one result, as one full run would print it')
    .argument('<file...>', 'shard outputs, written by `trialsim run SCENARIO --shard I/N --json --out FILE`')
    .option('--json', 'print one JSON document on stdout')
    .option('--csv', 'print CSV on stdout')
    .option('--markdown', 'print a Markdown report on stdout')
    .option('--out <file>', 'write the result to FILE instead of stdout')
    .addHelpText(
      'after',
      '\nExample:\n  trialsim merge shard-1.json shard-2.json shard-3.json --json --out result.json',
    )
    .action(async (files: string[], options: MergeOptions) => {
      await mergeShards(files, options);
    });
}

async function mergeShards(files: readonly string[], options: MergeOptions): Promise<void> {
  const mode = chooseOutput({ ...options, quiet: true }, readOutputEnvironment());
  const inputs = await Promise.all(files.map(readShardFile));
  const combined = combineShards(inputs);
  const summary = summariseRun(combined.design, combined.tally, {
    command: combined.command,
    sha256: combined.sha256,
    fileSha256: combined.fileSha256,
    complete: true,
    seconds: combined.seconds,
    threads: combined.threads,
  });
  const text = formatResult(summary, mode.format, {
    color: mode.color,
    commandLine: commandLineOf(['merge', ...files]),
    design: combined.design,
  });
  await writeOutput(text, options.out ?? null);
}

async function readShardFile(file: string): Promise<ShardInput> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new UserError(`cannot read shard file ${file}: ${reason}`);
  }
  try {
    return { file, document: JSON.parse(text) };
  } catch {
    throw new UserError(`${file} is not JSON`, 'give merge the files written by --shard I/N --json --out FILE');
  }
}

import type { Design } from '../core/design.js';
import { mergeRunTally, runTallyFromJSON, type RunTally } from '../core/diagnosis/tally.js';
import { UserError } from '../errors/user-error.js';
import type { ShardSection } from './shard-document.js';

/** One shard output as read from a file. */
export interface ShardInput {
  readonly file: string;
  /** The parsed JSON of the file. */
  readonly document: unknown;
}

/** The whole run rebuilt from its shards. */
export interface CombinedShards {
  readonly design: Design;
  readonly tally: RunTally;
  readonly command: string;
  /** The design hash the shards share. */
  readonly sha256: string;
  /** The scenario file's SHA-256 the shards share, when they recorded one. */
  readonly fileSha256?: string;
  /** Seconds and threads summed over the shards (compute spent, not wall-clock time). */
  readonly seconds: number;
  readonly threads: number;
}

/**
 * Shard files that do not make up one run: a user error (exit 2) listing every problem found.
 *
 * Example: one problem → its text as the message; several → "these shard files do not make up
 * one run:" followed by one indented line each.
 */
export class ShardMismatchError extends UserError {
  constructor(readonly problems: readonly string[]) {
    super(
      problems.length === 1 ? problems[0] : `these shard files do not make up one run:\n  ${problems.join('\n  ')}`,
      'merge the complete outputs of --shard 1/N … N/N of one run (same scenario, seed and --trials)',
    );
    this.name = 'ShardMismatchError';
  }
}

interface ReadShard {
  readonly file: string;
  readonly section: ShardSection;
  readonly design: Design;
  readonly tally: RunTally;
  readonly facts: Record<string, string>;
  readonly fileSha256: unknown;
  readonly seconds: number;
  readonly threads: number;
}

/** Facts every shard of one run shares, with how to name them in a message. */
const SHARED_FACTS = [
  'tool version',
  'stream version',
  'command',
  'scenario sha256',
  'scenario file sha256',
  'seed',
  'total trials',
  'null run',
  'compiled design',
] as const;

/**
 * Checks that shard outputs belong to one run and merges their tallies in trial order. They must
 * come from the same tool version and command, with the same scenario (sha256 and compiled design),
 * seed, total trials and null-run setting, each complete, and their trial ranges must cover
 * 0 … trials−1 with no gap and no overlap. Because tallies merge exactly, the result is the
 * tally one full run would have produced.
 *
 * Example: the outputs of `--shard 1/3`, `2/3`, `3/3` in any order → the full run's tally;
 * leaving out 2/3 throws "no shard holds trials 100–199 (e.g. shard 2/3 is missing)".
 */
export function combineShards(inputs: readonly ShardInput[]): CombinedShards {
  if (inputs.length === 0) throw new ShardMismatchError(['no shard files given']);
  const problems: string[] = [];
  const shards = inputs.flatMap((input) => {
    const read = readShard(input, problems);
    return read ? [read] : [];
  });
  if (problems.length > 0) throw new ShardMismatchError(problems);
  for (const fact of SHARED_FACTS) {
    const values = new Map<string, string[]>();
    for (const shard of shards) values.set(shard.facts[fact], [...(values.get(shard.facts[fact]) ?? []), shard.file]);
    if (values.size > 1) {
      // A design is too long to print; grouping the files by design says enough.
      const listed = [...values].map(([value, files]) =>
        fact === 'compiled design' ? files.join(', ') : `${files.join(', ')}: ${value}`,
      );
      problems.push(`the shards differ in ${fact} (${listed.join('; ')}); merge only the shards of one run`);
    }
  }
  if (problems.length > 0) throw new ShardMismatchError(problems);
  const ordered = [...shards].sort(
    (a, b) => a.section.trialRange[0] - b.section.trialRange[0] || a.section.trialRange[1] - b.section.trialRange[1],
  );
  checkCoverage(ordered, problems);
  if (problems.length > 0) throw new ShardMismatchError(problems);
  const first = ordered[0];
  const tally = first.tally;
  for (const shard of ordered.slice(1)) mergeRunTally(tally, shard.tally);
  return {
    design: first.design,
    tally,
    command: first.facts.command,
    sha256: first.facts['scenario sha256'],
    ...(typeof first.fileSha256 === 'string' ? { fileSha256: first.fileSha256 } : {}),
    seconds: ordered.reduce((sum, shard) => sum + shard.seconds, 0),
    threads: ordered.reduce((sum, shard) => sum + shard.threads, 0),
  };
}

/** The trial ranges, in order, must tile 0 … totalTrials−1. */
function checkCoverage(ordered: readonly ReadShard[], problems: string[]): void {
  const totalTrials = ordered[0].section.totalTrials;
  const count = ordered[0].section.count;
  let coveredTo = 0;
  let previous: ReadShard | null = null;
  for (const shard of ordered) {
    const [from, to] = shard.section.trialRange;
    if (from > coveredTo)
      problems.push(
        `no shard holds trials ${coveredTo}–${from - 1}${missingShardHint(coveredTo, from, totalTrials, count)}`,
      );
    if (from < coveredTo && previous) {
      problems.push(
        `${previous.file} (${describeRange(previous.section)}) and ${shard.file} (${describeRange(shard.section)}) overlap; each trial must be in one shard only`,
      );
    }
    coveredTo = Math.max(coveredTo, to);
    previous = shard;
  }
  if (coveredTo < totalTrials)
    problems.push(
      `no shard holds trials ${coveredTo}–${totalTrials - 1}${missingShardHint(coveredTo, totalTrials, totalTrials, count)}`,
    );
}

function missingShardHint(from: number, to: number, totalTrials: number, count: number): string {
  const missing: number[] = [];
  for (let index = 1; index <= count; index++) {
    const start = Math.floor((totalTrials * (index - 1)) / count);
    const end = Math.floor((totalTrials * index) / count);
    if (start >= from && end <= to && end > start) missing.push(index);
  }
  return missing.length === 0
    ? ''
    : ` (shard ${missing.map((index) => `${index}/${count}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing)`;
}

function describeRange(section: ShardSection): string {
  return `shard ${section.index}/${section.count}, trials ${section.trialRange[0]}–${section.trialRange[1] - 1}`;
}

/** A shard document as read, before anything about it is known. */
interface LooseShardDocument {
  readonly shard?: ShardSection;
  readonly tally?: unknown;
  readonly compiledDesign?: unknown;
  readonly complete?: unknown;
  readonly tool?: { readonly version?: unknown; readonly streamVersion?: unknown };
  readonly command?: unknown;
  readonly scenario?: { readonly sha256?: unknown; readonly fileSha256?: unknown };
  readonly seed?: unknown;
  readonly timing?: { readonly seconds?: unknown; readonly threads?: unknown };
}

/** Reads what merge needs from one document, adding a problem (and returning null) if it cannot. */
function readShard(input: ShardInput, problems: string[]): ReadShard | null {
  const doc = input.document as LooseShardDocument | null;
  const notShard = `${input.file} is not the JSON output of a --shard run`;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    problems.push(`${notShard} (it is not a JSON object)`);
    return null;
  }
  const section = doc.shard as ShardSection | undefined;
  if (
    !section ||
    !Array.isArray(section.trialRange) ||
    typeof section.totalTrials !== 'number' ||
    !doc.tally ||
    !doc.compiledDesign
  ) {
    problems.push(
      `${notShard} (it has no "shard", "tally" or "compiledDesign" field); run each shard with --shard I/N --json --out FILE`,
    );
    return null;
  }
  if (doc.complete !== true) {
    problems.push(
      `${input.file} holds shard ${section.index}/${section.count}, which was interrupted ("complete": false); run that shard again`,
    );
    return null;
  }
  let tally: RunTally;
  try {
    tally = runTallyFromJSON(doc.tally);
  } catch {
    problems.push(`${input.file}: its "tally" field is damaged; run shard ${section.index}/${section.count} again`);
    return null;
  }
  const [from, to] = section.trialRange;
  if (tally.trials !== to - from) {
    problems.push(
      `${input.file}: shard ${section.index}/${section.count} should hold ${to - from} trials but its tally has ${tally.trials}; run it again`,
    );
    return null;
  }
  return {
    file: input.file,
    section,
    design: doc.compiledDesign as Design,
    tally,
    facts: {
      'tool version': String(doc.tool?.version),
      'stream version': doc.tool?.streamVersion === undefined ? 'not stated' : String(doc.tool.streamVersion),
      command: String(doc.command),
      'scenario sha256': String(doc.scenario?.sha256),
      'scenario file sha256': String(doc.scenario?.fileSha256),
      seed: String(doc.seed),
      'total trials': String(section.totalTrials),
      'null run': section.withNull ? 'with' : 'without (--no-null)',
      'compiled design': JSON.stringify(doc.compiledDesign),
    },
    fileSha256: doc.scenario?.fileSha256,
    seconds: Number(doc.timing?.seconds) || 0,
    threads: Number(doc.timing?.threads) || 0,
  };
}

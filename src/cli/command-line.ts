/**
 * The command as typed, written so that pasting it into a POSIX shell (sh, bash, zsh) runs it
 * again with the same arguments: the Markdown report's "Reproduce" line.
 */

/** Characters a POSIX shell reads literally in a bare word (no quoting needed). */
const BARE_WORD = /^[A-Za-z0-9_./:=,@%+-]+$/;

/**
 * One argument quoted for a POSIX shell: left bare when every character is literal there,
 * otherwise wrapped in single quotes, inside which nothing is special except the single quote
 * itself, written as '\'' (close, escaped quote, reopen). POSIX.1-2017, Shell Command Language,
 * §2.2.2 Single-Quotes.
 *
 * Example: `quoteForShell('design.size={ treated: 79, control: 211 }')` is
 * `'design.size={ treated: 79, control: 211 }'`; `quoteForShell("it's")` is `'it'\''s'`;
 * `quoteForShell('--trials')` is `--trials`.
 */
export function quoteForShell(argument: string): string {
  if (BARE_WORD.test(argument)) return argument;
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line that reruns `trialsim` with `argv` (the arguments after the program name),
 * each quoted for a POSIX shell.
 *
 * Example: `commandLineOf(['run', '--set', 'design.size={ treated: 79, control: 211 }'])` is
 * `trialsim run --set 'design.size={ treated: 79, control: 211 }'`.
 */
export function commandLineOf(argv: readonly string[]): string {
  return ['trialsim', ...argv.map(quoteForShell)].join(' ');
}

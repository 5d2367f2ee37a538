/**
 * A mistyped command suggests the command meant. commander's own suggestion
 * (`showSuggestionAfterError`) never fires here: `run` is the default command and takes a
 * scenario, so `trialsim sampel-size` reaches `run` as a scenario named "sampel-size" and fails as
 * a missing file. This check runs first: a first word that is no command, no file and no built-in
 * scenario, but is a near miss of a command, is refused with the command to type.
 */
import { UserError } from '../errors/user-error.js';
import { namesScenario } from '../scenario/builtin-scenarios.js';
import { closestWord } from '../scenario/did-you-mean.js';

/**
 * Throws a `UserError` suggesting the command when `args` (the words after `trialsim`) start with
 * a near miss of one of the command names and aliases `names`; otherwise returns.
 *
 * Example: for `['sampel-size', 'milton-keynes']` it throws "unknown command "sampel-size"" with
 * the hint "did you mean `trialsim sample-size`? (`trialsim --help` lists the commands)".
 */
export function refuseMistypedCommand(names: readonly string[], args: readonly string[]): void {
  const first = args[0];
  if (first === undefined || first.startsWith('-')) return;
  if (names.includes(first)) return;
  const meant = closestWord(first, names);
  if (meant === null || namesScenario(first)) return;
  throw new UserError(
    `unknown command "${first}"`,
    `did you mean \`trialsim ${meant}\`? (\`trialsim --help\` lists the commands)`,
  );
}

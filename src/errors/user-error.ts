/**
 * Bad input the user can fix — a scenario problem, a bad flag or value, an output that cannot be
 * written — as opposed to a bug (`BugError`). Any layer may throw it where the problem is found;
 * the command line prints `message` and `hint` without a stack trace and exits 2 (STYLE.md
 * "Errors and bad input"). Subclasses say where it was found (`ScenarioError`, `OutputError`, …).
 *
 * Example: `new UserError('--target must be between 0 and 1 (got "1.2")')` prints
 * `trialsim: --target must be between 0 and 1 (got "1.2")` and the process exits 2.
 */
export class UserError extends Error {
  constructor(
    message: string,
    /** How to fix it, in one line ('' when the message says enough). */
    readonly hint: string = '',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

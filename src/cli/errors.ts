/**
 * The two kinds of failure the command line tells apart (STYLE.md "Errors and bad input"):
 * a `UserError` the user can fix (message plus hint, exit 2) and anything else, a bug (exit 1).
 */
/** Success. */
export const EXIT_OK = 0;
/** A bug: an invariant broke (the message names the trial and seed where it can). */
export const EXIT_FAILURE = 1;
/** A user error: bad input the user can fix. */
export const EXIT_INVALID_INPUT = 2;
/** Stopped by Ctrl-C (128 + SIGINT), after printing what had finished. */
export const EXIT_INTERRUPTED = 130;

/** Bad input: a scenario problem, a bad flag or value. Printed without a stack trace; exit 2. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint: string = '',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

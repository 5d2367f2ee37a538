/**
 * The process exit codes (DESIGN.md §4, contract), decided only by `main.ts` and the commands:
 * a `UserError` is 2, any other error a bug (1), Ctrl-C 130.
 */

/** Success. */
export const EXIT_OK = 0;
/** A bug: an invariant broke (the message names the trial and seed where it can). */
export const EXIT_FAILURE = 1;
/** A user error: bad input the user can fix. */
export const EXIT_INVALID_INPUT = 2;
/** Stopped by Ctrl-C (128 + SIGINT), after printing what had finished. */
export const EXIT_INTERRUPTED = 130;

/** Sets the process exit code a command finished with (for codes other than 0 that are not errors, e.g. 130). */
export type SetExitCode = (code: number) => void;

/**
 * A broken invariant: something the code itself promised did not hold, so the fault is
 * trialsim's, not the input's. The message names where it happened (which trials and seed, when
 * it can) so the failure can be reproduced; the command line prints it with its stack and exits 1.
 * Any error that is not a `UserError` is treated the same way; this class lets code say so
 * explicitly, and lets tests tell the two kinds apart.
 *
 * Example: `new BugError('chunk 0–49 arrived twice')` → exit 1 with
 * "trialsim: internal error (a bug; please report it with the command you ran)".
 */
export class BugError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BugError';
  }
}

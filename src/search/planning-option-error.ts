/**
 * An option of a planning command that does not fit the scenario or cannot be searched — an
 * outcome the scenario does not have, a parameter it cannot vary, a malformed `--vary` range. A
 * `UserError` (exit 2), thrown by the planning layer where it finds the problem; the message
 * starts with the option as the user gave it.
 *
 * Example: `choosePowerTarget(design, 'nope')` throws `--outcome: no outcome "nope"; the
 * scenario's outcomes are reoffend`.
 */
import { UserError } from '../errors/user-error.js';

/** A planning option the scenario cannot satisfy; message names the option, hint how to fix it. */
export class PlanningOptionError extends UserError {
  constructor(message: string, hint = '') {
    super(message, hint);
    this.name = 'PlanningOptionError';
  }
}

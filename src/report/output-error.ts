/**
 * A problem with where or how to write the result (an unwritable --out path, two formats asked
 * at once): the user can fix it, so it is a `UserError` (exit 2), thrown where it is found.
 */
import { UserError } from '../errors/user-error.js';

/** An output the user asked for cannot be produced as asked; message says what, hint says how to fix. */
export class OutputError extends UserError {
  constructor(message: string, hint = '') {
    super(message, hint);
    this.name = 'OutputError';
  }
}

/**
 * A problem with where or how to write the result (an unwritable --out path, two formats asked
 * at once). The user can fix it, so it is a `UserError` (exit 2) — it extends the CLI's class so
 * `main` maps it without knowing about the report layer.
 */
import { UserError } from '../cli/errors.js';

/** An output the user asked for cannot be produced as asked; message says what, hint says how to fix. */
export class OutputError extends UserError {
  constructor(message: string, hint = '') {
    super(message, hint);
    this.name = 'OutputError';
  }
}

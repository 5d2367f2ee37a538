/**
 * The one error a bad scenario raises: every problem found in it (or in several files, for
 * `validate`), each with where it is and how to fix it. A `UserError`: the command line prints
 * `message` (each problem carries its own fix) and exits with code 2; no stack trace is shown.
 */
import { UserError } from '../errors/user-error.js';

/** One problem in one scenario file. */
export interface ScenarioProblem {
  readonly file: string;
  /** 1-based line and column of the bad value (or key), 0 when there is no place in the file. */
  readonly line: number;
  readonly column: number;
  /** Where in the scenario, e.g. `outcomes[1].ratePerYear.youth` ('' for the file as a whole). */
  readonly path: string;
  /** What is wrong, e.g. "must be a rate per person-year ≥ 0". */
  readonly message: string;
  /** The value found, written compactly ('' when there is none to show). */
  readonly value: string;
  /** How to fix it. */
  readonly hint: string;
}

/**
 * Writes one problem on one line plus its fix:
 * `s.yaml:4:27: outcomes[0].ratePerYear.youth must be a rate per person-year ≥ 0 (got -2)` then
 * `  fix: give the control-arm events per person-year, e.g. 1.5`.
 */
export function formatProblem(problem: ScenarioProblem): string {
  const place = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  const subject = problem.path === '' ? '' : `${problem.path} `;
  const got = problem.value === '' ? '' : ` (got ${problem.value})`;
  const fix = problem.hint === '' ? '' : `\n  fix: ${problem.hint}`;
  return `${place}: ${subject}${problem.message}${got}${fix}`;
}

/** A scenario (or several) with at least one problem. */
export class ScenarioError extends UserError {
  readonly problems: readonly ScenarioProblem[];

  constructor(problems: readonly ScenarioProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`${problems.map(formatProblem).join('\n')}\n${count} found.`);
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

/** A problem with the file as a whole (missing, a directory, empty, too large). */
export function fileProblem(file: string, message: string, hint: string): ScenarioError {
  return new ScenarioError([{ file, line: 0, column: 0, path: '', message, value: '', hint }]);
}

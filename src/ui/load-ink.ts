/**
 * Loading ink for the dashboards: on first use only (importing ink and React takes about a
 * second, which `--help` and machine-readable runs must not pay), with colour switched off
 * first when it is not allowed — ink's colour library ignores NO_COLOR but obeys FORCE_COLOR=0,
 * read once when it is first imported.
 */

/** Options shared by both dashboards. */
export interface DashboardOptions {
  /** Colour allowed on the terminal (default: NO_COLOR is not set). */
  readonly color?: boolean;
  /** Significance level, for the live type I error warning (default 0.05). */
  readonly alpha?: number;
  /** Stream to draw on (default process.stdout; tests pass their own). */
  readonly stdout?: NodeJS.WriteStream;
}

/**
 * Whether the dashboard may use colour: as the caller says, else unless NO_COLOR is set.
 *
 * Example: `colorAllowed({})` under `NO_COLOR=1` → `false`.
 */
export function colorAllowed(options: DashboardOptions): boolean {
  return options.color ?? (process.env.NO_COLOR === undefined || process.env.NO_COLOR === '');
}

/**
 * Imports ink and React, setting FORCE_COLOR=0 beforehand when `color` is false.
 *
 * Example: `const { render, createElement } = await loadInk(false)`.
 */
export async function loadInk(color: boolean) {
  if (!color) process.env.FORCE_COLOR = '0';
  const [ink, react] = await Promise.all([import('ink'), import('react')]);
  // React is a CommonJS package: its exports object is the import's default, in Node and in the
  // command line's bundle alike (the bundle's dynamic import of a CommonJS module has no named exports).
  return { render: ink.render, createElement: react.default.createElement };
}

/**
 * ink's render options for the dashboards: no Ctrl-C handling (the command owns SIGINT), the
 * console left alone, and the caller's stream if any.
 *
 * Example: `inkOptions({})` → `{ exitOnCtrlC: false, patchConsole: false }`.
 */
export function inkOptions(options: DashboardOptions) {
  return { exitOnCtrlC: false, patchConsole: false, ...(options.stdout ? { stdout: options.stdout } : {}) };
}

/**
 * The built-in scenarios of `scenarios/`, bundled as text (the page reads no files): the same
 * files `trialsim scenarios` lists, so a built-in run in the page is the command line's run.
 */
const texts = import.meta.glob('../../../scenarios/*.{yaml,yml,json}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** A built-in scenario: its name (the file name without extension), file name and text. */
export interface BuiltInScenario {
  readonly name: string;
  readonly file: string;
  readonly text: string;
}

/**
 * The built-in scenarios, sorted by name.
 *
 * Example: builtInScenarios().map((s) => s.name) → ['bench-ref', 'milton-keynes', 'milton-keynes-scale-up', 'teaching-two-arm'].
 */
export function builtInScenarios(): BuiltInScenario[] {
  return Object.entries(texts)
    .map(([path, text]) => {
      const file = path.slice(path.lastIndexOf('/') + 1);
      return { name: file.replace(/\.(yaml|yml|json)$/, ''), file, text };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

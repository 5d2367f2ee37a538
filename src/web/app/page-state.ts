/**
 * What the page holds, all of it in the address (so a page can be shared and bookmarked): the
 * scenario text and its file name, the overrides the sliders and assumption fields made, the
 * trials and seed, and which view and outcome are shown.
 */

/** The page's state. */
export interface PageState {
  readonly file: string;
  readonly text: string;
  /** `--set PATH=VALUE` overrides by the control that made them (e.g. `people`, `costs`). */
  readonly overrides: Readonly<Record<string, string>>;
  /** Trials per run; null for the scenario's own `simulation.trials`. */
  readonly trials: number | null;
  /** Seed; null for the scenario's own `simulation.seed`. */
  readonly seed: number | null;
  readonly view: 'teaching' | 'commissioning';
  /** Id of the outcome the teaching view shows; null for the first primary outcome. */
  readonly outcome: string | null;
}

/**
 * The `--set` overrides the page applies, in a fixed order: the controls' own, then trials and
 * seed (as the command line turns `--trials` and `--seed` into overrides).
 *
 * Example: { overrides: { people: 'design.size={ treated: 50, control: 50 }' }, trials: 500, seed: null }
 * → ['design.size={ treated: 50, control: 50 }', 'simulation.trials=500'].
 */
export function stateSets(state: Pick<PageState, 'overrides' | 'trials' | 'seed'>): string[] {
  const sets = Object.keys(state.overrides)
    .sort()
    .map((key) => state.overrides[key]);
  if (state.trials !== null) sets.push(`simulation.trials=${state.trials}`);
  if (state.seed !== null) sets.push(`simulation.seed=${state.seed}`);
  return sets;
}

/**
 * The `trialsim run` command that gives the same JSON as the page (bar `timing`), for a scenario
 * saved as `file` (a built-in name when the text is the built-in's).
 *
 * Example: equivalentCommand('teaching-two-arm', ['simulation.trials=500']) →
 * "trialsim run teaching-two-arm --set 'simulation.trials=500' --json".
 */
export function equivalentCommand(scenario: string, sets: readonly string[]): string {
  const quoted = sets.map((set) => ` --set '${set.replace(/'/g, `'\\''`)}'`).join('');
  return `trialsim run ${scenario}${quoted} --json`;
}

/** Encodes the state for the address's fragment: JSON, deflated, base64url. */
export async function encodeState(state: PageState): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  const deflated = await new Response(
    new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw')),
  ).arrayBuffer();
  let binary = '';
  for (const byte of new Uint8Array(deflated)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes `encodeState`'s text; null when it is not a state this page wrote. */
export async function decodeState(encoded: string): Promise<PageState | null> {
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const text = await new Response(
      new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')),
    ).text();
    const state = JSON.parse(text) as PageState;
    if (typeof state.text !== 'string' || typeof state.file !== 'string') return null;
    return {
      file: state.file,
      text: state.text,
      overrides: typeof state.overrides === 'object' && state.overrides !== null ? state.overrides : {},
      trials: typeof state.trials === 'number' ? state.trials : null,
      seed: typeof state.seed === 'number' ? state.seed : null,
      view: state.view === 'commissioning' ? 'commissioning' : 'teaching',
      outcome: typeof state.outcome === 'string' ? state.outcome : null,
    };
  } catch {
    return null;
  }
}

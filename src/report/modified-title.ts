/**
 * A scenario's title is a claim about the trial ("the 45-person trial as run"); after `--set`
 * changes the design it no longer holds, so the title printed (table, Markdown, dashboard) says
 * what changed it. The JSON keeps the file's title in `scenario.title`: two ways of writing the
 * same design (θ or α, say) give the same document and the same design hash.
 */

/** `--set` paths that leave the trial itself as the title describes it. */
const TITLE_NEUTRAL = /^\s*(simulation\.|title\s*=|name\s*=)/;

/**
 * `title` with " — as modified by --set …" naming the overrides that change the trial (not
 * `simulation.*`, which changes only how it is simulated); `title` itself when there are none, or
 * when the user set the title.
 *
 * Example: `modifiedTitle('the 45-person trial as run', ['design.size.treated=79', 'simulation.trials=500'])`
 * is "the 45-person trial as run — as modified by --set design.size.treated=79".
 */
export function modifiedTitle(title: string, sets: readonly string[]): string {
  if (sets.some((set) => /^\s*title\s*=/.test(set))) return title;
  const changes = sets.filter((set) => !TITLE_NEUTRAL.test(set));
  return changes.length === 0 ? title : `${title} — as modified by --set ${changes.join(', ')}`;
}

/**
 * Turns any text (a group value from an extract, a file name) into a scenario identifier: a
 * letter, then letters, digits, "-" or "_", at most 40 characters (the scenario language's ids).
 *
 * Formula in words: every run of other characters becomes "-", leading and trailing "-" are
 * dropped, "g" is put in front of a leading digit (or of nothing), and the result is cut at 40.
 *
 * @example toScenarioId("11-17") // "g11-17"; toScenarioId("Aged 18–25") // "Aged-18-25"
 */
export function toScenarioId(text: string): string {
  let id = text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  if (!/^[A-Za-z]/.test(id)) id = `g${id}`;
  return id.slice(0, 40);
}

/** True when `text` is a scenario identifier as it stands. */
export function isScenarioId(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(text) && !(text in Object.prototype);
}

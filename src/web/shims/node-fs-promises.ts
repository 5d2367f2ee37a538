/**
 * `node:fs/promises` for the browser bundle: the scenario loader's file reading
 * (`readScenarioFile` in src/scenario/load.ts) sits in a module the page imports for its pure
 * validation, but the page never reads files; these stand-ins say so if anything ever tries.
 */
function notInThePage(): never {
  throw new Error('the browser page reads no files (scenarios come from its text area)');
}

export const readFile = notInThePage;
export const stat = notInThePage;

/** Test support: a Design from scenario YAML text, through the real loader (so every default is filled in). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Design } from '../../src/core/design.js';
import { loadDesign } from '../../src/scenario/load-design.js';

const folder = mkdtempSync(join(tmpdir(), 'trialsim-design-'));

/** A Design from scenario YAML text, with the given seed. */
export async function designFrom(name: string, yaml: string, seed: number): Promise<Design> {
  const file = join(folder, `${name}.yaml`);
  writeFileSync(file, yaml);
  return (await loadDesign(file, [`simulation.seed=${seed}`])).design;
}

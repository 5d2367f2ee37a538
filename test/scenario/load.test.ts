/**
 * Loading scenario files: what is refused before parsing (missing files, folders, huge files), and
 * what loads (JSON, a built-in name).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDesign } from '../../src/scenario/load-design.js';
import { MAX_SCENARIO_BYTES, readScenarioFile } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

const GOOD = fileURLToPath(new URL('../fixtures/scenarios/good/', import.meta.url));
let folder = '';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trialsim-load-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function problemOf(file: string): Promise<string> {
  const error = await loadDesign(file).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ScenarioError);
  const { problems } = error as ScenarioError;
  expect(problems).toHaveLength(1);
  return `${problems[0].message} | ${problems[0].hint}`;
}

describe('loading scenario files', () => {
  test('a missing file is refused by name, with a pointer to the built-ins', async () => {
    expect(await problemOf(join(folder, 'nope.yaml'))).toBe(
      'does not exist | check the path, or give a built-in name (see `trialsim scenarios`)',
    );
  });

  test('a folder is refused as a folder', async () => {
    expect(await problemOf(folder)).toMatch(/^is a directory, not a scenario file/);
  });

  test('a file over 5 MB is refused before it is read, saying the limit', async () => {
    const huge = join(folder, 'huge.yaml');
    await writeFile(huge, '');
    await truncate(huge, 50 * 1024 * 1024); // sparse: 50 MB on paper, nothing on disk
    expect(await problemOf(huge)).toMatch(/^is 50\.0 MB; scenario files are limited to 5 MB/);
    await expect(readScenarioFile(huge)).rejects.toBeInstanceOf(ScenarioError);
  });

  test('a file of exactly the limit is read', async () => {
    const edge = join(folder, 'edge.yaml');
    await writeFile(edge, `# ${'x'.repeat(MAX_SCENARIO_BYTES - 3)}\n`);
    expect((await readScenarioFile(edge)).text.length).toBe(MAX_SCENARIO_BYTES);
  });

  test('a JSON scenario loads (JSON is YAML)', async () => {
    const { design } = await loadDesign(join(GOOD, 'json-scenario.json'));
    expect(design.name).toBe('json-scenario');
    expect(design.plan.size).toEqual({ kind: 'ratio', total: 300, treatedShare: 1 / 3 });
  });

  test('the docs/scenario-language.md contract example (contract field names) loads as written', async () => {
    const { design } = await loadDesign(join(GOOD, 'design-example.yaml'));
    expect(design.outcomes.map((outcome) => outcome.id)).toEqual(['crime', 'knife', 'any-crime', 'harm']);
    expect(design.selection?.require).toHaveLength(2);
  });

  test('a name that is neither a file nor a built-in suggests the nearest built-in', async () => {
    expect(await problemOf('milton-keynse')).toBe(
      'is neither a file nor a built-in scenario | did you mean "milton-keynes"?',
    );
  });

  test('binary garbage is refused with a message, not a crash', async () => {
    const garbage = join(folder, 'garbage.yaml');
    await writeFile(garbage, Buffer.from([0, 1, 2, 255, 254, 10, 58, 58, 123]));
    const error = await loadDesign(garbage).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ScenarioError);
  });

  test('the sha256 is the same for the same Design written differently', async () => {
    const a = join(folder, 'a.yaml');
    const b = join(folder, 'b.json');
    await writeFile(
      a,
      'outcomes: [{ id: x, kind: count, ratePerYear: 1 }]\ndesign: { followUpMonths: 12, size: { treated: 5, control: 5 } }\n# a comment\n',
    );
    await writeFile(
      b,
      '{"design": {"size": {"control": 5, "treated": 5}, "followUpMonths": 12, "randomisation": "complete"}, "outcomes": [{"kind": "count", "id": "x", "ratePerYear": 1}], "name": "a"}',
    );
    const [first, second] = [await loadDesign(a), await loadDesign(b)];
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(second.sha256).toBe(first.sha256);
    expect((await loadDesign(a, ['design.size.treated=6'])).sha256).not.toBe(first.sha256);
  });
});

describe('the two hashes of a loaded scenario', () => {
  const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  test('fileSha256 is the SHA-256 of the file’s bytes, as sha256sum prints it, whatever --set says', async () => {
    const base = await loadDesign('milton-keynes');
    expect(base.fileSha256).toBe(sha256Of(await readFile(base.file)));
    const modified = await loadDesign('milton-keynes', ['simulation.trials=100', 'design.size.treated=79']);
    expect(modified.fileSha256).toBe(base.fileSha256);
    // The design hash is of the compiled design: it moves with the overrides.
    expect(modified.sha256).not.toBe(base.sha256);
  });

  test('fileSha256 hashes the bytes as on disk, not the decoded text (a byte-order mark and CRLF line ends count)', async () => {
    const plain = (await readFile(join(GOOD, 'json-scenario.json'), 'utf8')).replace(/\r\n/g, '\n');
    const crlf = join(folder, 'crlf.json');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plain.replace(/\n/g, '\r\n'))]);
    await writeFile(crlf, bytes);
    const loaded = await loadDesign(crlf);
    expect(loaded.fileSha256).toBe(sha256Of(bytes));
    expect(loaded.fileSha256).not.toBe(sha256Of(Buffer.from(plain)));
  });
});

/**
 * `trialsim sensitivity`: the ranked table in JSON and CSV with the same numbers, the tornado SVG
 * with one bar per end, and a scenario without uncertain inputs refused with exit 2 and the syntax
 * to add.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exactPowerTwoProportionZ } from '../search/support/exact-power.js';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

const folder = mkdtempSync(join(tmpdir(), 'trialsim-sensitivity-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const PREVALENCE = 'outcomes.reoffend.prevalence={ from: 0.4, to: 0.6, central: 0.5 }';
const COMMON = ['--set', PREVALENCE, '--quiet', '--threads', '1', '--trials', '1000', '--no-null'];

describe('trialsim sensitivity', () => {
  it('reports power at each end within 4 Monte Carlo SEs of exact power, in JSON and CSV alike', async () => {
    const svg = join(folder, 'tornado.svg');
    const json = await trialsim(['sensitivity', 'teaching-two-arm', ...COMMON, '--json', '--svg', svg]);
    expect(json.code, json.stderr).toBe(0);
    const document = JSON.parse(json.stdout);
    expect(document.command).toBe('sensitivity');
    expect(document.uncertainInputs[0]).toMatchObject({ path: 'outcomes.reoffend.prevalence', used: 'central' });
    const [input] = document.sensitivity.inputs;
    expect(input).toMatchObject({ rank: 1, path: 'outcomes.reoffend.prevalence', central: 0.5 });
    // Exact two-proportion z power, 100 per arm, risk ratio 0.8 (support/exact-power.ts).
    for (const [end, prevalence] of [
      ['low', 0.4],
      ['high', 0.6],
    ] as const) {
      const exact = exactPowerTwoProportionZ(0.8 * prevalence, prevalence, 100);
      expect(input[end].value).toBe(prevalence);
      expect(Math.abs(input[end].estimate - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 1000));
    }
    const svgText = readFileSync(svg, 'utf8');
    expect(svgText).toMatch(/^<svg/);
    expect(svgText).toContain('outcomes.reoffend.prevalence');
    const csv = await trialsim(['sensitivity', 'teaching-two-arm', ...COMMON, '--csv']);
    const [header, row] = csv.stdout.trim().split('\n');
    expect(header.split(',').slice(0, 3)).toEqual(['rank', 'input', 'central']);
    expect(Number(row.split(',')[6])).toBe(input.low.estimate);
  });

  it('refuses a scenario without uncertain inputs with exit 2, naming the syntax', async () => {
    const { code, stderr } = await trialsim(['sensitivity', 'teaching-two-arm', '--quiet']);
    expect(code).toBe(2);
    expect(stderr).toContain('has no uncertain inputs');
    expect(stderr).toContain('{ from: 0.8, to: 3, central: 1.5 }');
  });
});

// `trialsim explain` end to end: two panels (as written and scaled up), an SVG with both, and
// the estimates it shows are the tallies of real runs (histogram counts add up to the trials).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trialsim } from '../support/run-cli.js';

const folder = mkdtempSync(join(tmpdir(), 'trialsim-explain-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('trialsim explain', () => {
  it('compares the size as written with a larger one, and the larger one exaggerates less', async () => {
    const svg = join(folder, 'explain.svg');
    const { code, stdout } = await trialsim([
      'explain',
      'teaching-two-arm',
      '--json',
      '--trials',
      '400',
      '--threads',
      '1',
      '--svg',
      svg,
    ]);
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.panels.map((p: { label: string }) => p.label)).toEqual(['As written', '4× larger']);
    const [small, large] = data.panels;
    expect(large.treated).toBe(small.treated * 4);
    for (const panel of data.panels) {
      expect(panel.estimateHistogram.reduce((a: number, b: number) => a + b, 0)).toBeLessThanOrEqual(400);
      expect(panel.estimateHistogram.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(390);
    }
    expect(large.power).toBeGreaterThan(small.power);
    expect(large.exaggeration).toBeLessThan(small.exaggeration);
    const picture = readFileSync(svg, 'utf8');
    expect(picture).toMatch(/^<svg/);
    expect(picture).toContain('As written');
    expect(picture).toContain('4× larger');
  });

  it('exits 2 for an unknown outcome, naming the outcomes there are', async () => {
    const { code, stderr } = await trialsim(['explain', 'teaching-two-arm', '--outcome', 'nope']);
    expect(code).toBe(2);
    expect(stderr).toBe("trialsim: --outcome nope: no such outcome\nhint: the scenario's outcomes are reoffend\n");
  });
});

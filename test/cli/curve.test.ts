import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exactPowerTwoProportionZ } from '../search/support/exact-power.js';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

const folder = mkdtempSync(join(tmpdir(), 'trialsim-curve-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('trialsim curve', () => {
  it('gives power at each value within 4 Monte Carlo SEs of exact enumeration', async () => {
    const { code, stdout, stderr } = await trialsim([
      'curve',
      'teaching-two-arm',
      '--vary',
      'design.size.total=200:600:200',
      '--json',
      '--quiet',
      '--threads',
      '1',
      '--trials',
      '1000',
    ]);
    expect(code, stderr).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.command).toBe('curve');
    expect(document.curve.map((p: { value: number }) => p.value)).toEqual([200, 400, 600]);
    for (const point of document.curve) {
      const perArm = point.value / 2;
      const exact = exactPowerTwoProportionZ(0.4, 0.5, perArm);
      expect(Math.abs(point.power - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 1000));
    }
  });

  it('draws an SVG and prints a text plot', async () => {
    const svg = join(folder, 'power.svg');
    const { code, stdout } = await trialsim([
      'curve',
      'teaching-two-arm',
      '--vary',
      'design.size.total=100,300',
      '--svg',
      svg,
      '--quiet',
      '--threads',
      '1',
      '--trials',
      '200',
    ]);
    expect(code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
    expect(stdout).toMatch(/power by design\.size\.total/);
  });

  it('rejects a malformed --vary and an unknown outcome with exit 2', async () => {
    for (const args of [
      ['--vary', 'design.size.total=1:0:1'],
      ['--vary', 'design.size.total=100,200', '--outcome', 'nope'],
    ]) {
      const { code } = await trialsim(['curve', 'teaching-two-arm', '--quiet', '--threads', '1', ...args]);
      expect(code, args.join(' ')).toBe(2);
    }
  });
});

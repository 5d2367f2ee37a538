/**
 * The replication parts of the scenario language: originals in their four forms, the replication
 * block with its defaults, and every bad original refused with exit 2 and its path.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadDesign } from '../../src/scenario/load-design.js';
import { trialsimInProcess } from '../support/run-cli-in-process.js';

const folder = mkdtempSync(join(tmpdir(), 'trialsim-replication-'));

function scenario(original: string, replication = 'replication: { prior: predictive }'): string {
  const file = join(folder, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    `outcomes:
  - id: crime
    kind: count
    ratePerYear: 1.5
    ${original}
  - id: any
    kind: binary
    from: crime
design: { followUpMonths: 12, size: { treated: 50, control: 50 } }
${replication}
simulation: { trials: 20 }
`,
  );
  return file;
}

describe('originals and the replication block compile into the Design', () => {
  test('the four forms of an original are kept as given; the block takes its defaults', async () => {
    for (const [text, expected] of [
      ['{ estimate: 0.602, ci: [0.38, 0.95] }', { estimate: 0.602, ci: [0.38, 0.95] }],
      ['{ estimate: 0.9, se: 0.05 }', { estimate: 0.9, se: 0.05 }],
      ['{ estimate: 0.602, p: 0.03 }', { estimate: 0.602, p: 0.03 }],
      ['{ estimate: 0.602, p: significant }', { estimate: 0.602, p: 'significant' }],
    ] as const) {
      const { design } = await loadDesign(scenario(`original: ${text}`));
      expect(design.outcomes[0].original).toEqual(expected);
      expect(design.outcomes[1].original).toBeUndefined();
      expect(design.replication).toEqual({
        prior: 'predictive',
        heterogeneity: 0,
        level: 0.025,
        success: [{ criterion: 'significance' }, { criterion: 'sceptical', recalibration: 'golden' }],
      });
    }
  });

  test('success criteria: sceptical alone is golden, { sceptical: controlled } chooses; --set reaches the block', async () => {
    const file = scenario(
      'original: { estimate: 0.602, p: significant }',
      'replication: { success: [significance, { sceptical: controlled }, small-telescopes] }',
    );
    const { design } = await loadDesign(file, [
      'replication.prior=eb',
      'replication.heterogeneity=0.1',
      'outcomes.crime.original.estimate=0.7',
    ]);
    expect(design.replication).toEqual({
      prior: 'eb',
      heterogeneity: 0.1,
      level: 0.025,
      success: [
        { criterion: 'significance' },
        { criterion: 'sceptical', recalibration: 'controlled' },
        { criterion: 'small-telescopes' },
      ],
    });
    expect(design.outcomes[0].original).toEqual({ estimate: 0.7, p: 'significant' });
  });

  test('a scenario without originals compiles to a Design without replication keys (its hash is unchanged)', async () => {
    const { design } = await loadDesign('teaching-two-arm');
    expect('replication' in design).toBe(false);
    expect(design.outcomes.every((o) => !('original' in o))).toBe(true);
  });
});

describe('bad originals exit 2 with the path', () => {
  const cases: [string, string | undefined, RegExp][] = [
    [
      'original: { estimate: 0.602, ci: [0.7, 0.95] }',
      undefined,
      /outcomes\[0\]\.original\.ci does not contain the estimate 0\.602/,
    ],
    [
      'original: { estimate: 0.602, se: -0.2 }',
      undefined,
      /outcomes\[0\]\.original\.se must be a standard error of the log ratio > 0/,
    ],
    [
      'original: { estimate: 0.602, p: 0 }',
      undefined,
      /outcomes\[0\]\.original\.p must be a two-sided p-value strictly between 0 and 1/,
    ],
    [
      'original: { estimate: 0.602, p: 1 }',
      undefined,
      /outcomes\[0\]\.original\.p must be a two-sided p-value strictly between 0 and 1/,
    ],
    ['original: { estimate: 0.602 }', undefined, /outcomes\[0\]\.original must say how precise the estimate was/],
    ['original: { estimate: 0.602, se: 0.2, p: 0.03 }', undefined, /outcomes\[0\]\.original gives se and p/],
    ['original: { estimate: 0.602, se: 0.2 }', '', /outcomes\[0\]\.original needs a replication block/],
    ['', 'replication: { prior: eb }', /replication plans a replication, but no outcome carries the original/],
    [
      'original: { estimate: 0.602, se: 0.2 }',
      'replication: { success: [sceptical, { sceptical: golden }] }',
      /replication\.success\[1\] repeats the criterion sceptical-golden/,
    ],
  ];
  for (const [original, replication, message] of cases) {
    test(`${original || '(none)'} ${replication ?? ''}`, async () => {
      const run = await trialsimInProcess(['validate', scenario(original, replication)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    });
  }

  test('an original on an outcome that does not exist, by --set, names the outcomes there are', async () => {
    const run = await trialsimInProcess([
      'validate',
      scenario('original: { estimate: 0.602, se: 0.2 }'),
      '--set',
      'outcomes.knife.original={ estimate: 0.6, se: 0.2 }',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/outcomes has no entry "knife"/);
  });

  test('an original on a binary derived from a count is refused (its effect is the count’s)', async () => {
    const run = await trialsimInProcess([
      'validate',
      scenario('original: { estimate: 0.602, se: 0.2 }'),
      '--set',
      'outcomes.any.original={ estimate: 0.6, se: 0.2 }',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/outcomes\[1\]\.original is on a binary derived from "crime"/);
  });
});

/**
 * A truth of no effect that the estimand's sums leave at ±2e-16 (engagement 0.4: 0.4·1 + 1 − 0.4
 * is 0.9999999999999999 in floating point) is no effect: no type S and no exaggeration of 10¹⁵.
 */
import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { prepareDesign } from '../../../src/core/prepare-design.js';
import { simulateBlock } from '../../../src/core/simulate-block.js';
import { designFrom } from '../../support/design-from.js';

describe('a no-effect truth left at rounding level', () => {
  test('gives no type S and no exaggeration', async () => {
    const design = await designFrom(
      'no-effect-rounding',
      `outcomes:
  - { id: crime, kind: count, ratePerYear: 2, effect: { rateRatio: 0.6 } }
  - { id: violence, kind: count, ratePerYear: 0.9 }
design: { followUpMonths: 12, size: { treated: 200, control: 200 }, engagement: 0.4 }
`,
      5,
    );
    const prepared = prepareDesign(design);
    // The premise: the stated estimand of "violence" is not exactly 0 (else the test checks nothing).
    expect(prepared.statedLogEstimands[1]).not.toBe(0);
    expect(Math.abs(prepared.statedLogEstimands[1])).toBeLessThan(1e-15);
    const result = diagnose(prepared, simulateBlock(prepared, 0, 400, { withNull: false })).results[1];
    expect(result.power).toBeGreaterThan(0); // some trials are significant, so exaggeration would be defined
    expect(result.exaggeration).toBeNull();
    expect(result.typeS).toBeNull();
  });
});

import { describe, expect, test } from 'vitest';
import { testQuasiPoisson } from '../../../src/core/analysis/quasi-poisson.js';
import { summariseArms } from '../../../src/core/analysis/outcome-data.js';
import { armsData, fixedData, ONE_SIDED, TWO_SIDED } from './fixtures.js';

// Reference values: R 4.2.2, summary(glm(y ~ arm, family = quasipoisson,
// control = glm.control(epsilon = 1e-14))) — coefficient row of arm (estimate, SE, t, p) — from
// test/core/analysis/reference-values.R (the default epsilon leaves IRLS error near 1e-8).
// Student t probabilities and quantiles are accurate to ~1e-13 (src/core/distributions/student-t.ts).
const T_DIGITS = 10;

describe('quasi-Poisson test', () => {
  test('matches R glm(family = quasipoisson) on the fixed count data', () => {
    // qp counts: -0.231111720963 0.289232259131 -0.799052365934 0.426686548817, dispersion 2.26678876846
    const result = testQuasiPoisson(summariseArms(fixedData('counts')), TWO_SIDED);
    expect(result.logEstimate).toBeCloseTo(-0.231111720963, 11);
    expect(result.standardError).toBeCloseTo(0.289232259131, 10);
    expect(result.pValue).toBeCloseTo(0.426686548817, T_DIGITS);
  });

  test('matches R on the fixed harm data (non-integer values)', () => {
    // qp harm: -0.0386115352282 0.35683963866 -0.108204165247 0.914111602952
    const result = testQuasiPoisson(summariseArms(fixedData('harm')), TWO_SIDED);
    expect(result.logEstimate).toBeCloseTo(-0.0386115352282, 11);
    expect(result.standardError).toBeCloseTo(0.35683963866, 10);
    expect(result.pValue).toBeCloseTo(0.914111602952, T_DIGITS);
  });

  test('matches R on a tiny dataset, with a t interval on N − 2 df', () => {
    // small qp: -0.559615787935 0.592254426849 -0.944890848537 0.381192968948; qt(0.975, 6) = 2.44691185114
    const result = testQuasiPoisson(summariseArms(armsData([0, 1, 2, 5], [1, 3, 4, 6])), TWO_SIDED);
    expect(result.standardError).toBeCloseTo(0.592254426849, 11);
    expect(result.pValue).toBeCloseTo(0.381192968948, T_DIGITS);
    expect(result.upper - result.logEstimate).toBeCloseTo(2.44691185114 * 0.592254426849, T_DIGITS);
    // one-sided: pt(-0.944890848537, 6) = 0.190596484474
    expect(testQuasiPoisson(summariseArms(armsData([0, 1, 2, 5], [1, 3, 4, 6])), ONE_SIDED).pValue).toBeCloseTo(
      0.190596484474,
      T_DIGITS,
    );
  });

  test('fails on a zero arm total or no variation within arms', () => {
    expect(testQuasiPoisson(summariseArms(armsData([0, 0, 0], [1, 3, 4])), TWO_SIDED).failed).toBe(true);
    expect(testQuasiPoisson(summariseArms(armsData([2, 2, 2], [1, 1, 1])), TWO_SIDED)).toMatchObject({
      failed: true,
      failure: 'no variation within arms',
    });
  });
});

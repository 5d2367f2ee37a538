import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { scepticalCriticalZ, scepticalLevel } from '../../../../src/core/analysis/replication/sceptical-level.js';
import { scepticalNullTail } from '../../../../src/core/analysis/replication/sceptical-null-tail.js';
import { scepticalPValue } from '../../../../src/core/analysis/replication/sceptical-p-value.js';
import { scepticalZ } from '../../../../src/core/analysis/replication/sceptical-z.js';
import type { ScepticalRecalibration } from '../../../../src/core/analysis/replication/replication-criterion.js';
import { normalCdf } from '../../../../src/core/distributions/normal.js';

/*
 * R ReplicationSuccess 1.3.3, for each [zo, zr, c]:
 *   f <- function(x) sprintf("%.15g", x)
 *   zSceptical(zo, zr, c); pSceptical(zo, zr, c, alternative = "one.sided", type = "nominal" | "golden" | "controlled")
 * Columns: zo, zr, c, zS, p nominal, p golden, p controlled (R), p controlled (mpmath, 30 digits:
 * controlled-reference.py's p_controlled).
 */
const R_SCEPTICAL: [number, number, number, number, number, number, number, number][] = [
  [2.5, 2.2, 1, 1.65156973723006, 0.0493111467511252, 0.017827982935743, 0.0154603380860885, 0.0154603380860884],
  [2.5, 2.2, 0.5, 1.78467322148633, 0.0371571684726214, 0.0115995630462047, 0.015001148366096, 0.0150011483835238],
  [3, 1.8, 2, 1.42890325603357, 0.076516020738713, 0.0345631797114411, 0.0212836737664216, 0.0212836737714306],
  [2.1, -1.5, 3, 1.056367653796, 0.854599861011988, 0.910480593045248, 0.938856449679632, 0.938856449680508],
  [-2.8, -2.4, 5, 1.4372129154975, 0.0753287521222811, 0.0337625409033491, 0.00861412202812211, 0.00861412203180153],
  [2, 3, 20, 1.0374316960756, 0.149767356475065, 0.0934787058127024, 0.0137136535573507, 0.0137136535593352],
  [1.5, 4, 0.2, 1.47687042673296, 0.0698551868072433, 0.0301490051584325, 0.0500593170822634, 0.050059317114003],
  [4, 4, 1.3, 2.73423164197074, 0.00312630199566048, 0.000252588378416361, 6.13693878665835e-5, 6.30242821234994e-5],
];

describe('sceptical z-value and p-value against R ReplicationSuccess 1.3.3', () => {
  test.each(R_SCEPTICAL)('zo %f, zr %f, c %f', (zo, zr, c, zS, nominal, golden, controlledR, controlledExact) => {
    expect(scepticalZ(zo, zr, c)).toBeCloseTo(zS, 12);
    expect(scepticalPValue(zo, zr, c, 'nominal')).toBeCloseTo(nominal, 12);
    expect(scepticalPValue(zo, zr, c, 'golden')).toBeCloseTo(golden, 12);
    const controlled = scepticalPValue(zo, zr, c, 'controlled');
    expect(Math.abs(controlled - controlledExact)).toBeLessThan(1e-13);
    // R integrates F_Z with integrate()'s default relative tolerance (1.2e-4): within 1e-6 of
    // mpmath everywhere here except zS 2.73 (c 1.3), where R's tail is 2.7% low.
    if (zS < 2.7) expect(Math.abs(controlled - controlledR)).toBeLessThan(1e-6);
  });

  test('zS at c = 1 is the harmonic form zo·zr/√(zo² + zr²) and is continuous through c = 1', () => {
    expect(scepticalZ(2, 3, 1)).toBeCloseTo(6 / Math.sqrt(13), 14);
    expect(Math.abs(scepticalZ(2, 3, 1 + 1e-9) - scepticalZ(2, 3, 1))).toBeLessThan(1e-9);
  });
});

describe('null tail of zS² (Micheloud, Balabdaoui & Held 2023)', () => {
  test('equals erfc(√(2z)) at c = 1', () => {
    // mpmath: erfc(sqrt(5)) = 0.00156540225800255, erfc(sqrt(0.2)) = 0.527089256865538
    expect(scepticalNullTail(2.5, 1)).toBeCloseTo(0.00156540225800255, 15);
    expect(scepticalNullTail(0.1, 1)).toBeCloseTo(0.5270892568655381, 13);
  });

  /*
   * mpmath, 40 digits: (2/π)·quad(exp(−z(1 + √(1 + (c − 1)sin²φ))/sin²φ), [0, π/2]) with the
   * interval cut at π/2·2^-k, k = 1…30, and at multiples of π/32 (controlled-reference.py's `tail`).
   */
  test.each([
    [1e-4, 0, 0.984106234596694],
    [0.01, 1000, 0.5218494850469192],
    [0.5, 0.01, 0.22720794179363502],
    [1, 10, 0.004715487075010588],
    [4, 2, 1.1935991325362022e-5],
    [10, 0.5, 4.689469199489961e-9],
  ])('z %f, c %f → %f', (z, c, reference) => {
    expect(Math.abs(scepticalNullTail(z, c) - reference)).toBeLessThan(1e-13);
    expect(Math.abs(scepticalNullTail(z, c) / reference - 1)).toBeLessThan(1e-9);
  });

  test('is 1 at z = 0 and falls as z grows', () => {
    expect(scepticalNullTail(0, 3)).toBe(1);
    for (let z = 0.05; z < 20; z *= 1.5) expect(scepticalNullTail(z * 1.5, 3)).toBeLessThan(scepticalNullTail(z, 3));
  });
});

describe('replication success level', () => {
  test('golden and nominal match R levelSceptical', () => {
    // R: levelSceptical(0.025, type = "golden") = 0.0616792793521834;
    //    levelSceptical(0.05, type = "golden") = 0.0979875554462809; type = "nominal" → 0.025
    expect(scepticalLevel(0.025, 'golden', 1)).toBeCloseTo(0.0616792793521834, 14);
    expect(scepticalLevel(0.05, 'golden', 7)).toBeCloseTo(0.0979875554462809, 14);
    expect(scepticalLevel(0.025, 'nominal', 7)).toBeCloseTo(0.025, 15);
  });

  /*
   * controlled: mpmath (controlled-reference.py, `level_controlled`) solves tail(z², c) = 4·0.025²
   * to 30 digits. R's levelSceptical(0.025, c = c, type = "controlled") stops uniroot at its
   * default tolerance (1.2e-4) on a T1EpSceptical integrated at integrate()'s default tolerance:
   * it gives 0.0522414378703248, 0.0653097791011821, 0.082967568024493, 0.113988773645315 and
   * 0.175088653257639, within 2.5e-5 of the exact values — so R is the check at 3e-5, mpmath at 1e-12.
   */
  test.each([
    [0.5, 0.0522489196406531, 0.0522414378703248],
    [1, 0.0653088254641917, 0.0653097791011821],
    [2, 0.0829713633743535, 0.082967568024493],
    [5, 0.11401379227535, 0.113988773645315],
    [20, 0.175093588799189, 0.175088653257639],
  ])('controlled at c = %f: %f (mpmath)', (c, exact, fromR) => {
    const level = scepticalLevel(0.025, 'controlled', c);
    expect(Math.abs(level - exact)).toBeLessThan(1e-12);
    expect(Math.abs(level - fromR)).toBeLessThan(3e-5);
  });

  test('controlled at c = 1 solves erfc(√2·z) = 4α² (P(zS ≥ z, both positive) = α² exactly)', () => {
    const z = scepticalCriticalZ(0.025, 'controlled', 1);
    // The one-sided type I error at c = 1 is Φ(−2z)/2 (Held 2020, closed form): it must be α².
    expect(normalCdf(-2 * z) / 2).toBeCloseTo(0.025 * 0.025, 15);
  });
});

describe('properties of the sceptical p-value', () => {
  const z = fc.double({ min: -6, max: 6, noNaN: true }).filter((x) => Math.abs(x) > 0.05);
  const c = fc.double({ min: 0.05, max: 50, noNaN: true });
  const recalibration = fc.constantFrom<ScepticalRecalibration>('nominal', 'golden', 'controlled');

  property.prop([z, z, c])('zS never exceeds the smaller of |zo| and |zr|', (zo, zr, ratio) => {
    expect(scepticalZ(zo, zr, ratio)).toBeLessThanOrEqual(Math.min(Math.abs(zo), Math.abs(zr)) * (1 + 1e-12));
  });

  property.prop([z, z, c, recalibration])(
    'changing the sign of both z-values changes nothing',
    (zo, zr, ratio, type) => {
      expect(scepticalPValue(-zo, -zr, ratio, type)).toBeCloseTo(scepticalPValue(zo, zr, ratio, type), 14);
    },
  );

  property.prop([z, z, c, recalibration])(
    'p ≤ level exactly when zo and zr agree in sign and zS ≥ the critical z (the level functions and the p-value agree)',
    (zo, zr, ratio, type) => {
      const p = scepticalPValue(zo, zr, ratio, type);
      const critical = scepticalCriticalZ(0.025, type, ratio);
      const zS = scepticalZ(zo, zr, ratio);
      // Away from the boundary (where rounding could tip either way) the two decisions agree.
      fc.pre(Math.abs(zS - critical) > 1e-9);
      expect(p <= 0.025).toBe(zo > 0 === zr > 0 && zS >= critical);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { pilotInsight } from '../../src/search/pilot-insight.js';

describe('pilotInsight', () => {
  it('gives the closed-form power and exaggeration of the planning effect at the pilot size', () => {
    // SciPy (docs/statistical-methods.md, "Type S and type M"): A = ln 0.84, s = 0.27 → power 0.098972, typeS 0.046317, exaggeration 3.748757
    const insight = pilotInsight({
      outcome: 'crime',
      pilotEstimate: 0.46,
      standardError: 0.27,
      planningRatio: 0.84,
      alpha: 0.05,
    });
    expect(insight.ifPlanningTrue.power).toBeCloseTo(0.098972, 5);
    expect(insight.ifPlanningTrue.typeS).toBeCloseTo(0.046317, 5);
    expect(insight.ifPlanningTrue.exaggeration).toBeCloseTo(3.748757, 4);
  });

  it('deflates the pilot estimate to the effect whose significant estimates average it', () => {
    // SciPy: brentq(lambda A: A*exaggeration(A, .27) - abs(log(.46)), 1e-6, 5) = 0.609481 → ratio 0.543633
    const insight = pilotInsight({
      outcome: 'crime',
      pilotEstimate: 0.46,
      standardError: 0.27,
      planningRatio: 0.84,
      alpha: 0.05,
    });
    expect(insight.deflatedRatio).toBeCloseTo(0.543633, 4);
    expect(insight.deflationFactor).toBeCloseTo(Math.log(0.46) / Math.log(0.543633), 4);
  });

  it('deflates to no effect when significant estimates would be as large even with no effect', () => {
    // With s = 0.35, E(|estimate| | significant, A → 0) = s·φ(z)/(1 − Φ(z)) = 0.82 > |ln 0.46| = 0.78.
    const insight = pilotInsight({
      outcome: 'crime',
      pilotEstimate: 0.46,
      standardError: 0.35,
      planningRatio: 0.84,
      alpha: 0.05,
    });
    expect(insight.deflatedRatio).toBe(1);
  });

  it('keeps the direction of an increase', () => {
    const insight = pilotInsight({
      outcome: 'x',
      pilotEstimate: 1 / 0.46,
      standardError: 0.27,
      planningRatio: 1.2,
      alpha: 0.05,
    });
    expect(insight.deflatedRatio).toBeCloseTo(1 / 0.543633, 3);
  });
});

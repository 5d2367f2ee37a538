import { describe, expect, test } from 'vitest';
import { EligibilityByTotal, SelectedTotals } from '../../../src/core/model/selected-prior-law.js';
import { negativeBinomialPmf } from '../../../src/core/distributions/negative-binomial-probability.js';
import { integrateSelectedPopulation } from '../../../src/core/model/selected-population.js';
import { compileSelection, type SelectionPlan } from '../../../src/core/model/selection-plan.js';
import { designFrom } from '../../support/design-from.js';

const MK_SELECTION = `
cohort:
  propensity: { dispersion: 1.5 }
  selection:
    priorMonths: 24
    require:
      - { outcomes: [knife], atLeast: 1, withinMonths: 12 }
      - { outcomes: [knife, crime], atLeast: 2, withinMonths: 24 }
outcomes:
  - { id: crime, kind: count, ratePerYear: 2.0 }
  - { id: knife, kind: count, ratePerYear: 0.6 }
design: { followUpMonths: 12, size: { treated: 45, control: 120 } }
`;

/** q(t) by brute force: every way of spreading t events over the cells, each with its multinomial probability. */
function bruteForce(t: number, shares: number[], eligible: (counts: number[]) => boolean): number {
  let total = 0;
  const counts = new Array<number>(shares.length).fill(0);
  const logFactorial = (k: number) => {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  };
  const visit = (cell: number, left: number) => {
    if (cell === shares.length - 1) {
      counts[cell] = left;
      if (!eligible(counts)) return;
      let log = logFactorial(t);
      counts.forEach((c, i) => {
        log += c * Math.log(shares[i]) - logFactorial(c);
      });
      total += Math.exp(log);
      return;
    }
    for (let k = 0; k <= left; k++) {
      counts[cell] = k;
      visit(cell + 1, left - k);
    }
  };
  visit(0, t);
  return total;
}

describe('EligibilityByTotal', () => {
  test('q(t) equals brute-force enumeration of the multinomial cells (rules on overlapping windows and outcomes)', async () => {
    const design = await designFrom(
      'selection-q',
      `
cohort:
  propensity: { dispersion: 1 }
  selection:
    priorMonths: 36
    require:
      - { outcomes: [knife], atLeast: 1, withinMonths: 6 }
      - { outcomes: [crime], atLeast: 2, withinMonths: 18 }
      - { outcomes: [knife, crime], atLeast: 3, withinMonths: 36 }
outcomes:
  - { id: crime, kind: count, ratePerYear: 1.5 }
  - { id: knife, kind: count, ratePerYear: 0.5 }
design: { followUpMonths: 12, size: { treated: 10, control: 10 } }
`,
      1,
    );
    const plan = compileSelection(design)!;
    const segments = plan.segmentMonths.length; // 6, 12, 18 months: [0–6), [6–18), [18–36)
    const rates = Array.from(plan.outcomeIndices, (k) =>
      design.outcomes[k].kind === 'count' ? design.outcomes[k].ratePerYear.all : 0,
    );
    const cellMeans = new Float64Array(rates.length * segments);
    rates.forEach((rate, j) =>
      plan.segmentMonths.forEach((months, s) => {
        cellMeans[j * segments + s] = (rate * months) / 12;
      }),
    );
    const total = cellMeans.reduce((a, b) => a + b, 0);
    const shares = Array.from(cellMeans, (m) => m / total);
    const eligible = (counts: number[]) =>
      Array.from(plan.thresholds).every(
        (threshold, r) =>
          counts.reduce((sum, c, cell) => sum + ((plan.cellRules[cell] >> r) & 1 ? c : 0), 0) >= threshold,
      );
    const q = new EligibilityByTotal(plan, cellMeans);
    for (const t of [0, 1, 2, 3, 4, 6, 9]) expect(q.at(t)).toBeCloseTo(bruteForce(t, shares, eligible), 13);
  });
});

describe('SelectedTotals', () => {
  test('its eligible share matches the model’s integral over the selected population (independent quadrature)', async () => {
    const design = await designFrom('selection-share', MK_SELECTION, 1);
    const plan = compileSelection(design)!;
    const segments = plan.segmentMonths.length;
    const cellMeans = new Float64Array(plan.outcomeIndices.length * segments);
    plan.outcomeIndices.forEach((k, j) => {
      const outcome = design.outcomes[k];
      const rate = outcome.kind === 'count' ? outcome.ratePerYear.all : 0;
      plan.segmentMonths.forEach((months, s) => {
        cellMeans[j * segments + s] = (rate * months) / 12;
      });
    });
    const priorMean = cellMeans.reduce((a, b) => a + b, 0);
    const law = new SelectedTotals(priorMean, 1.5, new EligibilityByTotal(plan, cellMeans));
    // The model integrates P(eligible | propensity) over the gamma by quadrature (about 1e-9).
    expect(law.eligibleShare).toBeCloseTo(integrateSelectedPopulation(design)[0].eligibleShare, 7);
  });

  test('with every total eligible, the hazards are the negative binomial’s own', () => {
    const noRules: SelectionPlan = {
      priorMonths: 24,
      outcomeIndices: Int32Array.of(0),
      segmentMonths: Float64Array.of(24),
      thresholds: new Int32Array(0),
      ruleIndices: new Int32Array(0),
      cellRules: Int32Array.of(0),
    };
    const law = new SelectedTotals(3.2, 1.5, new EligibilityByTotal(noRules, Float64Array.of(3.2)));
    expect(law.eligibleShare).toBeCloseTo(1, 14);
    let survival = 1;
    for (let t = 0; t < 12; t++) {
      const pmf = negativeBinomialPmf(t, 3.2, 1.5);
      const step = law.step(t);
      expect(step.reflected ? 1 - step.small : step.small).toBeCloseTo(pmf / survival, 12);
      survival -= pmf;
    }
  });
});

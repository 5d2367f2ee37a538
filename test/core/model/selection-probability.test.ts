import { describe, expect, it } from 'vitest';
import { compileSelection } from '../../../src/core/model/selection-plan.js';
import { prepareSelectionProbability, selectionProbability } from '../../../src/core/model/selection-probability.js';
import { countOutcome, makeDesign } from './fixtures.js';

// The seed's rules: a knife offence in the last 12 months, and knife + crime ≥ 2 in 24.
const design = makeDesign({
  selection: {
    priorMonths: 24,
    require: [
      { outcomes: ['knife'], atLeast: 1, withinMonths: 12 },
      { outcomes: ['knife', 'crime'], atLeast: 2, withinMonths: 24 },
    ],
  },
  outcomes: [countOutcome('crime', [2.2, 1.8]), countOutcome('knife', [0.6, 0.6])],
});

function poissonPmfs(mean: number, upTo: number): number[] {
  const pmf = [Math.exp(-mean)];
  for (let k = 1; k <= upTo; k++) pmf.push((pmf[k - 1] * mean) / k);
  return pmf;
}

/**
 * Brute force: enumerate the four cells (crime / knife × last 12 / previous 12 months) up to 25
 * events each (the Poisson tail beyond holds < 1e-20 at these means) and check the rules as written.
 */
function enumerate(
  crimePerYear: number,
  knifePerYear: number,
): { selected: number; crimeTimesSelected: number; knifeTimesSelected: number } {
  const crime = poissonPmfs(crimePerYear, 40);
  const knife = poissonPmfs(knifePerYear, 40);
  let selected = 0,
    crimeTimesSelected = 0,
    knifeTimesSelected = 0;
  for (let c1 = 0; c1 <= 40; c1++)
    for (let c2 = 0; c2 <= 40; c2++)
      for (let k1 = 0; k1 <= 40; k1++)
        for (let k2 = 0; k2 <= 40; k2++) {
          if (!(k1 >= 1 && c1 + c2 + k1 + k2 >= 2)) continue;
          const p = crime[c1] * crime[c2] * knife[k1] * knife[k2];
          selected += p;
          crimeTimesSelected += p * (c1 + c2);
          knifeTimesSelected += p * (k1 + k2);
        }
  return { selected, crimeTimesSelected, knifeTimesSelected };
}

describe('compileSelection', () => {
  it('cuts the prior window at every distinct withinMonths and marks which cells each rule counts', () => {
    const plan = compileSelection(design)!;
    expect(Array.from(plan.outcomeIndices)).toEqual([0, 1]);
    expect(Array.from(plan.segmentMonths)).toEqual([12, 12]);
    expect(Array.from(plan.thresholds)).toEqual([1, 2]);
    // crime: both segments in rule 2 only; knife: last 12 months in both rules, earlier in rule 2.
    expect(Array.from(plan.cellRules)).toEqual([0b10, 0b10, 0b11, 0b10]);
  });

  it('is null without selection and rejects rules on outcomes that are not counts', () => {
    expect(compileSelection(makeDesign())).toBeNull();
    const bad = makeDesign({
      selection: { priorMonths: 12, require: [{ outcomes: ['nope'], atLeast: 1, withinMonths: 12 }] },
    });
    expect(() => compileSelection(bad)).toThrow(/nope/);
  });
});

describe('selectionProbability', () => {
  const plan = compileSelection(design)!;
  const calculator = prepareSelectionProbability(plan);

  function means(crimePerYear: number, knifePerYear: number): Float64Array {
    const signatureMeans = new Float64Array(calculator.signatureCount);
    const perCell = [crimePerYear, crimePerYear, knifePerYear, knifePerYear];
    perCell.forEach((mean, cell) => (signatureMeans[calculator.cellSignature[cell]] += mean));
    return signatureMeans;
  }

  it('gives 1 − e^(−1)(1 + 1) for "at least 2 events" at mean 1', () => {
    const single = makeDesign({
      selection: { priorMonths: 12, require: [{ outcomes: ['crime'], atLeast: 2, withinMonths: 12 }] },
    });
    const onlyPlan = compileSelection(single)!;
    const only = prepareSelectionProbability(onlyPlan);
    expect(selectionProbability(only, Float64Array.of(1), -1)).toBeCloseTo(1 - 2 * Math.exp(-1), 15);
  });

  it.each([
    [2.2, 0.6],
    [0.3, 0.1],
    [4, 2.5],
    [1, 0],
  ])('matches brute-force enumeration of the cells at crime %s and knife %s per 12 months', (crime, knife) => {
    const exact = enumerate(crime, knife);
    const signatureMeans = means(crime, knife);
    expect(selectionProbability(calculator, signatureMeans, -1)).toBeCloseTo(exact.selected, 12);
    // E[count × 1{selected}] = Σ over the outcome's cells of mean × P(selected | that cell one ahead).
    const crimeTimesSelected = [0, 1].reduce(
      (sum, cell) => sum + crime * selectionProbability(calculator, signatureMeans, calculator.cellSignature[cell]),
      0,
    );
    const knifeTimesSelected = [2, 3].reduce(
      (sum, cell) => sum + knife * selectionProbability(calculator, signatureMeans, calculator.cellSignature[cell]),
      0,
    );
    expect(crimeTimesSelected).toBeCloseTo(exact.crimeTimesSelected, 11);
    expect(knifeTimesSelected).toBeCloseTo(exact.knifeTimesSelected, 11);
  });
});

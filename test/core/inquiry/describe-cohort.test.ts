import { describe, expect, it } from 'vitest';
import { describeCohort } from '../../../src/core/inquiry/describe-cohort.js';
import { prepareInquiry } from '../../../src/core/inquiry/inquiry.js';
import { prepareModel } from '../../../src/core/model/model-constants.js';
import { binaryOutcome, countOutcome, makeDesign } from '../model/fixtures.js';

describe('describeCohort', () => {
  it('without selection: everyone eligible, no prior-window rate, follow-up rates as stated', () => {
    const design = makeDesign({
      outcomes: [
        countOutcome('crime', [2.2, 1.8]),
        binaryOutcome('reoffend', { prevalence: { youth: 0.6, adult: 0.5 } }),
      ],
    });
    const [youth, adult] = describeCohort(prepareInquiry(design, prepareModel(design)));
    expect(youth.group).toBe('youth');
    expect(youth.eligibleShare).toBe(1);
    expect(youth.outcomes[0]).toEqual({
      outcome: 'crime',
      priorRatePerYear: null,
      controlFollowUp: expect.closeTo(2.2, 10),
    });
    expect(adult.outcomes[0].controlFollowUp).toBeCloseTo(1.8, 10);
    expect(adult.outcomes[1].controlFollowUp).toBeCloseTo(0.5, 10);
  });

  it('with selection: a selected cohort offends more than its population, and less after selection than before', () => {
    const design = makeDesign({
      selection: { priorMonths: 12, require: [{ outcomes: ['crime'], atLeast: 3, withinMonths: 12 }] },
    });
    for (const group of describeCohort(prepareInquiry(design, prepareModel(design)))) {
      const population = group.group === 'youth' ? 2.2 : 1.8;
      const crime = group.outcomes[0];
      expect(group.eligibleShare).toBeGreaterThan(0);
      expect(group.eligibleShare).toBeLessThan(1);
      expect(crime.controlFollowUp).toBeGreaterThan(population);
      expect(crime.priorRatePerYear!).toBeGreaterThan(crime.controlFollowUp);
    }
  });
});

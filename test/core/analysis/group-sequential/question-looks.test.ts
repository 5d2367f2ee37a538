import { describe, expect, test } from 'vitest';
import { prepareInterimPlan } from '../../../../src/core/analysis/group-sequential/interim-plan.js';
import { questionLooks } from '../../../../src/core/analysis/group-sequential/question-looks.js';
import { designFrom } from '../../../support/design-from.js';

function scenario(interim: string, total = 600): string {
  return `
outcomes:
  - { id: crime, kind: count, ratePerYear: 2, effect: { rateRatio: 0.8 }, analysis: negative-binomial }
design:
  followUpMonths: 12
  size: { total: ${total} }
  interim: ${interim}
`;
}

async function warningsFor(interim: string, total?: number): Promise<string[]> {
  const design = await designFrom('looks', scenario(interim, total), 1);
  return questionLooks(design, prepareInterimPlan(design)!);
}

describe('looks that strain the boundaries’ assumptions are questioned', () => {
  test('a well-spaced design with recruitment longer than follow-up raises nothing', async () => {
    expect(await warningsFor('{ looks: [0.5, 0.75, 1], spending: obrien-fleming, recruitmentMonths: 36 }')).toEqual([]);
  });

  test('a very early first look names its boundary and how few people it rests on', async () => {
    // Lan–DeMets O'Brien–Fleming-type spending, α/2 = 0.025 a side: α₁(t) = 2 − 2Φ(z_{0.0125}/√t), so the
    // look-1 boundary at t = 0.05 is Φ⁻¹(1 − α₁(0.05)) whatever the later looks
    // (R: z <- qnorm(1-0.0125); qnorm(2*pnorm(z/sqrt(0.05), lower.tail=FALSE), lower.tail=FALSE) → 9.95515).
    const [early] = await warningsFor('{ looks: [0.05, 0.5, 1], spending: obrien-fleming }', 4000);
    expect(early).toMatch(/^The first interim look is very early \(t = 0\.05, under 0\.2\)/);
    expect(early).toContain('|z| ≥ 9.955, which almost no trial reaches');
    expect(early).toContain('rests on 200 people');
  });

  test('a first look with few people in the smaller arm says the statistic may not be normal', async () => {
    const warnings = await warningsFor('{ looks: [0.25, 1], spending: pocock }', 200);
    // ⌈0.25·200⌉ = 50 people at look 1, 25 of them in each arm.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('the smaller arm has about 25 people (under 30)');
    expect(warnings[0]).toContain('negative-binomial');
  });

  test('recruitment that ends before the first look says stopping saves no recruitment', async () => {
    // Follow-up 12 ≥ 6·(1 − 0.5) = 3: all recruited by month 6, first look at month 12 + 0.5·6 = 15.
    const warnings = await warningsFor('{ looks: [0.5, 1], spending: pocock, recruitmentMonths: 6 }');
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Everyone is recruited by month 6, before the first interim look at month 15 .* within 3 months of each other/,
      ),
    ]);
  });
});

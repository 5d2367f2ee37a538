/**
 * A dispersion may be written as α (`dispersion`, Var = μ + αμ²) or as θ = 1/α (`theta`, R's
 * glm.nb theta): both give the same compiled design and the same simulated numbers; giving both,
 * or neither in a propensity block, is a user error naming the path.
 */
import { describe, expect, test } from 'vitest';
import type { CountOutcome } from '../../src/core/design.js';
import { loadDesign } from '../../src/scenario/load-design.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { trialsimInProcess } from '../support/run-cli-in-process.js';

async function problemsOf(sets: string[]): Promise<string[]> {
  try {
    await loadDesign('teaching-two-arm', sets);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map((p) => `${p.path} ${p.message}`);
    throw error;
  }
  return [];
}

describe('dispersion as α or θ', () => {
  test.each([1.5, 1.25, 3, 0.7])(
    'propensity theta = 1/%s compiles to the same design and hash as dispersion',
    async (alpha) => {
      const byAlpha = await loadDesign('milton-keynes', [`cohort.propensity={ dispersion: ${alpha} }`]);
      const byTheta = await loadDesign('milton-keynes', [`cohort.propensity={ theta: ${1 / alpha} }`]);
      expect(byTheta.design.propensityDispersion).toBe(alpha);
      expect(byTheta.design).toEqual(byAlpha.design);
      expect(byTheta.sha256).toBe(byAlpha.sha256);
    },
  );

  test('an outcome’s own theta becomes its dispersion 1/θ', async () => {
    const { design } = await loadDesign('teaching-two-arm', [
      'outcomes[0]={ id: c, kind: count, ratePerYear: 1, theta: 0.5 }',
    ]);
    expect((design.outcomes[0] as CountOutcome).dispersion).toBe(2);
  });

  test('run prints identical results for theta 0.5 and dispersion 2', async () => {
    const common = ['run', 'milton-keynes', '--trials', '60', '--json', '--quiet', '--threads', '1'];
    const byAlpha = await trialsimInProcess([...common, '--set', 'cohort.propensity={ dispersion: 2 }']);
    const byTheta = await trialsimInProcess([...common, '--set', 'cohort.propensity={ theta: 0.5 }']);
    expect(byAlpha.code).toBe(0);
    const withoutTiming = (stdout: string) => ({ ...JSON.parse(stdout), timing: null });
    expect(withoutTiming(byTheta.stdout)).toEqual(withoutTiming(byAlpha.stdout));
  });

  test('giving both α and θ is refused at the theta path, saying α = 1/θ', async () => {
    expect(await problemsOf(['cohort.propensity={ dispersion: 1.5, theta: 0.67 }'])).toEqual([
      'cohort.propensity.theta gives θ (0.67) as well as dispersion α (1.5); give one of the two (α = 1/θ) [set by --set cohort.propensity=…]',
    ]);
  });

  test('a propensity block with neither is refused', async () => {
    expect(await problemsOf(['cohort.propensity={}'])).toEqual([
      'cohort.propensity must give the dispersion, as dispersion (α) or as theta (θ = 1/α) [set by --set cohort.propensity=…]',
    ]);
  });

  test('theta 0 is refused with the Poisson alternative in the fix', async () => {
    const problems = await problemsOf(['cohort.propensity={ theta: 0 }']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^cohort\.propensity\.theta must be a negative-binomial θ > 0/);
  });
});

describe('cross-field rules in the same pass as field problems', () => {
  test('shares adding to 1.1 are reported alongside a negative rate', async () => {
    const problems = await problemsOf([
      'cohort.groups=[{ id: a, share: 0.6 }, { id: b, share: 0.5 }]',
      'outcomes[0].prevalence=-1',
    ]);
    expect(problems.some((p) => p.startsWith('cohort.groups shares must add up to 1 (they add up to 1.1)'))).toBe(true);
    expect(problems.some((p) => p.startsWith('outcomes[0].prevalence must be'))).toBe(true);
  });

  test('a rule whose input has a field problem waits for the fix instead of reporting nonsense', async () => {
    const problems = await problemsOf(['cohort.groups=[{ id: a, share: "half" }, { id: b, share: 0.5 }]']);
    expect(problems.filter((p) => p.includes('add up to'))).toEqual([]);
    expect(problems.some((p) => p.startsWith('cohort.groups[0].share must be'))).toBe(true);
  });
});

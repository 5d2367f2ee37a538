// Eligibility rules that almost nobody passes are refused when the scenario loads (exit 2 with
// the groups affected), instead of failing in the middle of a run.
import { describe, expect, it } from 'vitest';
import { loadDesign, MIN_ELIGIBLE_SHARE } from '../../src/scenario/load-design.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

describe('loadDesign and eligibility selection', () => {
  it('refuses rules that let fewer than MIN_ELIGIBLE_SHARE of a group through, naming each group', async () => {
    const attempt = loadDesign('milton-keynes', ['cohort.selection.require[0].atLeast=14']);
    await expect(attempt).rejects.toBeInstanceOf(ScenarioError);
    const error = (await attempt.catch((e: unknown) => e)) as ScenarioError;
    expect(error.problems.map((p) => p.path)).toEqual(['cohort.selection', 'cohort.selection']);
    expect(error.message).toMatch(/group "youth"/);
    expect(error.message).toMatch(/group "adult"/);
  });

  it('accepts the built-in selection, whose eligible share is well above the limit', async () => {
    const { design } = await loadDesign('milton-keynes');
    expect(design.selection).not.toBeNull();
    expect(MIN_ELIGIBLE_SHARE).toBeLessThan(0.01);
  });
});

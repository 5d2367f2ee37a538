import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/scenario/load-design.js';
import { effectOutcomeIds, statedRatio, withUniformEffect } from '../../src/search/with-uniform-effect.js';

describe('withUniformEffect', () => {
  it('sets every group of the chosen outcome to the ratio and leaves the rest', async () => {
    const { design } = await loadDesign('milton-keynes');
    const changed = withUniformEffect(design, ['knife'], 0.8);
    const knife = changed.outcomes.find((o) => o.id === 'knife')!;
    expect(knife.kind === 'count' && knife.rateRatio).toEqual({ youth: 0.8, adult: 0.8 });
    expect(changed.outcomes.find((o) => o.id === 'crime')).toBe(design.outcomes.find((o) => o.id === 'crime'));
    // The original design is untouched (it is frozen plain data).
    const original = design.outcomes.find((o) => o.id === 'knife')!;
    expect(original.kind === 'count' && original.rateRatio.youth).toBe(0.41);
  });

  it('moves a binary derived from a count through that count', async () => {
    const { design } = await loadDesign('milton-keynes');
    expect(effectOutcomeIds(design, ['any-crime', 'crime'])).toEqual(['crime']);
  });

  it('states a by-group ratio as the share-weighted geometric mean', async () => {
    const { design } = await loadDesign('milton-keynes');
    // exp(0.44·ln 0.41 + 0.56·ln 0.602)
    expect(statedRatio(design, 'knife')).toBeCloseTo(Math.exp(0.44 * Math.log(0.41) + 0.56 * Math.log(0.602)), 12);
  });
});

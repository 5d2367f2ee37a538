/**
 * Own extra dispersion: when one outcome carries its own gamma noise the likelihood-ratio test
 * finds it and the fit recovers its size; the synthetic extract survives the CSV unchanged.
 */
import { describe, expect, test } from 'vitest';
import { fitExtract } from '../../src/fit/fit-extract.js';
import { formatExtractCsv } from '../../src/fit/format-extract-csv.js';
import { synthesiseExtract } from '../../src/fit/synthesise-extract.js';
import { loadDesign } from '../../src/scenario/load-design.js';
import { parseExtractText } from '../../src/scenario/parse-extract.js';

const OPTIONS = { groupColumn: null, outcomes: null, priorMonths: 24, followUpMonths: 12, harmFrom: 'crime' };

describe('own dispersion', () => {
  test('is found by the likelihood-ratio test and recovered within its interval', async () => {
    // knife gets own noise of variance 1 on top of the shared propensity (α = 1.5). With 4,000
    // people the test's power is near 1; the interval is a 95% one, so this fixed seed is a
    // smoke test of the estimate, not of its coverage (the round-trip test checks coverage).
    const { design } = await loadDesign('milton-keynes', ['outcomes.knife.dispersion=1']);
    const synthetic = synthesiseExtract(design, { people: 4000, seed: 3, priorMonths: 24, minAtRiskShare: 1 });
    const fit = fitExtract(synthetic, null);
    const knife = synthetic.outcomes.indexOf('knife');
    expect(fit.counts.tests[knife].pValue).toBeLessThan(1e-6);
    const own = fit.counts.ownDispersions[knife]!;
    expect(own.interval[0]).toBeLessThan(1);
    expect(own.interval[1]).toBeGreaterThan(1);
    expect(fit.counts.dispersion.interval[0]).toBeLessThan(1.5);
    expect(fit.counts.dispersion.interval[1]).toBeGreaterThan(1.5);
    expect(fit.counts.dispersionMethod).toBe('Wald on the log scale');
    // Forward selection: once knife's own noise is in the model, the others are not flagged.
    expect(fit.counts.ownDispersions.filter((value) => value !== null)).toHaveLength(1);
  }, 60_000);

  test('cannot be tested with a single outcome, and says why', async () => {
    const text =
      'group,knife_prior,knife_followup\n' + Array.from({ length: 50 }, (_, i) => `a,${i % 3},${i % 4}`).join('\n');
    const { extract } = parseExtractText(text, 'x.csv', { ...OPTIONS, harmFrom: null });
    const fit = fitExtract(extract, null);
    expect(fit.counts.tests[0].skipped).toContain('one outcome');
  });
});

describe('the synthetic extract as CSV', () => {
  test('reads back as exactly the extract that was drawn', async () => {
    const { design } = await loadDesign('milton-keynes');
    const drawn = synthesiseExtract(design, { people: 300, seed: 9, priorMonths: 24, minAtRiskShare: 0.7 });
    const { extract } = parseExtractText(formatExtractCsv(drawn), 'x.csv', OPTIONS, drawn.source);
    // Groups are numbered in order of first appearance when read, so compare by id.
    const ids = (e: typeof drawn) => Array.from(e.group, (g) => e.groups[g].id);
    expect(ids(extract)).toEqual(ids(drawn));
    expect(extract.outcomes).toEqual(drawn.outcomes);
    expect(extract.priorCounts).toEqual(drawn.priorCounts);
    expect(extract.followUpCounts).toEqual(drawn.followUpCounts);
    expect(extract.recentPriorCounts).toEqual(drawn.recentPriorCounts);
    expect(Array.from(extract.followUpYears)).toEqual(Array.from(drawn.followUpYears));
    expect(Array.from(extract.priorYears!)).toEqual(Array.from(drawn.priorYears!));
    expect(extract.severities).toEqual(drawn.severities);
  });

  test('depends on the seed, and its first people not on how many are drawn', async () => {
    const { design } = await loadDesign('bench-ref');
    const small = synthesiseExtract(design, { people: 50, seed: 1, priorMonths: 12, minAtRiskShare: 1 });
    const large = synthesiseExtract(design, { people: 80, seed: 1, priorMonths: 12, minAtRiskShare: 1 });
    const other = synthesiseExtract(design, { people: 50, seed: 2, priorMonths: 12, minAtRiskShare: 1 });
    expect(formatExtractCsv(large).split('\n').slice(0, 51)).toEqual(formatExtractCsv(small).split('\n').slice(0, 51));
    expect(formatExtractCsv(other)).not.toEqual(formatExtractCsv(small));
  });
});

import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { metaAnalysisPValue } from '../../../../src/core/analysis/replication/meta-analysis.js';
import { predictionIntervalPValue } from '../../../../src/core/analysis/replication/prediction-interval.js';
import { prepareReplicationCriterion } from '../../../../src/core/analysis/replication/prepare-replication-criterion.js';
import {
  DEFAULT_REPLICATION_SETTINGS,
  REPLICATION_CRITERIA,
  type ReplicationCriterion,
  type ScepticalRecalibration,
} from '../../../../src/core/analysis/replication/replication-criterion.js';
import { significancePValue } from '../../../../src/core/analysis/replication/significance.js';
import {
  smallTelescopeEffect,
  smallTelescopesPValue,
} from '../../../../src/core/analysis/replication/small-telescopes.js';
import { twoTrialsPValue } from '../../../../src/core/analysis/replication/two-trials.js';
import { readOriginalResult } from '../../../../src/core/inquiry/original-result.js';
import { powerTwoTrials } from '../../../../src/search/analytic/replication-success.js';

const ORIGINAL = { logEstimate: -0.5, standardError: 0.2 };

describe('each criterion’s statistic against R', () => {
  test('significance and two-trials are one-sided normal p-values in the original’s direction', () => {
    // R: pnorm(-3) = 0.00134989803163009; pnorm(-2) = 0.0227501319481792
    expect(significancePValue(-0.5, -0.3, 0.1)).toBeCloseTo(0.00134989803163009, 15);
    expect(significancePValue(0.5, 0.3, 0.1)).toBeCloseTo(0.00134989803163009, 15);
    expect(twoTrialsPValue({ logEstimate: -0.5, standardError: 0.25 }, -0.3, 0.1)).toBeCloseTo(0.0227501319481792, 15);
    expect(twoTrialsPValue({ logEstimate: -0.5, standardError: 0.1 }, -0.2, 0.1)).toBeCloseTo(0.0227501319481792, 15);
  });

  test('meta-analysis pools with inverse-variance weights, τ² added to each variance', () => {
    // R: ma <- function(to, so, tr, sr, tau) { w <- 1/c(so^2+tau^2, sr^2+tau^2);
    //   m <- sum(w*c(to,tr))/sum(w); pnorm(-sign(to)*m*sqrt(sum(w))) }
    // ma(-0.5,0.2,-0.2,0.1,0) = 0.00182521720222094; ma(-0.5,0.2,-0.2,0.1,0.15) = 0.0192431356332855;
    // ma(0.4,0.25,0.05,0.2,0.1) = 0.131119674751013
    expect(metaAnalysisPValue(ORIGINAL, -0.2, 0.1, 0)).toBeCloseTo(0.00182521720222094, 15);
    expect(metaAnalysisPValue(ORIGINAL, -0.2, 0.1, 0.15)).toBeCloseTo(0.0192431356332855, 15);
    expect(metaAnalysisPValue({ logEstimate: 0.4, standardError: 0.25 }, 0.05, 0.2, 0.1)).toBeCloseTo(
      0.131119674751013,
      15,
    );
  });

  test('prediction interval: the Q test’s p-value, and success exactly inside R’s predictionInterval', () => {
    // R: Qtest(-0.5, -0.1, 0.2, 0.1) = 0.0736382701203028; Qtest(0.3, 0.9, 0.1, 0.3) = 0.0577795711235975
    expect(predictionIntervalPValue(ORIGINAL, -0.1, 0.1, 0)).toBeCloseTo(0.0736382701203028, 15);
    expect(predictionIntervalPValue({ logEstimate: 0.3, standardError: 0.1 }, 0.9, 0.3, 0)).toBeCloseTo(
      0.0577795711235975,
      15,
    );
    // R: predictionInterval(-0.5, 0.2, 0.1, tau = 0.1) → [-1.01855772817362, 0.0185577281736227];
    //    predictionInterval(-0.5, 0.2, 0.1) → upper -0.0617387297117093
    const withTau = prepareReplicationCriterion('prediction-interval', ORIGINAL, { heterogeneity: 0.1 });
    expect(withTau.succeeds(0.0185577281736227 - 1e-9, 0.1)).toBe(true);
    expect(withTau.succeeds(0.0185577281736227 + 1e-9, 0.1)).toBe(false);
    expect(withTau.succeeds(-1.01855772817362 + 1e-9, 0.1)).toBe(true);
    expect(withTau.succeeds(-1.01855772817362 - 1e-9, 0.1)).toBe(false);
    const withoutTau = prepareReplicationCriterion('prediction-interval', ORIGINAL);
    expect(withoutTau.succeeds(-0.0617387297117093 - 1e-9, 0.1)).toBe(true);
    expect(withoutTau.succeeds(-0.0617387297117093 + 1e-9, 0.1)).toBe(false);
  });

  test('small telescopes: d33 has power ⅓ in the original’s two-sided 5% test', () => {
    // R: d33 <- function(so) so*uniroot(function(d) pnorm(d - qnorm(.975)) + pnorm(-d - qnorm(.975)) - 1/3,
    //   c(0,5), tol=1e-14)$root; d33(1) = 1.52856871271256; d33(0.2) = 0.305713742542511
    expect(smallTelescopeEffect(1)).toBeCloseTo(1.52856871271256, 12);
    expect(smallTelescopeEffect(0.2)).toBeCloseTo(0.305713742542511, 12);
    // R: pnorm((0.1 - d33(0.2))/0.1) = 0.0198365042998163; pnorm((0.35 - d33(0.15))/0.2) = 0.726936370693283
    expect(smallTelescopesPValue(ORIGINAL, -0.1, 0.1)).toBeCloseTo(0.0198365042998163, 12);
    expect(smallTelescopesPValue({ logEstimate: 0.6, standardError: 0.15 }, 0.35, 0.2)).toBeCloseTo(
      0.726936370693283,
      12,
    );
    // d33 ruled out (p < 0.05) is Simonsohn's informative failure: not a success.
    expect(prepareReplicationCriterion('small-telescopes', ORIGINAL).succeeds(-0.1, 0.1)).toBe(false);
    expect(prepareReplicationCriterion('small-telescopes', ORIGINAL).succeeds(-0.15, 0.1)).toBe(true);
  });
});

describe('the dispatcher and the judges', () => {
  test('prepares a judge for every criterion, named after it', () => {
    for (const criterion of REPLICATION_CRITERIA) {
      expect(prepareReplicationCriterion(criterion, ORIGINAL).criterion).toBe(criterion);
    }
  });

  test('an unusable replication standard error (a failed analysis) gives NaN and never success', () => {
    for (const criterion of REPLICATION_CRITERIA) {
      const judge = prepareReplicationCriterion(criterion, ORIGINAL);
      for (const se of [0, -1, Number.NaN, Infinity]) {
        expect(judge.succeeds(-0.5, se)).toBe(false);
        expect(judge.statistic(-0.5, se)).toBeNaN();
      }
    }
  });

  test('golden success does not need a significant original: zo 1.8, zr 10, c 10 (two-trials fails)', () => {
    // R: pSceptical(1.8, 10, 10, type = "golden") = 0.0208172455627047 ≤ 0.025, while the
    // original's one-sided p is pnorm(-1.8) = 0.0359. σ_r 0.1, σ_o = √10·0.1, θ_o = 1.8·σ_o, θ_r = 1.
    const original = { logEstimate: 1.8 * Math.sqrt(10) * 0.1, standardError: Math.sqrt(10) * 0.1 };
    const golden = prepareReplicationCriterion('sceptical', original);
    expect(golden.statistic(1, 0.1)).toBeCloseTo(0.0208172455627047, 12);
    expect(golden.succeeds(1, 0.1)).toBe(true);
    expect(prepareReplicationCriterion('two-trials', original).succeeds(1, 0.1)).toBe(false);
    expect(prepareReplicationCriterion('sceptical', original, { recalibration: 'nominal' }).succeeds(1, 0.1)).toBe(
      false,
    );
  });

  test('a just-significant original (zo = 1.959964) can never succeed under nominal recalibration', () => {
    const original = { logEstimate: -0.5, standardError: 0.5 / 1.959963984540054 };
    const nominal = prepareReplicationCriterion('sceptical', original, { recalibration: 'nominal' });
    expect(nominal.succeeds(-5, 0.01)).toBe(false);
  });
});

describe('properties of the criteria', () => {
  const logRatio = fc.double({ min: -2, max: 2, noNaN: true }).filter((x) => Math.abs(x) > 1e-3);
  const standardError = fc.double({ min: 0.02, max: 1, noNaN: true });
  const criterion = fc.constantFrom<ReplicationCriterion>(...REPLICATION_CRITERIA);
  const recalibration = fc.constantFrom<ScepticalRecalibration>('nominal', 'golden', 'controlled');
  const tau = fc.constantFrom(0, 0.1);

  property.prop([criterion, recalibration, tau, logRatio, standardError, logRatio, standardError])(
    'changing the sign of both estimates changes neither the statistic nor the decision',
    (name, type, heterogeneity, thetaO, sigmaO, thetaR, sigmaR) => {
      const settings = { recalibration: type, heterogeneity };
      const judge = prepareReplicationCriterion(name, { logEstimate: thetaO, standardError: sigmaO }, settings);
      const mirror = prepareReplicationCriterion(name, { logEstimate: -thetaO, standardError: sigmaO }, settings);
      expect(mirror.statistic(-thetaR, sigmaR)).toBeCloseTo(judge.statistic(thetaR, sigmaR), 13);
      expect(mirror.succeeds(-thetaR, sigmaR)).toBe(judge.succeeds(thetaR, sigmaR));
    },
  );

  property.prop([
    fc.constantFrom<ReplicationCriterion>(
      'significance',
      'two-trials',
      'sceptical',
      'meta-analysis',
      'small-telescopes',
    ),
    recalibration,
    tau,
    logRatio,
    standardError,
    logRatio,
    fc.double({ min: 0, max: 1, noNaN: true }),
    standardError,
  ])(
    'a replication estimate further in the original’s direction never turns success into failure',
    (name, type, heterogeneity, thetaO, sigmaO, thetaR, step, sigmaR) => {
      const judge = prepareReplicationCriterion(
        name,
        { logEstimate: thetaO, standardError: sigmaO },
        { recalibration: type, heterogeneity },
      );
      const further = thetaR + Math.sign(thetaO) * step;
      if (judge.succeeds(thetaR, sigmaR)) expect(judge.succeeds(further, sigmaR)).toBe(true);
      // Every statistic is a p-value falling as evidence for the original grows, except the
      // telescope's p against d33, which rises (its success is a large p).
      const orientation = name === 'small-telescopes' ? -1 : 1;
      expect(orientation * judge.statistic(further, sigmaR)).toBeLessThanOrEqual(
        orientation * judge.statistic(thetaR, sigmaR) + 1e-12,
      );
    },
  );

  property.prop([logRatio, standardError, logRatio, standardError])(
    'sceptical success with nominal recalibration implies two-trials success (pS ≥ max(po, pr), Held 2020)',
    (thetaO, sigmaO, thetaR, sigmaR) => {
      const original = { logEstimate: thetaO, standardError: sigmaO };
      const nominal = prepareReplicationCriterion('sceptical', original, { recalibration: 'nominal' });
      if (nominal.succeeds(thetaR, sigmaR)) {
        expect(prepareReplicationCriterion('two-trials', original).succeeds(thetaR, sigmaR)).toBe(true);
      }
      // When the estimates agree in direction the p-values themselves are ordered.
      if (Math.sign(thetaO) === Math.sign(thetaR)) {
        expect(nominal.statistic(thetaR, sigmaR)).toBeGreaterThanOrEqual(
          prepareReplicationCriterion('two-trials', original).statistic(thetaR, sigmaR) - 1e-15,
        );
      }
    },
  );

  property.prop([criterion, recalibration, tau, logRatio, standardError, logRatio, standardError])(
    'the decision is the statistic against its threshold (level, 1 − coverage, or the telescope level)',
    (name, type, heterogeneity, thetaO, sigmaO, thetaR, sigmaR) => {
      const judge = prepareReplicationCriterion(
        name,
        { logEstimate: thetaO, standardError: sigmaO },
        { recalibration: type, heterogeneity },
      );
      const p = judge.statistic(thetaR, sigmaR);
      const { level, predictionCoverage, telescopeLevel } = DEFAULT_REPLICATION_SETTINGS;
      const threshold =
        name === 'prediction-interval' ? 1 - predictionCoverage : name === 'small-telescopes' ? telescopeLevel : level;
      fc.pre(Math.abs(p - threshold) > 1e-9);
      const expected = name === 'prediction-interval' || name === 'small-telescopes' ? p >= threshold : p <= threshold;
      expect(judge.succeeds(thetaR, sigmaR)).toBe(expected);
    },
  );
});

describe('an original read as just significant counts as significant, whatever the rounding', () => {
  test('two-trials: every ratio reported as significant passes the original half of the rule', () => {
    // z_o = |log r| / (|log r| / Φ⁻¹(0.975)) is Φ⁻¹(0.975) only up to the last bits (0.602 fell just short).
    for (const ratio of [0.3, 0.41, 0.46, 0.602, 0.75, 1.3, 2]) {
      const reading = readOriginalResult({ estimate: ratio, p: 'significant' });
      if (!reading.ok) throw new Error('unreadable');
      const judge = prepareReplicationCriterion('two-trials', reading.original);
      const strong = reading.original.logEstimate / 2;
      expect(judge.succeeds(strong, reading.original.standardError / 10), `ratio ${ratio}`).toBe(true);
      expect(
        powerTwoTrials({
          zOriginal: reading.original.logEstimate / reading.original.standardError,
          varianceRatio: 4,
          prior: 'conditional',
        }),
        `ratio ${ratio}`,
      ).toBeGreaterThan(0);
    }
  });
});

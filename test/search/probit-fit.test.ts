import { describe, expect, it } from 'vitest';
import { fitProbit, pearsonDispersion, predictProbit } from '../../src/search/probit-fit.js';

describe('fitProbit', () => {
  it('matches R glm(binomial(link = "probit")) coefficients and covariance', () => {
    // R 4: s<-c(3,20,41,77); n<-c(50,80,60,90); x<-c(1,2,3.5,5)
    //      f<-glm(cbind(s,n-s)~x, binomial(link="probit")); coef(f); vcov(f)
    const fit = fitProbit([
      { x: 1, successes: 3, trials: 50 },
      { x: 2, successes: 20, trials: 80 },
      { x: 3.5, successes: 41, trials: 60 },
      { x: 5, successes: 77, trials: 90 },
    ]);
    expect(fit).not.toBeNull();
    expect(fit!.intercept).toBeCloseTo(-1.9450401384, 6);
    expect(fit!.slope).toBeCloseTo(0.6291952994, 6);
    expect(fit!.covariance[0][0]).toBeCloseTo(0.04533434999, 6);
    expect(fit!.covariance[0][1]).toBeCloseTo(-0.01225140594, 6);
    expect(fit!.covariance[1][1]).toBeCloseTo(0.003987902984, 6);
  });

  it('recovers the symmetric example exactly: 10%, 50%, 90% at x = 0, 1, 2', () => {
    // R 4: glm(cbind(c(10,50,90), c(90,50,10)) ~ I(0:2), binomial(link="probit")) → −1.281551566, 1.281551566
    const fit = fitProbit([
      { x: 0, successes: 10, trials: 100 },
      { x: 1, successes: 50, trials: 100 },
      { x: 2, successes: 90, trials: 100 },
    ])!;
    expect(fit.intercept).toBeCloseTo(-1.281551566, 6);
    expect(fit.slope).toBeCloseTo(1.281551566, 6);
    // R: vcov(f)[1,1] + 2·vcov(f)[1,2] + vcov(f)[2,2] at x = 1: 0.02218024506 − 0.0292210957 + 0.01461054785
    expect(predictProbit(fit, 1).standardError).toBeCloseTo(Math.sqrt(0.02218024506 - 0.0292210957 + 0.01461054785), 6);
  });

  it('returns null when no fit exists: one x value, or every trial a success', () => {
    expect(
      fitProbit([
        { x: 1, successes: 3, trials: 10 },
        { x: 1, successes: 5, trials: 10 },
      ]),
    ).toBeNull();
    expect(
      fitProbit([
        { x: 1, successes: 10, trials: 10 },
        { x: 2, successes: 10, trials: 10 },
      ]),
    ).toBeNull();
  });
});

describe('pearsonDispersion', () => {
  it('matches R: sum(residuals(f, "pearson")^2) / df.residual(f)', () => {
    const points = [
      { x: 1, successes: 3, trials: 50 },
      { x: 2, successes: 20, trials: 80 },
      { x: 3.5, successes: 41, trials: 60 },
      { x: 5, successes: 77, trials: 90 },
    ];
    // R 4: f as above; sum(residuals(f, type = "pearson")^2) / df.residual(f) = 1.569831488
    expect(pearsonDispersion(points, fitProbit(points)!)).toBeCloseTo(1.569831488, 6);
  });
});

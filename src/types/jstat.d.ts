// Types for the parts of jstat 1.9.6 trialsim uses (the package ships none). jstat is a UMD
// bundle: under Node's ESM loader the default import is `module.exports`, whose `jStat` property
// holds the library, so callers write `import jstatModule from 'jstat'; const { jStat } = jstatModule;`.
declare module 'jstat' {
  interface ContinuousDistribution {
    cdf(x: number, ...parameters: number[]): number;
    pdf(x: number, ...parameters: number[]): number;
    inv(p: number, ...parameters: number[]): number;
  }

  interface JStat {
    normal: ContinuousDistribution;
    studentt: ContinuousDistribution;
    chisquare: ContinuousDistribution;
    centralF: ContinuousDistribution;
    gamma: ContinuousDistribution;
    beta: ContinuousDistribution;
    /** Regularized incomplete beta function I_x(a, b). */
    ibeta(x: number, a: number, b: number): number;
    /** Inverse of the regularized incomplete beta in x. */
    ibetainv(p: number, a: number, b: number): number;
    /** Regularized lower incomplete gamma P(a, x). */
    lowRegGamma(a: number, x: number): number;
    /** Natural log of the gamma function. */
    gammaln(x: number): number;
  }

  const jstatModule: { jStat: JStat };
  export default jstatModule;
}

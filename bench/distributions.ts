/**
 * Micro-benchmark of the random streams and samplers in src/core/distributions: nanoseconds per
 * draw for the draws the engines make in their hot loops, plus the REF per-person draw cost
 * (2,000 people: a gamma frailty and a Poisson count each, summed by arm). Median of repetitions;
 * compare ratios within one run — the machines are shared and noisy.
 *
 * Usage: npm run build && node dist/bench/distributions.js [--reps R]
 */
import { drawBinomial } from '../src/core/distributions/binomial.js';
import { drawGamma } from '../src/core/distributions/gamma.js';
import { drawHypergeometric } from '../src/core/distributions/hypergeometric.js';
import { drawMultinomial } from '../src/core/distributions/multinomial.js';
import {
  negativeBinomialPmf,
  negativeBinomialSurvival,
} from '../src/core/distributions/negative-binomial-probability.js';
import { drawNegativeBinomial } from '../src/core/distributions/negative-binomial.js';
import { normalCdf, normalQuantile } from '../src/core/distributions/normal.js';
import { drawPoisson } from '../src/core/distributions/poisson.js';
import { drawStandardNormal } from '../src/core/distributions/standard-normal.js';
import { trialStream } from '../src/core/rng/trial-stream.js';

const at = process.argv.indexOf('--reps');
const REPS = at >= 0 ? Number(process.argv[at + 1]) : 7;

let sink = 0;

/** Median nanoseconds per call of `body` (which makes `perCall` calls per invocation). */
function time(label: string, calls: number, body: () => void, unit = 'ns/draw'): void {
  body(); // warm-up, so the optimising compiler has seen the code
  const samples: number[] = [];
  for (let r = 0; r < REPS; r += 1) {
    const start = process.hrtime.bigint();
    body();
    samples.push(Number(process.hrtime.bigint() - start) / calls);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const shown = unit.startsWith('µs') ? (median / 1000).toFixed(1) : median.toFixed(1);
  console.log(`${label.padEnd(46)} ${shown.padStart(9)} ${unit}`);
}

const rng = trialStream(2024, 0);
const N = 2_000_000;

time('rng.next() (alea, 32 bits)', N, () => {
  for (let i = 0; i < N; i += 1) sink += rng.next();
});
time('trialStream(seed, i) seeding', 200_000, () => {
  for (let i = 0; i < 200_000; i += 1) sink += trialStream(2024, i).next();
});
time('drawStandardNormal', N, () => {
  for (let i = 0; i < N; i += 1) sink += drawStandardNormal(rng);
});
time('drawGamma(0.8, 1.25)', N, () => {
  for (let i = 0; i < N; i += 1) sink += drawGamma(rng, 0.8, 1.25);
});
time('drawGamma(5, 1)', N, () => {
  for (let i = 0; i < N; i += 1) sink += drawGamma(rng, 5, 1);
});
time('drawPoisson(1.2)', N, () => {
  for (let i = 0; i < N; i += 1) sink += drawPoisson(rng, 1.2);
});
time('drawPoisson(25)', N, () => {
  for (let i = 0; i < N; i += 1) sink += drawPoisson(rng, 25);
});
time('drawNegativeBinomial(1.2, 1.25)', N, () => {
  for (let i = 0; i < N; i += 1) sink += drawNegativeBinomial(rng, 1.2, 1.25);
});
time('drawBinomial(1000, 0.3)', N / 4, () => {
  for (let i = 0; i < N / 4; i += 1) sink += drawBinomial(rng, 1000, 0.3);
});
time('drawBinomial(20, 0.2)', N, () => {
  for (let i = 0; i < N; i += 1) sink += drawBinomial(rng, 20, 0.2);
});
time('drawHypergeometric(100, 200, 90)', N / 4, () => {
  for (let i = 0; i < N / 4; i += 1) sink += drawHypergeometric(rng, 100, 200, 90);
});

const CELLS = 40;
const pmf = Array.from({ length: CELLS }, (_, k) =>
  k < CELLS - 1 ? negativeBinomialPmf(k, 1.2, 1.25) : negativeBinomialSurvival(CELLS - 2, 1.2, 1.25),
);
const counts = new Float64Array(CELLS);
time('drawMultinomial(1000, 40-cell NB pmf)', 100_000, () => {
  for (let i = 0; i < 100_000; i += 1) sink += drawMultinomial(rng, 1000, pmf, counts)[0];
}, 'ns/call');
time('normalCdf', N, () => {
  for (let i = 0; i < N; i += 1) sink += normalCdf((i % 1000) / 100 - 5);
}, 'ns/call');
time('normalQuantile', N, () => {
  for (let i = 0; i < N; i += 1) sink += normalQuantile((i + 0.5) / N);
}, 'ns/call');

// REF per person: frailty G ~ Gamma(0.8, 1.25), count ~ Poisson(μ·G), summed per arm.
const TRIALS = 2000;
time('REF per-person draws: 2,000 gamma+Poisson + sums', TRIALS, () => {
  for (let t = 0; t < TRIALS; t += 1) {
    const stream = trialStream(2024, t);
    let control = 0;
    let treated = 0;
    for (let person = 0; person < 1000; person += 1) control += drawPoisson(stream, 1.2 * drawGamma(stream, 0.8, 1.25));
    for (let person = 0; person < 1000; person += 1) treated += drawPoisson(stream, 0.96 * drawGamma(stream, 0.8, 1.25));
    sink += control - treated;
  }
}, 'µs/trial');

console.log(`(checksum ${sink.toFixed(0).length > 0 ? 'ok' : ''})`);

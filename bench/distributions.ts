/**
 * Micro-benchmark of the random streams and samplers in src/core/distributions: nanoseconds per
 * draw for the draws the engines make in their hot loops, plus the REF per-person draw cost
 * (2,000 people: a gamma frailty and a Poisson count each, summed by arm). Median CPU time of
 * repetitions; compare ratios within one run — the machines are shared and noisy.
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
import { normalCdf, normalQuantile } from '../src/core/distributions/normal.js';
import { drawPoisson } from '../src/core/distributions/poisson.js';
import { drawStandardNormal } from '../src/core/distributions/standard-normal.js';
import { trialStream } from '../src/core/rng/trial-stream.js';
import { argument } from './measure.js';

const REPS = argument('reps', 7);

let sink = 0;

/**
 * Median CPU nanoseconds (user + system, so other processes on a busy machine distort it less
 * than wall-clock time) per call of `body`, which makes `calls` calls per invocation.
 */
function time(label: string, calls: number, body: () => void, unit = 'ns/draw'): void {
  body(); // warm-up, so the optimising compiler has seen the code
  const samples: number[] = [];
  for (let r = 0; r < REPS; r += 1) {
    const start = process.cpuUsage();
    body();
    const used = process.cpuUsage(start);
    samples.push(((used.user + used.system) * 1000) / calls);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const shown = unit.startsWith('µs') ? (median / 1000).toFixed(1) : median.toFixed(1);
  console.log(`${label.padEnd(50)} ${shown.padStart(9)} ${unit}`);
}

// Parameters come from parsed text so the compiler cannot fold them into constants (an engine
// reads them from a Design), and per-person means vary as they do under a gamma frailty.
const P = JSON.parse('{"shape":0.8,"scale":1.25,"mean":1.2,"dispersion":1.25,"n":1000,"p":0.3,"big":5}') as Record<
  string,
  number
>;
const VARYING_MEANS = Float64Array.from({ length: 4096 }, (_, i) => (2.4 * (i + 0.5)) / 4096);

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
  for (let i = 0; i < N; i += 1) sink += drawGamma(rng, P.shape, P.scale);
});
time('drawGamma(5, 1)', N, () => {
  for (let i = 0; i < N; i += 1) sink += drawGamma(rng, P.big, 1);
});
time('drawPoisson(1.2)', N, () => {
  for (let i = 0; i < N; i += 1) sink += drawPoisson(rng, P.mean);
});
time('drawPoisson(mean varying over 0…2.4)', N, () => {
  for (let i = 0; i < N; i += 1) sink += drawPoisson(rng, VARYING_MEANS[i & 4095]);
});
time('drawPoisson(25)', N, () => {
  for (let i = 0; i < N; i += 1) sink += drawPoisson(rng, P.big * P.big);
});
// The per-person engine's negative binomial: a gamma (mean 1) multiplier, then a Poisson.
time('gamma–Poisson NB(1.2, 1.25)', N, () => {
  for (let i = 0; i < N; i += 1) sink += drawPoisson(rng, P.mean * drawGamma(rng, 1 / P.dispersion, P.dispersion));
});
time('drawBinomial(1000, 0.3)', N / 4, () => {
  for (let i = 0; i < N / 4; i += 1) sink += drawBinomial(rng, P.n, P.p);
});
time('drawBinomial(20, 0.2)', N, () => {
  for (let i = 0; i < N; i += 1) sink += drawBinomial(rng, P.n / 50, P.p - 0.1);
});
time('drawHypergeometric(100, 200, 90)', N / 4, () => {
  for (let i = 0; i < N / 4; i += 1) sink += drawHypergeometric(rng, 100, 200, 90);
});

const CELLS = 40;
const pmf = Array.from({ length: CELLS }, (_, k) =>
  k < CELLS - 1 ? negativeBinomialPmf(k, 1.2, 1.25) : negativeBinomialSurvival(CELLS - 2, 1.2, 1.25),
);
const counts = new Float64Array(CELLS);
time(
  'drawMultinomial(1000, 40-cell NB pmf)',
  100_000,
  () => {
    for (let i = 0; i < 100_000; i += 1) sink += drawMultinomial(rng, P.n, pmf, counts)[0];
  },
  'ns/call',
);
time(
  'normalCdf',
  N,
  () => {
    for (let i = 0; i < N; i += 1) sink += normalCdf((i % 1000) / 100 - 5);
  },
  'ns/call',
);
time(
  'normalQuantile',
  N,
  () => {
    for (let i = 0; i < N; i += 1) sink += normalQuantile((i + 0.5) / N);
  },
  'ns/call',
);

// REF per person: frailty G ~ Gamma(0.8, 1.25), count ~ Poisson(μ·G), summed per arm.
const TRIALS = 2000;
time(
  'REF per-person draws: 2,000 gamma+Poisson + sums',
  TRIALS,
  () => {
    for (let t = 0; t < TRIALS; t += 1) {
      const stream = trialStream(2024, t);
      let control = 0;
      let treated = 0;
      for (let person = 0; person < 1000; person += 1)
        control += drawPoisson(stream, P.mean * drawGamma(stream, P.shape, P.scale));
      for (let person = 0; person < 1000; person += 1)
        treated += drawPoisson(stream, 0.8 * P.mean * drawGamma(stream, P.shape, P.scale));
      sink += control - treated;
    }
  },
  'µs/trial',
);

console.log(`(checksum ${sink.toFixed(0).length > 0 ? 'ok' : ''})`);

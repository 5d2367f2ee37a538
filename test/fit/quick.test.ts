import { test } from 'vitest';
import { createLogScaleRule, integrateOnLogScale } from '../../src/fit/log-scale-quadrature.js';
const cases: [number, number, [number, number, number][], number][] = [
 [0.05, 0.3, [], 3.0290778412680275733],
 [0.2, 1.0, [[1.2, 1.0, 0.5]], 1.441324470763740502],
 [0.7, 2.5, [[3.4, 0.4, 2.0]], 1.4310660081399357032],
 [3.7, 1.8, [[2.5, 0.5, 1.5], [1.25, 0.25, 0.8]], -2.8441651662978053537],
 [25.0, 12.0, [[8.0, 2.0, 3.0]], -23.38551722060073894],
 [1e4+3, 1e4+2.2, [[1.5, 0.5, 0.7]], -10006.159829840660413],
 [0.3, 0.3, [[2.01, 0.01, 5.0]], 8.3896139799235103922],
 [12.5, 3.0, [[50.2, 0.2, 9.0]], 4.8201303887572765221],
];
test('q', () => {
  const rule = createLogScaleRule();
  for (const [c, r, terms, expected] of cases) {
    integrateOnLogScale({ c, r, terms: terms.length, q: Float64Array.from(terms, (t) => t[0]), b: Float64Array.from(terms, (t) => t[1]), m: Float64Array.from(terms, (t) => t[2]) }, rule);
    console.log(c, rule.count, rule.tailLogMass > -Infinity, (rule.logIntegral - expected).toExponential(2));
  }
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 100000; i++) { integrateOnLogScale({ c: 1.7 + (i % 7), r: 1.5, terms: 1, q: Float64Array.of(1.5), b: Float64Array.of(0.5), m: Float64Array.of(1 + (i % 3)) }, rule); x += rule.logIntegral; }
  console.log('100k', performance.now() - t0, x);
});

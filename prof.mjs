import { loadDesign } from './dist/src/scenario/load-design.js';
import { synthesiseExtract } from './dist/src/fit/synthesise-extract.js';
import { fitCounts } from './dist/src/fit/fit-counts.js';
const { design } = await loadDesign('milton-keynes');
for (const [n, m] of JSON.parse(process.argv[2])) {
  const extract = synthesiseExtract(design, { people: n, seed: 7, priorMonths: 24, minAtRiskShare: m });
  const t0 = performance.now();
  const fit = fitCounts(extract);
  console.log(n, m, (performance.now() - t0).toFixed(0), fit.tests.map((t) => t.pValue.toFixed(3)).join(' '));
}

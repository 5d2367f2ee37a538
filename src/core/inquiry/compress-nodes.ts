import type { BinaryGroupNodes } from './binary-prevalence.js';

/** Above this many nodes a binary's rate distribution is merged into at most this many. */
export const MAX_BINARY_NODES = 1024;

/**
 * Shrinks a weighted distribution of event rates to at most `size` nodes, so a binary's
 * prevalence can be re-evaluated cheaply for every trial's drawn effect.
 *
 * Formula in words: sort the nodes by rate and cut them into size/2 runs of equal total weight;
 * replace each run by two nodes at its weighted mean ± its weighted standard deviation, each with
 * half the run's weight (the two-point Gauss rule of the run). Total weight, mean and variance of
 * every run are kept exactly, so for a smooth f the error in Σ w·f(b) is of the order of the
 * run's fourth central moment × f⁗.
 * Reference: moment-matching discretisation (Miller & Rice 1983, Management Science 29(3)).
 *
 * @example rates [1, 2, 3, 4], weights ¼ each, size 2 → one run: rates [2.5 − 1.118, 2.5 + 1.118], weights [½, ½]
 */
export function compressNodes(nodes: BinaryGroupNodes, size: number = MAX_BINARY_NODES): BinaryGroupNodes {
  const count = nodes.rate.length;
  if (count <= size) return nodes;
  const runs = Math.max(1, Math.floor(size / 2));
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => nodes.rate[a] - nodes.rate[b]);
  let total = 0;
  for (let i = 0; i < count; i++) total += nodes.weight[i];
  const weight = new Float64Array(runs);
  const sum = new Float64Array(runs);
  const sumSquares = new Float64Array(runs);
  let run = 0;
  let cumulative = 0;
  for (const i of order) {
    const w = nodes.weight[i];
    const b = nodes.rate[i];
    weight[run] += w;
    sum[run] += w * b;
    sumSquares[run] += w * b * b;
    cumulative += w;
    // Move to the next run once the runs so far hold their share of the total weight.
    if (run < runs - 1 && cumulative >= ((run + 1) * total) / runs) run++;
  }
  const rate: number[] = [];
  const kept: number[] = [];
  for (let r = 0; r < runs; r++) {
    if (!(weight[r] > 0)) continue;
    const mean = sum[r] / weight[r];
    const spread = Math.sqrt(Math.max(0, sumSquares[r] / weight[r] - mean * mean));
    rate.push(Math.max(0, mean - spread), mean + spread);
    kept.push(weight[r] / 2, weight[r] / 2);
  }
  return { rate: Float64Array.from(rate), weight: Float64Array.from(kept) };
}

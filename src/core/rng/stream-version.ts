/**
 * The version of trialsim's random streams: which uniforms each trial draws and how it turns them
 * into people, arms and outcomes. The same scenario, seed and trial count give the same numbers
 * under one stream version whatever the thread count or shard split; a change that draws
 * differently (a faster sampler exact in distribution, say) moves the numbers within Monte Carlo
 * error and so raises this number. Printed in every JSON document as `tool.streamVersion`
 * (docs/json-output.md); shards of different stream versions do not merge.
 *
 * History: 1 — the first numbered streams. 2 — on the person engine, counts whose gamma
 * multiplier feeds nothing else are drawn from their marginal negative-binomial law by table
 * inversion, complete randomisation draws the smaller arm by Floyd's algorithm, and selected
 * people are drawn directly from the selected law instead of by rejection (the same laws;
 * docs/architecture.md, "Two forms, one spine"). Designs that take none of these paths draw as before.
 *
 * @example STREAM_VERSION → 2
 */
export const STREAM_VERSION = 2;

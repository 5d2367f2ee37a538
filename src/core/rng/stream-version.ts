/**
 * The version of trialsim's random streams: which uniforms each trial draws and how it turns them
 * into people, arms and outcomes. The same scenario, seed and trial count give the same numbers
 * under one stream version whatever the thread count or shard split; a change that draws
 * differently (a faster sampler exact in distribution, say) moves the numbers within Monte Carlo
 * error and so raises this number. Printed in every JSON document as `tool.streamVersion`
 * (docs/json-output.md); shards of different stream versions do not merge.
 *
 * @example STREAM_VERSION → 1
 */
export const STREAM_VERSION = 1;

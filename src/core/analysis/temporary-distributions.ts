// TEMPORARY: stand-ins until src/core/distributions/ provides these; delete this file then.
import jstatModule from 'jstat';

const { jStat } = jstatModule;

export function studentTCdf(t: number, df: number): number {
  return jStat.studentt.cdf(t, df);
}
export function studentTQuantile(p: number, df: number): number {
  return jStat.studentt.inv(p, df);
}

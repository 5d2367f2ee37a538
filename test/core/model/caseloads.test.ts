import { describe, expect, it } from 'vitest';
import { assignCaseloads } from '../../../src/core/model/caseloads.js';

describe('assignCaseloads', () => {
  it('deals treated people round-robin to ⌈treated/caseload⌉ caseworkers and gives controls −1', () => {
    const { caseworker, caseworkers } = assignCaseloads(Uint8Array.of(1, 0, 1, 1, 1), new Uint16Array(5), 1, 2);
    expect(caseworkers).toBe(2);
    expect(Array.from(caseworker)).toEqual([0, -1, 1, 0, 1]);
  });

  it('keeps caseworkers within sites and caseloads within one person of each other', () => {
    const size = 103;
    const treated = Uint8Array.from({ length: size }, (_, i) => (i % 3 === 0 ? 0 : 1));
    const site = Uint16Array.from({ length: size }, (_, i) => i % 4);
    const { caseworker, caseworkers } = assignCaseloads(treated, site, 4, 5);
    const siteOf = new Map<number, number>();
    const load = new Array(caseworkers).fill(0);
    for (let i = 0; i < size; i++) {
      if (!treated[i]) continue;
      const c = caseworker[i];
      if (siteOf.has(c)) expect(siteOf.get(c)).toBe(site[i]);
      siteOf.set(c, site[i]);
      load[c]++;
    }
    for (let s = 0; s < 4; s++) {
      const loads = load.filter((_, c) => siteOf.get(c) === s);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      expect(Math.max(...loads)).toBeLessThanOrEqual(5);
    }
  });
});

import { describe, expect, test } from 'vitest';
import { dealCaseloads, forEachCaseworker } from '../../../src/core/model/deal-caseloads.js';
import { planAssignment } from '../../../src/core/assignment/assign.js';
import type { Design } from '../../../src/core/design.js';
import { assignCaseloads } from '../../../src/core/model/caseloads.js';
import { layOutCells } from '../../../src/core/model/cell-layout.js';
import { prepareModel } from '../../../src/core/model/model-constants.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { designFrom } from '../../support/design-from.js';

/** The per-person cohort layout (groups in index order, sites round-robin) and each person's cell. */
function peopleOf(design: Design): { site: Uint16Array; cellOf: Int32Array } {
  const constants = prepareModel(design);
  const group = new Uint16Array(constants.total);
  const site = new Uint16Array(constants.total);
  for (let g = 0, i = 0; g < constants.groupCounts.length; g++) {
    for (let j = 0; j < constants.groupCounts[g]; j++, i++) {
      group[i] = g;
      site[i] = i % constants.siteCount;
    }
  }
  const plan = planAssignment(design, constants);
  const unit = plan.kind === 'stratified' ? plan.blocks.blockOf : new Int32Array(constants.total);
  const layout = layOutCells(constants, plan);
  const cellOf = Int32Array.from(group, (g, i) => {
    for (let c = 0; c < layout.cellSize.length; c++) {
      if (layout.cellGroup[c] === g && layout.cellSite[c] === site[i] && layout.cellUnit[c] === unit[i]) return c;
    }
    return -1;
  });
  return { site, cellOf };
}

describe('dealCaseloads', () => {
  test.each([
    [
      'two groups over three sites',
      'design: { followUpMonths: 12, size: { treated: 70, control: 90 }, sites: { count: 3, rateCV: 0 }, caseworkers: { caseload: 7, icc: 0.1 } }',
    ],
    [
      'stratified blocks over two sites',
      'design: { followUpMonths: 12, size: { treated: 60, control: 61 }, randomisation: stratified, strata: [group], blockSize: 8, sites: { count: 2, rateCV: 0 }, caseworkers: { caseload: 5, icc: 0.1 } }',
    ],
    [
      'stratified by site',
      'design: { followUpMonths: 12, size: { treated: 40, control: 43 }, randomisation: stratified, strata: [site], blockSize: 6, sites: { count: 4, rateCV: 0 }, caseworkers: { caseload: 4, icc: 0.1 } }',
    ],
  ])(
    '%s: each cell’s people per caseworker are exactly those of assignCaseloads, for any treated set',
    async (_, designYaml) => {
      const design = await designFrom(
        'caseloads',
        `
cohort: { groups: [{ id: youth, share: 0.44 }, { id: adult, share: 0.56 }] }
outcomes: [{ id: y, kind: count, ratePerYear: 1 }]
${designYaml}`,
        1,
      );
      const model = prepareModel(design);
      const layout = layOutCells(model, planAssignment(design, model));
      const { site, cellOf } = peopleOf(design);
      const caseload = design.plan.caseworkers!.caseload;
      for (let draw = 0; draw < 30; draw++) {
        const rng = trialStream(9, draw);
        const share = rng.next();
        const treated = Uint8Array.from(site, () => (rng.next() < share ? 1 : 0));
        const expected = new Map<string, number>();
        const { caseworker, caseworkers } = assignCaseloads(treated, site, layout.siteCount, caseload);
        const treatedPerCell = new Float64Array(layout.cellSize.length);
        treated.forEach((t, i) => {
          if (t !== 1) return;
          treatedPerCell[cellOf[i]] += 1;
          const key = `${cellOf[i]}:${caseworker[i]}`;
          expected.set(key, (expected.get(key) ?? 0) + 1);
        });
        const dealt = dealCaseloads(layout, treatedPerCell, caseload);
        expect(dealt.caseworkers).toBe(caseworkers);
        const actual = new Map<string, number>();
        for (let c = 0; c < layout.cellSize.length; c++) {
          forEachCaseworker(dealt, layout, c, treatedPerCell[c], (w, people) => actual.set(`${c}:${w}`, people));
        }
        expect(actual).toEqual(expected);
      }
    },
  );
});

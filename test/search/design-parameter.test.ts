import { describe, expect, it } from 'vitest';
import { armSizes } from '../../src/core/design.js';
import { loadDesign } from '../../src/scenario/load-design.js';
import {
  describeParameter,
  MAX_PEOPLE_PER_SITE,
  MAX_RECRUITMENT_YEARS,
  MAX_SITES,
  maxPeopleFor,
} from '../../src/search/design-parameter.js';

/** The design a parameter value gives, through the scenario loader (as the commands build it). */
async function at(scenario: string, path: string, value: number, sets: string[] = []) {
  const { design } = await loadDesign(scenario, sets);
  const parameter = describeParameter(design, path);
  return (await loadDesign(scenario, [...sets, ...parameter.overrides(value)])).design;
}

describe('describeParameter', () => {
  it('scales a fixed { treated, control } size keeping its ratio (milton-keynes 45:120)', async () => {
    const design = await at('milton-keynes', 'design.size.total', 330);
    expect(armSizes(design.plan.size)).toEqual({ treated: 90, control: 240, total: 330 });
  });

  it('keeps a ratio allocation for the total', async () => {
    const design = await at('milton-keynes-scale-up', 'design.size.total', 801);
    expect(armSizes(design.plan.size)).toEqual({ treated: 401, control: 400, total: 801 });
  });

  it('varies the treated arm keeping a fixed control arm', async () => {
    const design = await at('milton-keynes', 'design.size.treated', 200);
    expect(armSizes(design.plan.size)).toEqual({ treated: 200, control: 120, total: 320 });
  });

  it('turns caseworkers into treated people at the caseload, keeping the control ratio', async () => {
    const design = await at('milton-keynes', 'design.caseworkers.count', 4);
    // caseload 22 → 88 treated; control 88 × 120/45 = 234.67 → 235
    expect(armSizes(design.plan.size)).toEqual({ treated: 88, control: 235, total: 323 });
  });

  it('turns recruitment years into people from the eligible per area per year and the sites', async () => {
    const design = await at('milton-keynes-scale-up', 'recruitment.years', 1.5);
    // 1.5 years × 80 per area-year × 10 sites = 1200 people, 1:1
    expect(armSizes(design.plan.size).total).toBe(1200);
  });

  it('sets plain fields directly: sites, follow-up, caseload', async () => {
    expect((await at('milton-keynes-scale-up', 'design.sites.count', 14)).plan.sites!.count).toBe(14);
    expect((await at('milton-keynes', 'design.followUpMonths', 18)).plan.followUpMonths).toBe(18);
    expect((await at('milton-keynes', 'design.caseworkers.caseload', 15)).plan.caseworkers!.caseload).toBe(15);
  });

  it('bounds the searches that only grow the simulated cohort or thin it: two decades, two people per site', async () => {
    const { design } = await loadDesign('milton-keynes-scale-up');
    expect(describeParameter(design, 'recruitment.years').max).toBe(MAX_RECRUITMENT_YEARS);
    expect(MAX_RECRUITMENT_YEARS).toBe(20);
    // 600 people: at most 300 sites of two people each.
    expect(describeParameter(design, 'design.sites.count').max).toBe(300);
    const { design: many } = await loadDesign('milton-keynes-scale-up', ['design.size.total=100000']);
    expect(describeParameter(many, 'design.sites.count').max).toBe(MAX_SITES);
  });

  it('says why a parameter the scenario lacks cannot be varied', async () => {
    const { design } = await loadDesign('teaching-two-arm');
    expect(() => describeParameter(design, 'design.sites.count')).toThrow(/no sites/);
    expect(() => describeParameter(design, 'recruitment.years')).toThrow(/eligiblePerAreaPerYear/);
  });

  it('bounds a search of the total at 32 times the scenario’s size, between 10,000 and 200,000 people', async () => {
    expect(maxPeopleFor(600)).toBe(19_200);
    expect(maxPeopleFor(200)).toBe(10_000);
    expect(maxPeopleFor(50_000)).toBe(200_000);
    const { design } = await loadDesign('milton-keynes-scale-up');
    expect(describeParameter(design, 'design.size.total').max).toBe(19_200);
    const rollout = (await loadDesign('milton-keynes-rollout')).design;
    expect(describeParameter(rollout, 'design.size.total').max).toBe(maxPeopleFor(armSizes(rollout.plan.size).total));
  });

  it('writes people per site as the total over the sites, keeping the treated share', async () => {
    const design = await at('milton-keynes-scale-up', 'design.sites.peoplePerSite', 45);
    expect(armSizes(design.plan.size).total).toBe(450);
    expect(design.plan.sites?.count).toBe(10);
    const { design: base } = await loadDesign('milton-keynes-scale-up');
    const parameter = describeParameter(base, 'design.sites.peoplePerSite');
    expect([parameter.current, parameter.min, parameter.max]).toEqual([60, 2, MAX_PEOPLE_PER_SITE]);
    const teaching = (await loadDesign('teaching-two-arm')).design;
    expect(() => describeParameter(teaching, 'design.sites.peoplePerSite')).toThrow(/no sites/);
  });
});

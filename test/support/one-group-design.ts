import type { Design, Outcome } from '../../src/core/design.js';

/** A one-group design: `treated` vs `control` people, complete randomisation, everyone engaged and observed. */
export function oneGroupDesign(options: {
  treated: number;
  control: number;
  outcomes: Outcome[];
  propensityDispersion?: number;
  followUpMonths?: number;
  seed?: number;
  alpha?: number;
  permutations?: number;
}): Design {
  return {
    name: 'validation',
    title: 'validation',
    source: 'test',
    groups: [{ id: 'all', label: 'everyone', share: 1 }],
    propensityDispersion: options.propensityDispersion ?? 0,
    selection: null,
    outcomes: options.outcomes,
    analysis: {
      alpha: options.alpha ?? 0.05,
      sides: 'two',
      multiplicity: 'none',
      adjustForPrior: false,
      permutations: options.permutations ?? 199,
    },
    simulation: { trials: 1000, seed: options.seed ?? 11 },
    plan: {
      followUpMonths: options.followUpMonths ?? 12,
      size: { kind: 'fixed', treated: options.treated, control: options.control },
      randomisation: 'complete',
      strata: [],
      blockSize: 0,
      engagement: { all: 1 },
      attrition: 0,
      caseworkers: null,
      sites: null,
    },
  };
}

/** A count outcome on the one group. */
export function countOn(
  id: string,
  ratePerYear: number,
  rateRatio: number,
  analysis: Outcome['analysis'],
  dispersion = 0,
): Outcome {
  return {
    id,
    label: id,
    kind: 'count',
    analysis,
    primary: true,
    within: null,
    ratePerYear: { all: ratePerYear },
    dispersion,
    rateRatio: { all: rateRatio },
    effectDistribution: null,
  };
}

/** A binary outcome with its own prevalence on the one group. */
export function binaryOn(id: string, prevalence: number, riskRatio: number, analysis: Outcome['analysis']): Outcome {
  return {
    id,
    label: id,
    kind: 'binary',
    analysis,
    primary: true,
    within: null,
    prevalence: { all: prevalence },
    from: null,
    riskRatio: { all: riskRatio },
    effectDistribution: null,
  };
}

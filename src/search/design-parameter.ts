/**
 * The design parameters the planning commands vary, and how a value of one becomes `--set`
 * overrides of the scenario document.
 *
 * Why overrides rather than editing the compiled `Design`: a changed value then goes through the
 * scenario compiler exactly like a value written in the file — validated (a bad value is a user
 * error naming the path), with every derived quantity (e.g. the sites' icc turned into a rate CV)
 * recomputed — so a design at value v is the design a user would get by writing v. The file is
 * not read again: the planning session compiles the overrides against the document it loaded
 * once (`designWith` in src/scenario/load-design.ts).
 */
import { armSizes, type Design } from '../core/design.js';
import { PlanningOptionError } from './planning-option-error.js';
import type { SearchScale } from './search-crossing.js';

/** How a parameter is searched and how a value of it is written into the scenario. */
export interface DesignParameter {
  /** The PATH as the user gave it. */
  readonly path: string;
  /** Plain words for reports, e.g. "people randomised". */
  readonly label: string;
  /** The scenario's own value (null when it has none, e.g. a pseudo-parameter without costs). */
  readonly current: number | null;
  readonly integer: boolean;
  /** Granularity of values (1 for counts). */
  readonly resolution: number;
  /** Smallest value the scenario can take. */
  readonly min: number;
  /** Default upper bound of a search (overridden by --max). */
  readonly max: number;
  readonly scale: SearchScale;
  /** The `--set PATH=VALUE` overrides that give the design at `value`. */
  overrides(value: number): string[];
}

/** Paths `sample-size` understands (any numeric scenario path also works for `curve`). */
export const SEARCHABLE_PARAMETERS = [
  'design.size.total',
  'design.size.treated',
  'design.size.control',
  'design.sites.count',
  'design.sites.peoplePerSite',
  'design.caseworkers.count',
  'design.caseworkers.caseload',
  'design.followUpMonths',
  'recruitment.years',
] as const;

/**
 * Default upper bound of a `design.size.total` search: 32 times the scenario's own size (five
 * doublings of the search's geometric bracket), at least 10,000 and at most 200,000 people. Past
 * it a trial is far beyond what the scenario's setting recruits, and searching further only
 * simulates ever larger cohorts (each trial's cost grows with its people) to say that the target
 * is not reached; the report then says it was not reached within this bound, and `--max` raises it.
 *
 * Example: milton-keynes-scale-up (600 people) → 19,200; teaching-two-arm (200) → 10,000.
 */
export function maxPeopleFor(current: number): number {
  return Math.min(200_000, Math.max(10_000, 32 * Math.round(current)));
}

/** Default upper bound of a `design.sites.count` search (when the people allow that many). */
export const MAX_SITES = 2000;

/**
 * Default upper bound of a `design.sites.peoplePerSite` search: 1,000 people per partnership is
 * more than a local area's eligible cohort over a decade (80 a year in the scale-up scenario), and
 * with whole sites randomised power levels off well before it (the sites' own variation sets a
 * ceiling no number of people lifts), while every trial's cost grows with its people. `--max`
 * raises it.
 */
export const MAX_PEOPLE_PER_SITE = 1000;

/**
 * Default upper bound of a `recruitment.years` search: a trial that must recruit for two decades
 * is not a plan a commissioner can act on, and searching further only simulates ever larger
 * cohorts (each trial's cost grows with its people) to say so. `--max` raises it.
 */
export const MAX_RECRUITMENT_YEARS = 20;

/**
 * The `--set` override that fixes the arm sizes, e.g. `sizeOverride(90, 240)` →
 * `'design.size={ treated: 90, control: 240 }'`.
 */
export function sizeOverride(treated: number, control: number): string {
  return `design.size={ treated: ${treated}, control: ${control} }`;
}

/**
 * Describes `path` for `design`, or throws a `PlanningOptionError` (`--vary PATH: …`) saying why it
 * cannot be varied.
 *
 * Sizes: `design.size.total` keeps the treated share (a fixed `{ treated, control }` is scaled,
 * keeping its ratio) and goes up to `maxPeopleFor` its current value; `design.size.treated` keeps the control arm of a fixed size (or the
 * allocation ratio); `design.caseworkers.count` treats `count × caseload` people, keeping the
 * ratio; `recruitment.years` randomises `years × costs.eligiblePerAreaPerYear × areas` people
 * (areas = sites, or 1), up to `MAX_RECRUITMENT_YEARS`; `design.sites.count` keeps the people and
 * goes up to half their number (two people per site) or `MAX_SITES`, whichever is less;
 * `design.sites.peoplePerSite` (not a scenario field: a way of writing the total) randomises
 * `count × peoplePerSite` people, keeping the sites and the treated share, from two people per site
 * up to `MAX_PEOPLE_PER_SITE`.
 *
 * Example: for milton-keynes (45 treated, 120 control), `design.size.total` at 330 gives
 * `['design.size={ treated: 90, control: 240 }']`.
 */
export function describeParameter(design: Design, path: string): DesignParameter {
  const cannotVary = (why: string) => new PlanningOptionError(`--vary ${path}: ${why}`);
  const sizes = armSizes(design.plan.size);
  const treatedShare = sizes.total > 0 ? sizes.treated / sizes.total : 0.5;
  const sizeOf = (treated: number, control: number) => [sizeOverride(treated, control)];
  const byTotal = (total: number) => {
    const treated = Math.min(total - 1, Math.max(1, Math.round(total * treatedShare)));
    return sizeOf(treated, total - treated);
  };
  const people = { integer: true, resolution: 1, scale: 'sqrt' as const };
  const rollout = design.plan.rollout;
  if (rollout) return describeRolloutParameter(design, path, rollout, cannotVary);
  // A design with sites needs at least one person per site (the scenario refuses fewer), so the
  // sizes searched start there and the site count stops at the number of people.
  const siteCount = design.plan.sites?.count ?? 0;
  switch (path) {
    case 'design.size.total':
      return {
        path,
        label: 'people randomised',
        current: sizes.total,
        min: Math.max(4, siteCount),
        max: maxPeopleFor(sizes.total),
        ...people,
        overrides: (v) => byTotal(v),
      };
    case 'design.size.treated': {
      const controlFor = (treated: number) =>
        design.plan.size.kind === 'fixed'
          ? sizes.control
          : Math.max(1, Math.round((treated * (1 - treatedShare)) / treatedShare));
      return {
        path,
        label: 'people treated',
        current: sizes.treated,
        min: Math.max(2, siteCount - sizes.control),
        max: 100_000,
        ...people,
        overrides: (v) => sizeOf(v, controlFor(v)),
      };
    }
    case 'design.size.control':
      return {
        path,
        label: 'people in the control arm',
        current: sizes.control,
        min: Math.max(2, siteCount - sizes.treated),
        max: 100_000,
        ...people,
        overrides: (v) => sizeOf(sizes.treated, v),
      };
    case 'design.sites.count':
      if (!design.plan.sites) throw cannotVary('the scenario has no sites: add design.sites to vary their number');
      return {
        path,
        label: 'sites',
        current: design.plan.sites.count,
        min: 2,
        // The people stay as they are, so beyond two people per site more sites only split sites
        // that are already nearly empty: power has reached its individually randomised level there.
        max: Math.min(MAX_SITES, Math.max(2, Math.floor(sizes.total / 2))),
        ...people,
        overrides: (v) => [`design.sites.count=${v}`],
      };
    case 'design.sites.peoplePerSite': {
      if (!design.plan.sites)
        throw cannotVary('the scenario has no sites: add design.sites to vary the people per site');
      const count = design.plan.sites.count;
      return {
        path,
        label: 'people per site',
        current: sizes.total / count,
        min: 2,
        max: MAX_PEOPLE_PER_SITE,
        ...people,
        overrides: (v) => byTotal(v * count),
      };
    }
    case 'design.caseworkers.count': {
      const caseload = design.plan.caseworkers?.caseload ?? design.costs?.caseload;
      if (caseload === undefined)
        throw cannotVary('the scenario gives no caseload (design.caseworkers or costs.caseload)');
      const controlPerTreated = sizes.treated > 0 ? sizes.control / sizes.treated : 1;
      return {
        path,
        label: `caseworkers (caseload ${caseload})`,
        current: Math.ceil(sizes.treated / caseload),
        min: 1,
        max: 5000,
        ...people,
        overrides: (v) => sizeOf(v * caseload, Math.max(1, Math.round(v * caseload * controlPerTreated))),
      };
    }
    case 'design.caseworkers.caseload':
      if (!design.plan.caseworkers)
        throw cannotVary('the scenario has no caseworkers: add design.caseworkers to vary the caseload');
      return {
        path,
        label: 'caseload per caseworker',
        current: design.plan.caseworkers.caseload,
        min: 1,
        max: 200,
        ...people,
        overrides: (v) => [`design.caseworkers.caseload=${v}`],
      };
    case 'design.followUpMonths':
      return {
        path,
        label: 'months of follow-up',
        current: design.plan.followUpMonths,
        min: 1,
        max: 120,
        integer: true,
        resolution: 1,
        scale: 'log',
        overrides: (v) => [`design.followUpMonths=${v}`],
      };
    case 'recruitment.years': {
      const perYear = design.costs?.eligiblePerAreaPerYear;
      if (perYear === undefined)
        throw cannotVary('recruitment years need costs.eligiblePerAreaPerYear in the scenario');
      const areas = design.plan.sites?.count ?? 1;
      const totalFor = (years: number) => Math.max(4, Math.round(years * perYear * areas));
      return {
        path,
        label: `years of recruitment (${perYear} eligible per area per year, ${areas} area${areas === 1 ? '' : 's'})`,
        current: sizes.total / (perYear * areas),
        min: 0.1,
        max: MAX_RECRUITMENT_YEARS,
        integer: false,
        resolution: 0.1,
        scale: 'sqrt',
        overrides: (v) => byTotal(totalFor(v)),
      };
    }
    default:
      return {
        path,
        label: path,
        current: null,
        min: -Infinity,
        max: Infinity,
        integer: false,
        resolution: 1e-6,
        scale: 'linear',
        overrides: (v) => [`${path}=${v}`],
      };
  }
}

/** True when `path` is one `sample-size` can search (see `SEARCHABLE_PARAMETERS`). */
export function isSearchable(path: string): boolean {
  return (SEARCHABLE_PARAMETERS as readonly string[]).includes(path);
}

/**
 * The parameter `sample-size` searches: `describeParameter` for a path in `SEARCHABLE_PARAMETERS`,
 * else a `PlanningOptionError` listing them.
 *
 * Example: `searchableParameter(design, 'design.nonsense')` throws "--vary design.nonsense is not
 * a parameter sample-size can search".
 */
export function searchableParameter(design: Design, path: string): DesignParameter {
  if (!isSearchable(path)) {
    throw new PlanningOptionError(
      `--vary ${path} is not a parameter sample-size can search`,
      `use one of ${SEARCHABLE_PARAMETERS.join(', ')} (\`curve\` takes any numeric path)`,
    );
  }
  return describeParameter(design, path);
}

/**
 * A rollout's searchable sizes: `design.size.total` is its distinct people (at least one per
 * cluster-period, or per cluster for a closed cohort), written back as `{ total }`; its follow-up
 * moves its period length with it; it has no fixed arms or separate sites to vary. Other paths are
 * described as for any design.
 *
 * Example: milton-keynes-rollout, `design.size.total` at 3000 gives `['design.size={ total: 3000 }']`.
 */
function describeRolloutParameter(
  design: Design,
  path: string,
  rollout: NonNullable<Design['plan']['rollout']>,
  cannotVary: (why: string) => PlanningOptionError,
): DesignParameter {
  const periods = rollout.steps + 1;
  switch (path) {
    case 'design.size.total':
      return {
        path,
        label: 'distinct people',
        current: armSizes(design.plan.size).total,
        min: rollout.sampling === 'closed-cohort' ? rollout.clusters : rollout.clusters * periods,
        max: maxPeopleFor(armSizes(design.plan.size).total),
        integer: true,
        resolution: 1,
        scale: 'sqrt',
        overrides: (v) => [`design.size={ total: ${v} }`],
      };
    case 'design.followUpMonths': {
      // A rollout's follow-up is its period (cross-sectional) or all its periods (closed cohort).
      const base = describeParameter({ ...design, plan: { ...design.plan, rollout: null } }, path);
      const perPeriod = rollout.sampling === 'closed-cohort' ? periods : 1;
      return {
        ...base,
        current: rollout.periodMonths * perPeriod,
        overrides: (v) => [`design.followUpMonths=${v}`, `design.rollout.periodMonths=${v / perPeriod}`],
      };
    }
    case 'design.size.treated':
    case 'design.size.control':
    case 'design.sites.count':
    case 'design.sites.peoplePerSite':
      throw cannotVary(
        'a rollout has no fixed arms and its clusters are its sites: vary design.size.total, or design.rollout.clusters with curve',
      );
    default:
      return describeParameter({ ...design, plan: { ...design.plan, rollout: null } }, path);
  }
}

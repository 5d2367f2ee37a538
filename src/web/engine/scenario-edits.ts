/**
 * The teaching sliders and the commissioner's assumptions as `--set PATH=VALUE` overrides (the
 * command line's own mechanism, so the page can always say which `trialsim run` gives the same
 * result), and writing overrides into the scenario text itself, comments kept, for the download.
 */
import { parseDocument } from 'yaml';
import { armSizes, type Design } from '../../core/design.js';
import { applyOverrides, parsePath } from '../../scenario/overrides.js';
import { sizeOverride } from '../../search/design-parameter.js';

/** Where the effect of outcome k is set: the outcome itself, or the count it is derived from. */
export interface EffectKnob {
  /** Index of the outcome that owns the effect. */
  readonly outcomeIndex: number;
  readonly outcomeLabel: string;
  readonly key: 'rateRatio' | 'riskRatio';
  /** The ratio in the first group (the slider sets one ratio for every group). */
  readonly value: number;
  /** True when the scenario gives different ratios by group (the slider replaces them). */
  readonly byGroup: boolean;
}

/** The scenario's current values of the teaching sliders. */
export interface Knobs {
  /** People in the treated arm. */
  readonly treated: number;
  /** Control people per treated person (kept when the slider moves). */
  readonly controlPerTreated: number;
  /** Null when outcome k's effect is set nowhere (a derived binary of a count without one cannot happen, but be safe). */
  readonly effect: EffectKnob | null;
  /** Negative-binomial dispersion α of the shared propensity (Var = μ + αμ²; α = 1/θ of R's glm.nb); null without count outcomes. */
  readonly dispersion: number | null;
  /** Share of treated people who take up the support, averaged over group shares. */
  readonly engagement: number;
  /** True for a stepped-wedge rollout, whose size is a total (every cluster is treated in turn). */
  readonly rollout: boolean;
}

/**
 * Reads the sliders' values from a design, for the outcome shown (index k).
 *
 * Example: teaching-two-arm, k = 0 → { treated: 100, controlPerTreated: 1, effect: { key:
 * 'riskRatio', value: 0.8, … }, dispersion: null, engagement: 1 }.
 */
export function readKnobs(design: Design, k: number): Knobs {
  const sizes = armSizes(design.plan.size);
  const shareWeighted = (byGroup: Readonly<Record<string, number>>) =>
    design.groups.reduce((sum, group) => sum + group.share * byGroup[group.id], 0);
  return {
    treated: sizes.treated,
    controlPerTreated: sizes.treated > 0 ? sizes.control / sizes.treated : 1,
    effect: effectKnob(design, k),
    dispersion: design.outcomes.some((outcome) => outcome.kind === 'count') ? design.propensityDispersion : null,
    engagement: shareWeighted(design.plan.engagement),
    rollout: Boolean(design.plan.rollout),
  };
}

function effectKnob(design: Design, k: number): EffectKnob | null {
  const outcome = design.outcomes[k];
  const ownerId =
    outcome.kind === 'harm' ? outcome.from : outcome.kind === 'binary' ? (outcome.from ?? outcome.id) : outcome.id;
  const outcomeIndex = design.outcomes.findIndex((o) => o.id === ownerId);
  const owner = design.outcomes[outcomeIndex];
  if (owner === undefined || owner.kind === 'harm') return null;
  const ratios = owner.kind === 'count' ? owner.rateRatio : owner.riskRatio;
  const values = design.groups.map((group) => ratios[group.id]);
  return {
    outcomeIndex,
    outcomeLabel: owner.label,
    key: owner.kind === 'count' ? 'rateRatio' : 'riskRatio',
    value: values[0],
    byGroup: values.some((value) => value !== values[0]),
  };
}

/** The override giving `treated` treated people and the scenario's control:treated ratio. */
export function peopleOverride(knobs: Knobs, treated: number): string {
  if (knobs.rollout) return `design.size.total=${Math.max(2, Math.round(treated * (1 + knobs.controlPerTreated)))}`;
  return sizeOverride(treated, Math.max(1, Math.round(treated * knobs.controlPerTreated)));
}

/** The override setting the effect's ratio, the same in every group. */
export function effectOverride(effect: EffectKnob, ratio: number): string {
  return `outcomes[${effect.outcomeIndex}].effect={ ${effect.key}: ${ratio} }`;
}

/** The override setting the shared propensity's dispersion α (Var = μ + αμ²). */
export function dispersionOverride(alpha: number): string {
  return `cohort.propensity={ dispersion: ${alpha} }`;
}

/** The override setting engagement, the same in every group. */
export function engagementOverride(share: number): string {
  return `design.engagement=${share}`;
}

/**
 * The scenario text with `sets` written into it (comments and layout elsewhere kept), so that
 * compiling the result gives the design that the text with the overrides gives. Paths must be
 * positional (`outcomes[0]`, not `outcomes.knife`), as the page writes them.
 *
 * Example: writeOverrides('design:\n  engagement: 0.6 # assumed\n', ['design.engagement=0.8'])
 * → 'design:\n  engagement: 0.8 # assumed\n'.
 */
export function writeOverrides(text: string, sets: readonly string[]): string {
  if (sets.length === 0) return text;
  const document = parseDocument(text);
  for (const set of sets) {
    const equals = set.indexOf('=');
    const path = parsePath(set.slice(0, equals).trim());
    // The value as `--set` reads it: through the override machinery, on an empty document.
    const value = applyOverrides({}, [`value=${set.slice(equals + 1)}`]).value;
    document.setIn(path, document.createNode(value, { flow: typeof value === 'object' && value !== null }));
  }
  return document.toString();
}

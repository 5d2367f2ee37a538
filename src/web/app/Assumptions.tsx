/**
 * The assumptions behind the commissioning view, listed in words with their values and editable:
 * each edit becomes a `--set` override of the scenario (shown beside the download), so the
 * scenario text stays the record of what was assumed.
 */
import { useEffect, useState } from 'react';
import { armSizes, effectOverride, readKnobs, type Design } from '../engine/index.js';

/** Costs used when a scenario has none, so the fields can be filled in (milton-keynes-scale-up's). */
const DEFAULT_COSTS = { caseworkerAnnualCost: 45000, caseload: 22, perPersonCost: 500, eligiblePerAreaPerYear: 80 };

interface Row {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly value: number;
  readonly step: number;
  readonly min: number;
  readonly max?: number;
  readonly toSet: (value: number) => string;
}

export function Assumptions(props: {
  design: Design;
  baseDesign: Design;
  overrides: Readonly<Record<string, string>>;
  setOverride: (key: string, set: string | null) => void;
}) {
  const rows = assumptionRows(props.design);
  return (
    <section className="card assumptions-card" aria-labelledby="assumptions-heading">
      <h2 id="assumptions-heading">Assumptions</h2>
      <p className="note">
        Every number the verdict rests on. Change one and the simulation runs again; changed values are marked, and
        “Download YAML” writes them into the scenario.
      </p>
      <table className="assumptions">
        <tbody>
          {rows.map((row) => (
            <AssumptionRow
              key={row.key + row.label}
              row={row}
              changed={Object.keys(props.overrides).some((key) => key === row.key.split('#')[0])}
              onCommit={(value) => props.setOverride(row.key.split('#')[0], row.toSet(value))}
            />
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={() => props.setOverride('*', null)}>
        Back to the scenario’s values
      </button>
    </section>
  );
}

function AssumptionRow(props: { row: Row; changed: boolean; onCommit: (value: number) => void }) {
  const { row } = props;
  const [text, setText] = useState(String(row.value));
  useEffect(() => setText(String(row.value)), [row.value]);
  const id = `assumption-${row.key}-${row.label}`.replace(/[^a-z0-9-]/gi, '-');
  const commit = () => {
    const value = Number(text);
    if (text.trim() !== '' && Number.isFinite(value) && value !== row.value) props.onCommit(value);
  };
  return (
    <tr className={props.changed ? 'changed' : undefined}>
      <th scope="row">
        <label htmlFor={id}>{row.label}</label>
      </th>
      <td>
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={row.step}
          min={row.min}
          max={row.max}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
        />
      </td>
      <td className="unit">{row.unit}</td>
    </tr>
  );
}

/** The rows: sizes, follow-up, engagement, each effect and control rate, dispersion, costs. */
export function assumptionRows(design: Design): Row[] {
  const sizes = armSizes(design.plan.size);
  const knobs = readKnobs(design, 0);
  const costs = design.costs ?? DEFAULT_COSTS;
  const costsSet = (field: keyof typeof DEFAULT_COSTS) => (value: number) => {
    const next = { ...costs, [field]: value };
    return `costs={ caseworkerAnnualCost: ${next.caseworkerAnnualCost}, caseload: ${next.caseload}, perPersonCost: ${next.perPersonCost}, eligiblePerAreaPerYear: ${next.eligiblePerAreaPerYear} }`;
  };
  const shareWeighted = (byGroup: Readonly<Record<string, number>>) =>
    design.groups.reduce((sum, group) => sum + group.share * byGroup[group.id], 0);
  const rows: Row[] = [
    {
      key: 'people#treated',
      label: 'People offered support (treated)',
      unit: 'people',
      value: sizes.treated,
      step: 1,
      min: 1,
      toSet: (value) => `design.size={ treated: ${Math.round(value)}, control: ${sizes.control} }`,
    },
    {
      key: 'people#control',
      label: 'People in the control arm',
      unit: 'people',
      value: sizes.control,
      step: 1,
      min: 1,
      toSet: (value) => `design.size={ treated: ${sizes.treated}, control: ${Math.round(value)} }`,
    },
    {
      key: 'followUp',
      label: 'Support and follow-up',
      unit: 'months',
      value: design.plan.followUpMonths,
      step: 1,
      min: 1,
      toSet: (value) => `design.followUpMonths=${value}`,
    },
    {
      key: 'engagement',
      label: 'Engagement: share who take up the support',
      unit: 'share (0–1)',
      value: round(knobs.engagement, 3),
      step: 0.05,
      min: 0,
      max: 1,
      toSet: (value) => `design.engagement=${value}`,
    },
  ];
  design.outcomes.forEach((outcome, i) => {
    const own = outcome.kind === 'count' || (outcome.kind === 'binary' && outcome.from === null);
    if (own) {
      const effect = readKnobs(design, i).effect!;
      rows.push({
        key: `effect:${i}`,
        label: `Effect on ${outcome.label} (for engaged people)`,
        unit: `${effect.key === 'rateRatio' ? 'rate' : 'risk'} ratio${effect.byGroup ? ', one for all groups' : ''}`,
        value: effect.value,
        step: 0.01,
        min: 0.01,
        toSet: (value) => effectOverride(effect, value),
      });
    }
    if (outcome.kind === 'count')
      rows.push({
        key: `rate:${i}`,
        label: `${outcome.label}: control rate`,
        unit: `per person-year${new Set(Object.values(outcome.ratePerYear)).size > 1 ? ' (average of groups; sets all)' : ''}`,
        value: round(shareWeighted(outcome.ratePerYear), 3),
        step: 0.05,
        min: 0,
        toSet: (value) => `outcomes[${i}].ratePerYear=${value}`,
      });
  });
  if (knobs.dispersion !== null)
    rows.push({
      key: 'dispersion',
      label: 'Dispersion α of offending between people',
      unit: 'Var = μ + αμ² (α = 1/θ)',
      value: knobs.dispersion,
      step: 0.1,
      min: 0,
      toSet: (value) => `cohort.propensity={ dispersion: ${value} }`,
    });
  rows.push(
    {
      key: 'costs#salary',
      label: 'Caseworker cost a year',
      unit: '£ with on-costs',
      value: costs.caseworkerAnnualCost,
      step: 1000,
      min: 0,
      toSet: costsSet('caseworkerAnnualCost'),
    },
    {
      key: 'costs#caseload',
      label: 'Caseload',
      unit: 'people per caseworker',
      value: costs.caseload,
      step: 1,
      min: 1,
      toSet: costsSet('caseload'),
    },
    {
      key: 'costs#perPerson',
      label: 'Other costs per person supported',
      unit: '£',
      value: costs.perPersonCost,
      step: 50,
      min: 0,
      toSet: costsSet('perPersonCost'),
    },
    {
      key: 'costs#eligible',
      label: 'Eligible people per area a year',
      unit: 'people',
      value: costs.eligiblePerAreaPerYear,
      step: 5,
      min: 1,
      toSet: costsSet('eligiblePerAreaPerYear'),
    },
  );
  return rows;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

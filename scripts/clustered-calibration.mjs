#!/usr/bin/env node
// Measures, by simulation with the current core, the type I error and coverage of the person-level
// analyses (negative-binomial, quasi-Poisson, …) and of the cluster-robust analysis
// (src/core/analysis/cluster-robust.ts: CR2 with Satterthwaite degrees of freedom, and CR1 with
// t(G − 1)) on partially clustered designs, where treated people share a caseworker and controls
// do not. A measurement aid written before the analysis joins the scenario language; the numbers
// it prints are quoted in docs/clustered-analysis.md. Run after `npm run build`:
//   node scripts/clustered-calibration.mjs [--trials N] [--design NAME]... [--sweep [--controls N]]
//     [--set PATH=VALUE]... [--json]
// Designs: see DESIGNS below (--list prints them). --sweep runs the caseworker-count sweep instead
// (1:1, or N controls with --controls); --set applies an override to every design of the run.
//
// Each trial is drawn as src/core/trial.ts draws it (cohort, assignment, outcomes from the trial's
// own stream), three times on the same stream: with the scenario's effects (for coverage of the
// true intention-to-treat ratio), under the tool's paired null (no effect, and caseworkers make no
// difference either: the sharp null), and under a clustered null (no effect on average, but
// caseworkers still vary: the null a cluster-robust test must hold its size under).
// Monte Carlo intervals are Wilson 95% intervals. Flags: a rejection rate whose interval lies
// wholly outside Bradley's liberal band [0.5α, 1.5α], a coverage whose interval lies wholly
// outside [92.5%, 97.5%].
import { analyse } from '../dist/src/core/analysis/analyse.js';
import { summariseClusteredArms } from '../dist/src/core/analysis/clustered-arms.js';
import { testClusterRobust } from '../dist/src/core/analysis/cluster-robust.js';
import { plannedClusterRobustDegreesOfFreedom } from '../dist/src/core/analysis/planned-cluster-robust-df.js';
import { estimateNegativeBinomialSize } from '../dist/src/core/analysis/negative-binomial-dispersion.js';
import { summariseArms } from '../dist/src/core/analysis/outcome-data.js';
import { assign } from '../dist/src/core/assignment/assign.js';
import { wilsonInterval } from '../dist/src/core/diagnosis/wilson-interval.js';
import { drawCohort } from '../dist/src/core/model/cohort.js';
import { drawOutcomes } from '../dist/src/core/model/outcomes.js';
import { trialStream } from '../dist/src/core/rng/trial-stream.js';
import { prepareTrial } from '../dist/src/core/trial.js';
import { loadDesign } from '../dist/src/scenario/load-design.js';
import { ScenarioError } from '../dist/src/scenario/scenario-error.js';

/** The designs measured by default: a built-in scenario and --set overrides. */
const DESIGNS = {
  // The trial as run: 45 treated dealt to ⌈45/22⌉ = 3 caseworkers, 120 controls.
  'milton-keynes': { scenario: 'milton-keynes', sets: [], outcomes: ['crime', 'knife', 'any-crime', 'harm'] },
  // A partially clustered replication with 12 caseworkers (264 treated at caseload 22, 264 controls).
  'milton-keynes-12-caseworkers': {
    scenario: 'milton-keynes',
    sets: ['design.size={ treated: 264, control: 264 }'],
    outcomes: ['crime', 'knife', 'any-crime', 'harm'],
  },
  // The same at the top of the plausible caseworker ICC range.
  'milton-keynes-12-caseworkers-icc-0.05': {
    scenario: 'milton-keynes',
    sets: ['design.size={ treated: 264, control: 264 }', 'design.caseworkers.icc=0.05'],
    outcomes: ['crime', 'knife'],
  },
  // The scale-up as written: 10 partnerships cluster randomised (clusters = partnerships, caseworkers nested).
  'milton-keynes-scale-up': {
    scenario: 'milton-keynes-scale-up',
    sets: [],
    outcomes: ['knife', 'crime', 'any-crime', 'harm'],
  },
  // The scale-up with young people randomised within each partnership: 2 caseworkers in each of
  // 10 partnerships (20 in all) serve the treated; controls are singletons. Person-level analyses
  // replace cluster-summary, which needs cluster randomisation.
  'milton-keynes-scale-up-individual': {
    scenario: 'milton-keynes-scale-up',
    sets: [
      'design.randomisation=stratified',
      'design.strata=[site]',
      'outcomes.knife.analysis=negative-binomial',
      'outcomes.crime.analysis=negative-binomial',
      'outcomes.any-crime.analysis=two-proportion-z',
      'outcomes.harm.analysis=mann-whitney',
    ],
    outcomes: ['knife', 'crime', 'any-crime', 'harm'],
  },
};

/** The sweep: the Milton Keynes model with caseload 22 and G caseworkers (22·G treated, 22·G controls). */
const SWEEP_CASEWORKERS = [2, 3, 4, 5, 6, 8, 10, 15, 20];

const RUNS = ['effect', 'sharpNull', 'clusteredNull'];

/** A bad command-line argument. */
class UsageError extends Error {}

function parseArguments(argv) {
  const options = { trials: 10000, designs: [], sweep: false, json: false, list: false, sets: [], controls: null };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--trials') options.trials = Number(argv[++i]);
    else if (argument === '--design') options.designs.push(argv[++i]);
    else if (argument === '--sweep') options.sweep = true;
    else if (argument === '--set') options.sets.push(argv[++i]);
    else if (argument === '--controls') options.controls = Number(argv[++i]);
    else if (argument === '--json') options.json = true;
    else if (argument === '--list') options.list = true;
    else {
      throw new UsageError(
        `unknown argument ${argument} (expected --trials N, --design NAME, --sweep, --controls N, --set PATH=VALUE, --json, --list)`,
      );
    }
  }
  if (!(Number.isInteger(options.trials) && options.trials > 0))
    throw new UsageError('--trials must be a positive whole number');
  for (const name of options.designs) {
    if (!(name in DESIGNS)) throw new UsageError(`unknown design ${name}; one of ${Object.keys(DESIGNS).join(', ')}`);
  }
  return options;
}

/** The analyses measured for an outcome: the scenario's own, the person-level alternatives, and the cluster-robust ones. */
function analysesFor(outcome) {
  const own = { label: `${outcome.analysis} (scenario)`, kind: 'core', name: outcome.analysis };
  if (outcome.kind === 'count') {
    return [
      own,
      ...(outcome.analysis === 'negative-binomial'
        ? []
        : [{ label: 'negative-binomial', kind: 'core', name: 'negative-binomial' }]),
      { label: 'quasi-poisson', kind: 'core', name: 'quasi-poisson' },
      { label: 'CR2 Poisson working', kind: 'robust', correction: 'CR2', working: 'poisson' },
      { label: 'CR2 NB working', kind: 'robust', correction: 'CR2', working: 'negative-binomial' },
      { label: 'CR1 t(G-1)', kind: 'robust', correction: 'CR1', working: 'poisson' },
    ];
  }
  if (outcome.kind === 'binary') {
    return [
      own,
      ...(outcome.analysis === 'risk-ratio' ? [] : [{ label: 'risk-ratio', kind: 'core', name: 'risk-ratio' }]),
      { label: 'CR2 binomial working', kind: 'robust', correction: 'CR2', working: 'binomial' },
      { label: 'CR1 t(G-1)', kind: 'robust', correction: 'CR1', working: 'binomial' },
    ];
  }
  return [
    own,
    { label: 'quasi-poisson', kind: 'core', name: 'quasi-poisson' },
    { label: 'CR2 quasi-Poisson working', kind: 'robust', correction: 'CR2', working: 'poisson' },
    { label: 'CR1 t(G-1)', kind: 'robust', correction: 'CR1', working: 'poisson' },
  ];
}

/** α of the working variance μ + αμ² for one trial's data. */
function workingDispersion(working, values, treated) {
  if (working === 'poisson') return 0;
  if (working === 'binomial') return -1;
  const { treated: t, control: c } = summariseArms({ values, treated, integerValued: true }, true);
  if (t.sum === 0 || c.sum === 0) return 0;
  const size = estimateNegativeBinomialSize(t.histogram, c.histogram, {
    count: 2,
    n: Float64Array.of(t.n, c.n),
    sum: Float64Array.of(t.sum, c.sum),
    sumSquares: Float64Array.of(t.sumSquares, c.sumSquares),
    mean: Float64Array.of(t.sum / t.n, c.sum / c.n),
  });
  return Number.isFinite(size) && size > 0 ? 1 / size : 0;
}

/** The analysed people of one outcome, as src/core/trial.ts's OutcomeViews picks them, plus each person's cluster. */
function outcomeView(design, cohort, treated, data, k) {
  const outcome = design.outcomes[k];
  const groupIndex = outcome.within === null ? -1 : design.groups.findIndex((g) => g.id === outcome.within);
  const indices = [];
  for (let i = 0; i < cohort.size; i++) {
    if (data.observed[i] && (groupIndex < 0 || cohort.group[i] === groupIndex)) indices.push(i);
  }
  const countIndex = new Map(design.outcomes.map((o, j) => [o.id, j]));
  const source = outcome.kind === 'count' ? k : outcome.from !== null ? countIndex.get(outcome.from) : undefined;
  const prior =
    design.analysis.adjustForPrior && cohort.priorCounts && source !== undefined ? cohort.priorCounts[source] : null;
  const clusterRandomised = design.plan.randomisation === 'cluster';
  const values = Float64Array.from(indices, (i) => data.values[k][i]);
  const picked = Uint8Array.from(indices, (i) => treated[i]);
  // Cluster randomisation: the partnership (caseworkers are nested in it). Otherwise a treated
  // person's caseworker, and −1 (a cluster of their own) for each control.
  const robustCluster = Int32Array.from(indices, (i) => (clusterRandomised ? cohort.site[i] : data.caseworker[i]));
  return {
    outcomeData: {
      values,
      treated: picked,
      cluster: clusterRandomised ? Int32Array.from(indices, (i) => cohort.site[i]) : null,
      prior: prior === null ? null : Float64Array.from(indices, (i) => prior[i]),
      integerValued: outcome.kind !== 'harm',
      rerandomise: null,
    },
    robustCluster,
  };
}

function newTally() {
  return { trials: 0, failures: 0, rejections: 0, covered: 0, sumDf: 0, dfBelow4: 0 };
}

/** Simulates `trials` trials of one design and tallies every analysis of every chosen outcome in the three runs. */
function measure(design, outcomeIds, trials) {
  const context = prepareTrial(design);
  const seed = design.simulation.seed;
  const chosen = outcomeIds.map((id) => {
    const k = design.outcomes.findIndex((o) => o.id === id);
    if (k < 0) throw new Error(`no outcome ${id} in ${design.name}`);
    const analyses = analysesFor(design.outcomes[k]);
    return { k, id, analyses, tallies: Object.fromEntries(RUNS.map((run) => [run, analyses.map(newTally)])) };
  });
  let caseworkers = 0;
  let plannedDf = NaN;
  for (let trial = 0; trial < trials; trial++) {
    for (const run of RUNS) {
      const rng = trialStream(seed, trial);
      const cohort = drawCohort(design, rng);
      const treated = assign(design, cohort, rng);
      const effect = run === 'effect';
      const ratios = effect ? context.statedRatios : context.nullRatios;
      const data = drawOutcomes(design, cohort, treated, ratios, rng, run !== 'sharpNull');
      if (trial === 0 && effect) {
        caseworkers = new Set(data.caseworker.filter((c) => c >= 0)).size;
        plannedDf = plannedDegreesOfFreedom(design, cohort, treated, data);
      }
      for (const { k, analyses, tallies } of chosen) {
        const truth = effect ? context.statedLogTruth[k] : 0;
        const { outcomeData, robustCluster } = outcomeView(design, cohort, treated, data, k);
        analyses.forEach((analysis, a) => {
          const result = runAnalysis(analysis, outcomeData, robustCluster, design);
          const tally = tallies[run][a];
          tally.trials += 1;
          if (result.failed) {
            tally.failures += 1;
            return;
          }
          if (result.pValue < design.analysis.alpha) tally.rejections += 1;
          if (result.lower <= truth && truth <= result.upper) tally.covered += 1;
          if (result.degreesOfFreedom !== undefined) {
            tally.sumDf += result.degreesOfFreedom;
            if (result.degreesOfFreedom < 4) tally.dfBelow4 += 1;
          }
        });
      }
    }
  }
  return { caseworkers, plannedDf, chosen, truth: context.statedLogTruth };
}

/** The CR2 degrees of freedom the design implies before any attrition, from trial 0's clusters. */
function plannedDegreesOfFreedom(design, cohort, treated, data) {
  const clusterRandomised = design.plan.randomisation === 'cluster';
  const layout = (arm) => {
    const sizes = new Map();
    let singletons = 0;
    for (let i = 0; i < cohort.size; i++) {
      if (treated[i] !== arm) continue;
      const c = clusterRandomised ? cohort.site[i] : data.caseworker[i];
      if (c < 0) singletons += 1;
      else sizes.set(c, (sizes.get(c) ?? 0) + 1);
    }
    return { singletons, clusterSizes: [...sizes.values()] };
  };
  return plannedClusterRobustDegreesOfFreedom(layout(1), layout(0));
}

function runAnalysis(analysis, outcomeData, robustCluster, design) {
  if (analysis.kind === 'core') return analyse(analysis.name, outcomeData, design.analysis, null);
  const arms = summariseClusteredArms(outcomeData.values, outcomeData.treated, robustCluster);
  if (arms === null) return { failed: true };
  const dispersion = workingDispersion(analysis.working, outcomeData.values, outcomeData.treated);
  return testClusterRobust(arms, design.analysis, { workingDispersion: dispersion, correction: analysis.correction });
}

function rate(successes, n) {
  const [low, high] = wilsonInterval(successes, n);
  return { value: n > 0 ? successes / n : NaN, low, high };
}

function flagRejection(r, alpha) {
  return r.low > 1.5 * alpha ? ' !' : r.high < 0.5 * alpha ? ' ↓' : '';
}

function flagCoverage(r) {
  return r.high < 0.925 ? ' !' : r.low > 0.975 ? ' ↑' : '';
}

function percent(r) {
  return `${(100 * r.value).toFixed(1)} [${(100 * r.low).toFixed(1)}, ${(100 * r.high).toFixed(1)}]`;
}

function summarise(name, design, measured, trials) {
  const alpha = design.analysis.alpha;
  const rows = [];
  for (const { id, analyses, tallies } of measured.chosen) {
    analyses.forEach((analysis, a) => {
      const effect = tallies.effect[a];
      const sharp = tallies.sharpNull[a];
      const clustered = tallies.clusteredNull[a];
      const coverage = rate(effect.covered, effect.trials - effect.failures);
      const sharpType1 = rate(sharp.rejections, sharp.trials);
      const clusteredType1 = rate(clustered.rejections, clustered.trials);
      rows.push({
        design: name,
        outcome: id,
        analysis: analysis.label,
        coverage,
        coverageFlag: flagCoverage(coverage).trim(),
        typeISharpNull: sharpType1,
        typeISharpFlag: flagRejection(sharpType1, alpha).trim(),
        typeIClusteredNull: clusteredType1,
        typeIClusteredFlag: flagRejection(clusteredType1, alpha).trim(),
        power: rate(effect.rejections, effect.trials),
        meanDf:
          effect.trials - effect.failures > 0 && effect.sumDf > 0
            ? effect.sumDf / (effect.trials - effect.failures)
            : null,
        shareDfBelow4: effect.sumDf > 0 ? effect.dfBelow4 / (effect.trials - effect.failures) : null,
        failures: effect.failures,
      });
    });
  }
  return { design: name, trials, caseworkers: measured.caseworkers, plannedDf: measured.plannedDf, rows };
}

function printTable(summary, sets) {
  const lines = [
    `## ${summary.design}${sets.length ? ` (--set ${sets.join(' --set ')})` : ''}`,
    `${summary.trials} trials; ${summary.caseworkers} caseworkers in trial 0; planned CR2 df ${summary.plannedDf.toFixed(1)}. ` +
      'Percentages with Wilson 95% Monte Carlo intervals.',
    '',
    '| outcome | analysis | coverage | type I (clustered null) | type I (sharp null) | power | mean df | failed |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of summary.rows) {
    lines.push(
      `| ${row.outcome} | ${row.analysis} | ${percent(row.coverage)}${flagCoverage(row.coverage)} | ` +
        `${percent(row.typeIClusteredNull)}${row.typeIClusteredFlag ? ' ' + row.typeIClusteredFlag : ''} | ` +
        `${percent(row.typeISharpNull)}${row.typeISharpFlag ? ' ' + row.typeISharpFlag : ''} | ` +
        `${(100 * row.power.value).toFixed(1)} | ${row.meanDf === null ? '' : row.meanDf.toFixed(1)} | ${row.failures} |`,
    );
  }
  console.log(lines.join('\n') + '\n');
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.list) {
    for (const [name, spec] of Object.entries(DESIGNS)) console.log(`${name}: ${spec.scenario} ${spec.sets.join(' ')}`);
    return;
  }
  const plans = options.sweep
    ? SWEEP_CASEWORKERS.map((g) => ({
        name: `milton-keynes-${g}-caseworkers`,
        scenario: 'milton-keynes',
        sets: [`design.size={ treated: ${22 * g}, control: ${options.controls ?? 22 * g} }`, ...options.sets],
        outcomes: ['crime', 'knife'],
      }))
    : (options.designs.length ? options.designs : Object.keys(DESIGNS)).map((name) => ({
        name,
        ...DESIGNS[name],
        sets: [...DESIGNS[name].sets, ...options.sets],
      }));
  const summaries = [];
  for (const plan of plans) {
    const { design } = await loadDesign(plan.scenario, plan.sets);
    const started = performance.now();
    const measured = measure(design, plan.outcomes, options.trials);
    const summary = summarise(plan.name, design, measured, options.trials);
    summary.seconds = Math.round((performance.now() - started) / 100) / 10;
    summaries.push(summary);
    if (!options.json) printTable(summary, plan.sets);
    else console.error(`${plan.name}: ${summary.seconds}s`);
  }
  if (options.json) console.log(JSON.stringify(summaries, null, 2));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  // Bad arguments or a scenario problem are the user's to fix (2); anything else is a bug (1).
  process.exitCode = error instanceof UsageError || error instanceof ScenarioError ? 2 : 1;
});

#!/usr/bin/env node
// Measures, by simulation with the current core, the type I error and coverage of the person-level
// analyses (negative-binomial, quasi-Poisson, …) and of the cluster-robust analysis
// (src/core/analysis/cluster-robust.ts: CR2 with Satterthwaite degrees of freedom, and CR1 with
// t(G − 1)) on partially clustered designs, where treated people share a caseworker and controls
// do not. A measurement aid; the numbers it prints are quoted in docs/clustered-analysis.md
// ("How it behaves: simulation"). Run after `npm run build`:
//   node scripts/clustered-calibration.mjs [--trials N] [--design NAME]... [--sweep [--controls N]]
//     [--set PATH=VALUE]... [--json] [--list]
// Designs: see DESIGNS below (--list prints them). --sweep runs the caseworker-count sweep instead
// (1:1, or N controls with --controls); --set applies an override to every design of the run.
//
// Every trial is the core's own (src/core/trial.ts, `simulateTrial`), drawn on the person engine
// so that every analysis is judged on the same trials, in three runs on the trial's one stream:
// - effect: the scenario's effects (power, and coverage of the true intention-to-treat ratio);
// - sharp null: the tool's paired null run (no effect, and caseworkers make no difference either);
// - clustered null: the main run of the same design with every effect set to 1 (no effect on
//   average, but caseworkers and sites still vary: the null a cluster-robust test must hold its
//   size under). It is the sharp null's draw with the caseworker multipliers left on: the person
//   form draws those multipliers in both runs (src/core/model/caseworkers.ts).
// Each analysis in the scenario language is a design variant (`--set outcomes.ID.analysis=…`), so
// `simulateTrial` runs it as `trialsim run` would. Two variants the scenario language does not
// offer — CR2 with a negative-binomial working model, and CR1 with t(G − 1) — are computed from the
// analysis input of the cluster-robust variant, read by walking the person form's steps as
// `simulateTrial` walks them (checked against `simulateTrial` on the first trials of every run).
// Monte Carlo intervals are Wilson 95% intervals. Flags: a rejection rate whose interval lies
// wholly outside Bradley's liberal band [0.5α, 1.5α], a coverage whose interval lies wholly
// outside [92.5%, 97.5%].
import { analyse } from '../dist/src/core/analysis/analyse.js';
import { testClusterRobust } from '../dist/src/core/analysis/cluster-robust.js';
import { estimateNegativeBinomialSize } from '../dist/src/core/analysis/negative-binomial-dispersion.js';
import { summariseArms } from '../dist/src/core/analysis/outcome-data.js';
import { planClusters } from '../dist/src/core/analysis/planned-cluster-layout.js';
import { wilsonInterval } from '../dist/src/core/diagnosis/wilson-interval.js';
import { prepareDesign } from '../dist/src/core/prepare-design.js';
import { trialStream } from '../dist/src/core/rng/trial-stream.js';
import { simulateTrial } from '../dist/src/core/trial.js';
import { UserError } from '../dist/src/errors/user-error.js';
import { designWith, loadDesign } from '../dist/src/scenario/load-design.js';

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

/** Trials of each run on which the person-form walk is checked against `simulateTrial`. */
const CHECKED_TRIALS = 10;

/** Person-level alternatives to the scenario's own analysis, by outcome kind (scenario-language names). */
const ALTERNATIVES = {
  count: ['negative-binomial', 'quasi-poisson'],
  binary: ['risk-ratio'],
  harm: ['quasi-poisson'],
};

/** The analysis of an outcome whose results a design variant does not read: the cheapest, by outcome kind. */
const UNREAD_ANALYSIS = { count: 'poisson-wald', binary: 'two-proportion-z', harm: 'welch-t' };

/** The label of the cluster-robust analysis (CR2, the working model the core uses), by outcome kind. */
const CR2_LABEL = { count: 'CR2 Poisson working', binary: 'CR2 binomial working', harm: 'CR2 quasi-Poisson working' };

/** A bad command-line argument. */
class UsageError extends UserError {}

function parseArguments(argv) {
  const options = { trials: 10000, designs: [], sweep: false, json: false, list: false, sets: [], controls: null };
  const valueOf = (i, flag) => {
    if (i >= argv.length) throw new UsageError(`${flag} needs a value`);
    return argv[i];
  };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--trials') options.trials = Number(valueOf(++i, argument));
    else if (argument === '--design') options.designs.push(valueOf(++i, argument));
    else if (argument === '--sweep') options.sweep = true;
    else if (argument === '--set') options.sets.push(valueOf(++i, argument));
    else if (argument === '--controls') options.controls = Number(valueOf(++i, argument));
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
  if (options.controls !== null && !(Number.isInteger(options.controls) && options.controls > 0))
    throw new UsageError('--controls must be a positive whole number');
  if (options.controls !== null && !options.sweep) throw new UsageError('--controls applies to --sweep only');
  for (const name of options.designs) {
    if (!(name in DESIGNS)) throw new UsageError(`unknown design ${name}; one of ${Object.keys(DESIGNS).join(', ')}`);
  }
  return options;
}

/**
 * The analyses measured for each chosen outcome, as design variants: slot 0 is the scenario as
 * written, then one slot per person-level alternative, then the cluster-robust slot. Each slot
 * sets the chosen outcomes' analyses; the other outcomes are not read.
 */
function planSlots(design, outcomeIds) {
  const chosen = outcomeIds.map((id) => {
    const k = design.outcomes.findIndex((o) => o.id === id);
    if (k < 0) throw new Error(`no outcome ${id} in ${design.name}`);
    const outcome = design.outcomes[k];
    const alternatives = ALTERNATIVES[outcome.kind].filter((name) => name !== outcome.analysis);
    return { k, id, kind: outcome.kind, own: outcome.analysis, alternatives };
  });
  const widest = Math.max(0, ...chosen.map((c) => c.alternatives.length));
  const slots = [{ robust: false, analyses: new Map(chosen.map((c) => [c.id, c.own])) }];
  for (let j = 0; j < widest; j++) {
    const analyses = new Map(chosen.filter((c) => j < c.alternatives.length).map((c) => [c.id, c.alternatives[j]]));
    slots.push({ robust: false, analyses });
  }
  slots.push({ robust: true, analyses: new Map(chosen.map((c) => [c.id, 'cluster-robust'])) });
  return { chosen, slots };
}

/** The --set overrides that give every outcome no effect, on average (binaries built on a count have none of their own). */
function noEffectOverrides(design) {
  return design.outcomes.flatMap((o) => {
    if (o.kind === 'count') return [`outcomes.${o.id}.effect={ rateRatio: 1 }`];
    if (o.kind === 'harm') return [`outcomes.${o.id}.effect={ severityRatio: 1 }`];
    return o.from === null ? [`outcomes.${o.id}.effect={ riskRatio: 1 }`] : [];
  });
}

/** The prepared design of a variant, on the person form, with fixed effects (the walk below relies on both). */
function prepareVariant(loaded, overrides) {
  const prepared = prepareDesign(designWith(loaded, overrides).design);
  if (prepared.design.plan.rollout)
    throw new UsageError('the calibration measures individually or cluster randomised designs, not a rollout');
  if (prepared.drawsEffects)
    throw new UsageError(
      'the calibration needs fixed effects: an effect drawn per trial (a range, a lognormal or a replication plan) is not measured here',
    );
  if (prepared.form.kind !== 'person') throw new Error('expected the person form (simulation.engine=person)');
  return prepared;
}

/**
 * The person form's measurement of one trial, walked as `simulateTrial` walks it (the trial's
 * stream; cohort, assignment, measurement with the stated or null ratios; caseworkers varying
 * except in the paired null run), so that the analysis input can be read.
 */
function measureTrial(prepared, trialIndex, nullRun) {
  const { design, form } = prepared;
  const rng = trialStream(design.simulation.seed, trialIndex);
  const ratios = nullRun ? prepared.nullRatios : prepared.statedRatios;
  const cohort = form.drawCohort(rng);
  const assignment = form.assign(cohort, rng);
  return form.measure(cohort, assignment, ratios, rng, !nullRun);
}

/**
 * α of the negative-binomial working variance μ + αμ² (α = 1/θ of R's glm.nb) fitted to one
 * outcome's analysed people with the arm means as fitted means; 0 at the Poisson limit.
 */
function negativeBinomialDispersion(people) {
  const { treated: t, control: c } = summariseArms(people, true);
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

/** The cluster-robust variants the scenario language does not offer, computed from one outcome's input. */
function extraRobustResults(kind, input, plan) {
  const clustered = input.caseworkerClusters;
  const failed = { failed: true };
  const extras = [];
  if (kind === 'count') {
    const workingDispersion = negativeBinomialDispersion(input.people);
    extras.push(
      clustered.arms === null
        ? failed
        : testClusterRobust(clustered.arms, plan, { workingDispersion, correction: 'CR2' }),
    );
  }
  extras.push(
    clustered.arms === null
      ? failed
      : testClusterRobust(clustered.arms, plan, { workingDispersion: clustered.workingDispersion, correction: 'CR1' }),
  );
  return extras;
}

function extraLabels(kind) {
  return kind === 'count' ? ['CR2 NB working', 'CR1 t(G-1)'] : ['CR1 t(G-1)'];
}

/** Throws when the walk's cluster-robust result differs from `simulateTrial`'s (the walk drifted from the spine). */
function checkWalk(walked, recorded, where) {
  const same = (a, b) => (Number.isNaN(a) && Number.isNaN(b)) || a === b;
  const fields = ['failed', 'logEstimate', 'standardError', 'lower', 'upper', 'pValue'];
  if (!fields.every((f) => same(walked[f], recorded[f])))
    throw new Error(`the person-form walk differs from simulateTrial at ${where}`);
}

function newTally() {
  return { trials: 0, failures: 0, rejections: 0, covered: 0, sumDf: 0, dfBelow4: 0 };
}

function tallyResult(tally, result, truth, alpha) {
  tally.trials += 1;
  if (result.failed) {
    tally.failures += 1;
    return;
  }
  if (result.pValue < alpha) tally.rejections += 1;
  if (result.lower <= truth && truth <= result.upper) tally.covered += 1;
  if (Number.isFinite(result.degreesOfFreedom)) {
    tally.sumDf += result.degreesOfFreedom;
    if (result.degreesOfFreedom < 4) tally.dfBelow4 += 1;
  }
}

/** Simulates `trials` trials of one design and tallies every analysis of every chosen outcome in the three runs. */
function measure(loaded, outcomeIds, trials) {
  const { design } = loaded;
  const { chosen, slots } = planSlots(design, outcomeIds);
  const noEffect = noEffectOverrides(design);
  for (const slot of slots) {
    // Outcomes whose results a slot does not read get an analysis that costs nothing (the draws do not depend on it).
    const overrides = design.outcomes.map(
      (o) => `outcomes.${o.id}.analysis=${slot.analyses.get(o.id) ?? UNREAD_ANALYSIS[o.kind]}`,
    );
    slot.prepared = prepareVariant(loaded, overrides);
    slot.noEffectPrepared = prepareVariant(loaded, [...overrides, ...noEffect]);
    // Every ratio is 1. (A binary built on a count still has a true risk ratio a little below 1 —
    // −0.006 on the log scale for any-crime with 12 caseworkers — because caseworker variation
    // lowers the chance of any event more in the treated arm than it raises it: Jensen's inequality.)
    if (!slot.noEffectPrepared.statedRatios.every((byGroup) => byGroup.every((ratio) => ratio === 1)))
      throw new Error('the clustered null has an effect');
  }
  // Rows per outcome: the slots' analyses in slot order, then the extra cluster-robust variants.
  for (const c of chosen) {
    c.rows = [];
    slots.forEach((slot, s) => {
      const name = slot.analyses.get(c.id);
      if (name === undefined) return;
      const label = s === 0 ? `${name} (scenario)` : slot.robust ? CR2_LABEL[c.kind] : name;
      c.rows.push({ label, slot: s, extra: -1 });
    });
    extraLabels(c.kind).forEach((label, extra) => c.rows.push({ label, slot: slots.length - 1, extra }));
    c.tallies = Object.fromEntries(RUNS.map((run) => [run, c.rows.map(newTally)]));
  }
  const alpha = design.analysis.alpha;
  let caseworkers = 0;
  for (let trial = 0; trial < trials; trial++) {
    for (const run of RUNS) {
      const nullRun = run === 'sharpNull';
      slots.forEach((slot, s) => {
        const prepared = run === 'clusteredNull' ? slot.noEffectPrepared : slot.prepared;
        const record = simulateTrial(prepared, trial, nullRun);
        const measured = slot.robust ? measureTrial(prepared, trial, nullRun) : null;
        if (measured !== null && trial === 0 && run === 'effect')
          caseworkers = new Set(measured.data.caseworker.filter((w) => w >= 0)).size;
        for (const c of chosen) {
          if (!slot.analyses.has(c.id)) continue;
          const truth = record.logEstimands[c.k];
          let extras = null;
          if (measured !== null) {
            const input = prepared.form.analysisInput(measured, c.k);
            if (trial < CHECKED_TRIALS) {
              const walked = analyse('cluster-robust', input, prepared.design.analysis, null);
              checkWalk(walked, record.results[c.k], `trial ${trial}, ${run}, ${c.id}`);
            }
            extras = extraRobustResults(c.kind, input, prepared.design.analysis);
          }
          c.rows.forEach((row, r) => {
            if (row.slot !== s) return;
            const result = row.extra < 0 ? record.results[c.k] : extras[row.extra];
            tallyResult(c.tallies[run][r], result, truth, alpha);
          });
        }
      });
    }
  }
  return { caseworkers, plannedDf: planClusters(design)?.plannedDegreesOfFreedom ?? NaN, chosen };
}

function rate(successes, n) {
  const [low, high] = wilsonInterval(successes, n);
  return { value: n > 0 ? successes / n : NaN, low, high };
}

function flagRejection(r, alpha) {
  return r.low > 1.5 * alpha ? '!' : r.high < 0.5 * alpha ? '↓' : '';
}

function flagCoverage(r) {
  return r.high < 0.925 ? '!' : r.low > 0.975 ? '↑' : '';
}

function percent(r) {
  return `${(100 * r.value).toFixed(1)} [${(100 * r.low).toFixed(1)}, ${(100 * r.high).toFixed(1)}]`;
}

function summarise(name, design, sets, measured, trials) {
  const alpha = design.analysis.alpha;
  const rows = [];
  for (const { id, rows: analyses, tallies } of measured.chosen) {
    analyses.forEach((analysis, a) => {
      const effect = tallies.effect[a];
      const sharp = tallies.sharpNull[a];
      const clustered = tallies.clusteredNull[a];
      const estimated = effect.trials - effect.failures;
      const coverage = rate(effect.covered, estimated);
      const sharpType1 = rate(sharp.rejections, sharp.trials);
      const clusteredType1 = rate(clustered.rejections, clustered.trials);
      rows.push({
        design: name,
        outcome: id,
        analysis: analysis.label,
        coverage,
        coverageFlag: flagCoverage(coverage),
        typeISharpNull: sharpType1,
        typeISharpFlag: flagRejection(sharpType1, alpha),
        typeIClusteredNull: clusteredType1,
        typeIClusteredFlag: flagRejection(clusteredType1, alpha),
        power: rate(effect.rejections, effect.trials),
        meanDf: estimated > 0 && effect.sumDf > 0 ? effect.sumDf / estimated : null,
        shareDfBelow4: estimated > 0 && effect.sumDf > 0 ? effect.dfBelow4 / estimated : null,
        failures: effect.failures,
      });
    });
  }
  return { design: name, sets, trials, caseworkers: measured.caseworkers, plannedDf: measured.plannedDf, rows };
}

function printTable(summary) {
  const { sets } = summary;
  const flagged = (text, flag) => (flag ? `${text} ${flag}` : text);
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
      `| ${row.outcome} | ${row.analysis} | ${flagged(percent(row.coverage), row.coverageFlag)} | ` +
        `${flagged(percent(row.typeIClusteredNull), row.typeIClusteredFlag)} | ` +
        `${flagged(percent(row.typeISharpNull), row.typeISharpFlag)} | ` +
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
    // The person engine, so that every analysis is judged on the same trials (the cluster-robust one needs it anyway).
    const loaded = await loadDesign(plan.scenario, [...plan.sets, 'simulation.engine=person']);
    const started = performance.now();
    const measured = measure(loaded, plan.outcomes, options.trials);
    const summary = summarise(plan.name, loaded.design, plan.sets, measured, options.trials);
    summary.seconds = Math.round((performance.now() - started) / 100) / 10;
    summaries.push(summary);
    if (!options.json) printTable(summary);
    else console.error(`${plan.name}: ${summary.seconds}s`);
  }
  if (options.json) console.log(JSON.stringify(summaries, null, 2));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof UserError && error.hint) console.error(error.hint);
  // Bad arguments or a scenario problem are the user's to fix (2); anything else is a bug (1).
  process.exitCode = error instanceof UserError ? 2 : 1;
});

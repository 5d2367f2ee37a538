/**
 * The page's simulations: the run of the scenario as shown (with live updates as chunks finish),
 * then, when asked, the power curve or the sample-size search — one at a time on one runner,
 * each new one stopping the last.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  openBrowserRunner,
  powerCurveInPage,
  sampleSizeInPage,
  summariseTally,
  type Design,
  type PageSampleSize,
  type PowerCurve,
  type RunProgress,
  type RunSummary,
  type RunTally,
  type ScenarioSource,
  type SearchPoint,
  type TrialSample,
} from '../engine/index.js';
import { JobQueue } from './job-queue.js';

/** Individual trials kept for the dance and the p-value histogram. */
export const SAMPLE_TRIALS = 1000;
/** Trials per point of the teaching view's power curve. */
export const CURVE_TRIALS = 300;
/** Live summaries at most this often (milliseconds): the workers, not the drawing, should get the machine. */
const LIVE_INTERVAL_MS = 250;

/** The run of the scenario as shown. */
export interface RunView {
  readonly design: Design;
  readonly sha256: string;
  readonly status: 'running' | 'done' | 'stopped' | 'failed';
  readonly progress: RunProgress | null;
  readonly tally: RunTally | null;
  readonly summary: RunSummary | null;
  readonly samples: readonly TrialSample[];
  readonly seconds: number;
  readonly error: string | null;
}

/** A planning job's state (power curve or sample size). */
export interface PlanView<T> {
  readonly status: 'running' | 'done' | 'stopped' | 'failed';
  readonly points: readonly SearchPoint[];
  readonly result: T | null;
  readonly error: string | null;
}

export function useSimulation(
  compiled: { design: Design; sha256: string; fileSha256: string } | null,
  source: ScenarioSource | null,
) {
  const runner = useMemo(() => openBrowserRunner(), []);
  const jobs = useMemo(() => new JobQueue(), []);
  const [run, setRun] = useState<RunView | null>(null);
  const [curve, setCurve] = useState<PlanView<PowerCurve> | null>(null);
  const [sampleSize, setSampleSize] = useState<PlanView<PageSampleSize> | null>(null);
  const sourceRef = useRef(source);
  sourceRef.current = source;

  useEffect(() => () => runner.close(), [runner]);

  const runDesign = useCallback(
    (design: Design, sha256: string, fileSha256: string) =>
      jobs.start(async (signal) => {
        setCurve(null);
        setSampleSize(null);
        const trials = design.simulation.trials;
        const samples: TrialSample[] = [];
        let progress: RunProgress | null = null;
        let lastLive = 0;
        const base: RunView = {
          design,
          sha256,
          status: 'running',
          progress: null,
          tally: null,
          summary: null,
          samples: [],
          seconds: 0,
          error: null,
        };
        setRun(base);
        const began = performance.now();
        const live = (tally: RunTally) => {
          const seconds = (performance.now() - began) / 1000;
          const summary = summariseTally(design, tally, {
            sha256,
            fileSha256,
            complete: true,
            seconds,
            threads: runner.threads,
          });
          setRun({
            ...base,
            progress,
            tally,
            summary,
            samples: [...samples].sort((a, b) => a.trial - b.trial),
            seconds,
          });
        };
        try {
          const result = await runner.run(design, {
            trials,
            withNull: true,
            sampleBelow: Math.min(trials, SAMPLE_TRIALS),
            signal,
            onProgress: (next) => {
              progress = next;
            },
            onChunk: (tally, chunkSamples) => {
              samples.push(...chunkSamples);
              const now = performance.now();
              if (now - lastLive < LIVE_INTERVAL_MS) return;
              lastLive = now;
              live(tally);
            },
          });
          const summary = summariseTally(design, result.tally, {
            sha256,
            fileSha256,
            complete: result.complete,
            seconds: result.seconds,
            threads: result.threads,
          });
          setRun({
            ...base,
            status: result.complete ? 'done' : 'stopped',
            progress,
            tally: result.tally,
            summary,
            samples: result.samples,
            seconds: result.seconds,
          });
        } catch (error) {
          setRun({ ...base, status: 'failed', error: error instanceof Error ? error.message : String(error) });
        }
      }),
    [jobs, runner],
  );

  const firstRun = useRef(true);
  useEffect(() => {
    if (!compiled) return;
    // Typing and sliding produce many designs a second: start the run once they settle (the
    // page's first run at once).
    const timer = setTimeout(
      () => void runDesign(compiled.design, compiled.sha256, compiled.fileSha256),
      firstRun.current ? 0 : 200,
    );
    firstRun.current = false;
    return () => clearTimeout(timer);
  }, [compiled?.sha256, runDesign]);

  const drawCurve = useCallback(
    (outcomeId: string, target: number) =>
      jobs.start(async (signal) => {
        const current = sourceRef.current;
        if (!current) return;
        setCurve({ status: 'running', points: [], result: null, error: null });
        try {
          const plan = await powerCurveInPage(current, runner, { outcomeId, trials: CURVE_TRIALS, target, signal });
          setCurve({ status: plan.complete ? 'done' : 'stopped', points: [], result: plan.curve, error: null });
        } catch (error) {
          setCurve({
            status: 'failed',
            points: [],
            result: null,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }),
    [jobs, runner],
  );

  const findSampleSize = useCallback(
    (target: number, outcome: string | undefined) =>
      jobs.start(async (signal) => {
        const current = sourceRef.current;
        if (!current) return;
        const points: SearchPoint[] = [];
        setSampleSize({ status: 'running', points: [], result: null, error: null });
        try {
          const result = await sampleSizeInPage(current, runner, {
            target,
            outcome,
            signal,
            onPoint: (point) => {
              points.push(point);
              setSampleSize({ status: 'running', points: [...points], result: null, error: null });
            },
          });
          setSampleSize({ status: signal.aborted ? 'stopped' : 'done', points, result, error: null });
        } catch (error) {
          setSampleSize({
            status: 'failed',
            points,
            result: null,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }),
    [jobs, runner],
  );

  const rerun = useCallback(() => {
    if (compiled) void runDesign(compiled.design, compiled.sha256, compiled.fileSha256);
  }, [compiled, runDesign]);

  return { run, curve, sampleSize, drawCurve, findSampleSize, rerun, stop: () => jobs.stop(), threads: runner.threads };
}

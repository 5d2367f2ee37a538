/**
 * The page: the scenario (built-in, loaded or edited, in the address so it can be shared), the
 * run controls and downloads, and the two views — teaching and commissioning — over one
 * simulation that runs trialsim's own engine in web workers.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  builtInScenarios,
  designFromText,
  formatDocument,
  readKnobs,
  textSha256,
  writeOverrides,
  type DocumentFormat,
} from '../engine/index.js';
import { CommissioningView } from './CommissioningView.js';
import { downloadText } from './download.js';
import { decodeState, encodeState, equivalentCommand, stateSets, type PageState } from './page-state.js';
import { ScenarioEditor } from './ScenarioEditor.js';
import { TeachingView } from './TeachingView.js';
import { useSimulation } from './use-simulation.js';

/** The scenario the page opens with when the address names none. */
const DEFAULT_SCENARIO = 'teaching-two-arm';
const TRIAL_CHOICES = [200, 1000, 2000, 5000, 20000];

function freshState(file: string, text: string, view: PageState['view'] = 'teaching'): PageState {
  return { file, text, overrides: {}, trials: null, seed: null, view, outcome: null };
}

/** Reads the starting state: the address's fragment, or `?scenario=NAME` (served by `trialsim serve`), or the default. */
async function initialState(): Promise<PageState> {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const encoded = fragment.get('s');
  if (encoded) {
    const decoded = await decodeState(encoded);
    if (decoded) return decoded;
  }
  const query = new URLSearchParams(location.search);
  const view = query.get('view') === 'commissioning' ? 'commissioning' : 'teaching';
  const named = query.get('scenario');
  const builtIn = builtInScenarios().find((scenario) => scenario.name === (named ?? DEFAULT_SCENARIO));
  if (named && !builtIn) {
    // `trialsim serve FILE` serves the file beside the page, on the same origin.
    const response = await fetch(`./scenario/${encodeURIComponent(named)}`);
    if (response.ok) return withQueryTrials(freshState(named, await response.text(), view));
  }
  const chosen = builtIn ?? builtInScenarios().find((scenario) => scenario.name === DEFAULT_SCENARIO)!;
  return withQueryTrials(freshState(chosen.file, chosen.text, view));
}

/** `?trials=N` in the address sets the trials of a page opened without a saved state. */
function withQueryTrials(state: PageState): PageState {
  const trials = Number(new URLSearchParams(location.search).get('trials'));
  return Number.isSafeInteger(trials) && trials >= 1 ? { ...state, trials } : state;
}

export function App() {
  const [state, setState] = useState<PageState | null>(null);
  useEffect(() => {
    void initialState().then(setState);
  }, []);
  // The address follows the state (replaced, not pushed: the back button leaves the page).
  useEffect(() => {
    if (!state) return;
    const timer = setTimeout(async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#s=${await encodeState(state)}`);
    }, 300);
    return () => clearTimeout(timer);
  }, [state]);
  if (!state) return <p className="muted">Loading…</p>;
  return <Page state={state} setState={(update) => setState((current) => (current ? update(current) : current))} />;
}

function Page(props: { state: PageState; setState: (update: (state: PageState) => PageState) => void }) {
  const { state, setState } = props;
  const sets = stateSets(state);
  const setsKey = sets.join('\n');
  const compiled = useMemo(() => designFromText(state.text, state.file, sets), [state.text, state.file, setsKey]);
  const base = useMemo(() => designFromText(state.text, state.file), [state.text, state.file]);
  // While the text has problems, the views keep showing the last design that compiled.
  const lastGood = useRef(compiled.ok ? compiled : null);
  if (compiled.ok) lastGood.current = compiled;
  const good = lastGood.current;
  const source = useMemo(() => ({ text: state.text, file: state.file, sets }), [state.text, state.file, setsKey]);
  // The scenario file the page holds, before its overrides (the sliders, the trial count), as the
  // command line's `scenario.fileSha256` is the file's own hash whatever --set and --trials say.
  const fileSha256 = useMemo(() => textSha256(state.text), [state.text]);
  const runnable = useMemo(() => (compiled.ok ? { ...compiled, fileSha256 } : null), [compiled, fileSha256]);
  const sim = useSimulation(runnable, compiled.ok ? source : null);
  const svgs = useRef(new Map<string, string>());
  // On a laptop or projector the pictures need the width; the editor is a click away.
  const [showEditor, setShowEditor] = useState(() => window.innerWidth >= 1500);

  const setOverride = useCallback(
    (key: string, set: string | null) =>
      setState((current) => {
        if (key === '*') return { ...current, overrides: {} };
        const overrides = { ...current.overrides };
        if (set === null) delete overrides[key];
        else overrides[key] = set;
        return { ...current, overrides };
      }),
    [setState],
  );

  const design = good?.design ?? null;
  const outcomeIndex = design
    ? Math.max(
        0,
        state.outcome === null
          ? design.outcomes.findIndex((o) => o.primary)
          : design.outcomes.findIndex((o) => o.id === state.outcome),
      )
    : 0;
  const builtIn = builtInScenarios().find((scenario) => scenario.text === state.text);
  const scenarioArgument = builtIn ? builtIn.name : state.file;
  const commandLine = equivalentCommand(scenarioArgument, sets);
  const run = sim.run;
  const summary = run?.summary ?? null;
  const baseName = state.file.replace(/\.(yaml|yml|json)$/i, '');

  const download = (format: DocumentFormat | 'yaml') => {
    if (format === 'yaml') {
      downloadText(`${baseName}.yaml`, writeOverrides(state.text, sets), 'text/yaml');
      return;
    }
    if (!summary || !run) return;
    const extension = { json: 'json', csv: 'csv', markdown: 'md', table: 'txt' }[format];
    downloadText(
      `${baseName}-results.${extension}`,
      formatDocument(summary, format, run.design, commandLine),
      'text/plain',
    );
  };

  return (
    <div className="page">
      <header className="masthead">
        <div>
          <h1>trialsim</h1>
          <p className="subtitle">
            {design ? design.title : 'Plan a randomised trial by simulating it'} — the same simulator as the command
            line, running in this page
          </p>
        </div>
        <nav role="tablist" aria-label="Views">
          {(['teaching', 'commissioning'] as const).map((view) => (
            <button
              key={view}
              type="button"
              role="tab"
              aria-selected={state.view === view}
              className={state.view === view ? 'tab selected' : 'tab'}
              onClick={() => setState((current) => ({ ...current, view }))}
            >
              {view === 'teaching' ? 'Teaching' : 'Commissioning'}
            </button>
          ))}
        </nav>
      </header>

      <section className="runbar" aria-label="Run">
        <label htmlFor="trials">Trials</label>
        <select
          id="trials"
          value={state.trials ?? ''}
          onChange={(event) =>
            setState((current) => ({
              ...current,
              trials: event.target.value === '' ? null : Number(event.target.value),
            }))
          }
        >
          <option value="">scenario’s ({base.ok ? base.design.simulation.trials.toLocaleString('en-GB') : '…'})</option>
          {TRIAL_CHOICES.map((trials) => (
            <option key={trials} value={trials}>
              {trials.toLocaleString('en-GB')}
            </option>
          ))}
        </select>
        <label htmlFor="seed">Seed</label>
        <input
          id="seed"
          type="number"
          min={0}
          step={1}
          value={state.seed ?? (base.ok ? base.design.simulation.seed : '')}
          onChange={(event) => {
            const seed = Number(event.target.value);
            if (event.target.value !== '' && Number.isSafeInteger(seed) && seed >= 0)
              setState((current) => ({ ...current, seed }));
          }}
        />
        {design && state.view === 'teaching' && (
          <>
            <label htmlFor="outcome">Outcome</label>
            <select
              id="outcome"
              value={design.outcomes[outcomeIndex]?.id}
              onChange={(event) => setState((current) => ({ ...current, outcome: event.target.value }))}
            >
              {design.outcomes.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.id}
                  {o.primary ? ' (primary)' : ''}
                </option>
              ))}
            </select>
          </>
        )}
        {run?.status === 'running' ? (
          <button type="button" className="stop" onClick={sim.stop} data-testid="stop">
            Stop
          </button>
        ) : (
          <button type="button" onClick={sim.rerun} disabled={!compiled.ok} data-testid="run">
            Run again
          </button>
        )}
        <button
          type="button"
          className="secondary"
          aria-expanded={showEditor}
          aria-controls="side"
          onClick={() => setShowEditor((shown) => !shown)}
          data-testid="toggle-editor"
        >
          {showEditor ? 'Hide the scenario' : 'Edit the scenario'}
          {!compiled.ok ? ` (${compiled.problems.length} problem${compiled.problems.length === 1 ? '' : 's'})` : ''}
        </button>
        <span
          className="status"
          role="status"
          data-testid="status"
          data-state={run?.status ?? 'idle'}
          data-sha={run?.sha256 ?? ''}
        >
          {statusText(run, sim.threads)}
        </span>
      </section>

      <section className="takeaway" aria-label="Download and share">
        <span className="takeaway-label">Download</span>
        <button type="button" onClick={() => download('yaml')}>
          YAML
        </button>
        {(['json', 'csv', 'markdown'] as const).map((format) => (
          <button
            key={format}
            type="button"
            disabled={!summary || run?.status === 'running'}
            onClick={() => download(format)}
            data-testid={`download-${format}`}
          >
            {format === 'markdown' ? 'Markdown' : format.toUpperCase()}
          </button>
        ))}
        {(state.view === 'teaching' ? ['estimates', 'p-values', 'power-curve'] : []).map((name) => (
          <button
            key={name}
            type="button"
            className="secondary"
            disabled={!summary}
            onClick={() => {
              const svg = svgs.current.get(name);
              if (svg) downloadText(`${baseName}-${name}.svg`, svg, 'image/svg+xml');
            }}
          >
            SVG: {name}
          </button>
        ))}
        <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(location.href)}>
          Copy link
        </button>
        <span className="takeaway-label">Same result on the command line:</span>
        <code className="command" data-testid="command">
          {commandLine}
        </code>
      </section>

      <main className={showEditor ? 'layout' : 'layout no-editor'}>
        <aside className="side" id="side" hidden={!showEditor}>
          <ScenarioEditor
            file={state.file}
            text={state.text}
            problems={compiled.ok ? [] : compiled.problems}
            onText={(text) => setState((current) => ({ ...current, text }))}
            onLoad={(file, text) => setState((current) => freshState(file, text, current.view))}
          />
        </aside>
        <div className="views">
          {!design ? (
            <p className="error">Fix the scenario to start.</p>
          ) : state.view === 'teaching' ? (
            <TeachingView
              design={design}
              knobs={readKnobs(design, outcomeIndex)}
              outcomeIndex={outcomeIndex}
              run={run}
              curve={sim.curve}
              setOverride={setOverride}
              drawCurve={(outcomeId, target) => void sim.drawCurve(outcomeId, target)}
              onSvg={(name, svg) => svgs.current.set(name, svg)}
            />
          ) : (
            <CommissioningView
              design={design}
              baseDesign={base.ok ? base.design : design}
              run={run}
              sampleSize={sim.sampleSize}
              overrides={state.overrides}
              setOverride={setOverride}
              findSampleSize={(target, outcome) => void sim.findSampleSize(target, outcome)}
              stop={sim.stop}
            />
          )}
          {run?.error && <p className="error">The run failed: {run.error}</p>}
        </div>
      </main>
      <footer>
        Everything runs in this page: no data leaves your machine, nothing is tracked, and it keeps working offline once
        loaded.
      </footer>
    </div>
  );
}

function statusText(run: ReturnType<typeof useSimulation>['run'], threads: number): string {
  if (!run) return 'Ready';
  const done = run.progress?.trialsDone ?? run.tally?.trials ?? 0;
  const total = run.progress?.trialsTotal ?? run.design.simulation.trials;
  switch (run.status) {
    case 'running':
      return `Simulating: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} trials${
        run.progress && run.progress.trialsPerSecond > 0
          ? ` · ${Math.round(run.progress.trialsPerSecond).toLocaleString('en-GB')} trials/s`
          : ''
      }`;
    case 'done':
      return `Done: ${(run.tally?.trials ?? 0).toLocaleString('en-GB')} trials in ${run.seconds.toFixed(2)} s on ${threads} web worker${threads === 1 ? '' : 's'}`;
    case 'stopped':
      return `Stopped after ${(run.tally?.trials ?? 0).toLocaleString('en-GB')} trials: the results are partial`;
    case 'failed':
      return 'The run failed';
  }
}

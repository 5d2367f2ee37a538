/**
 * The scenario: pick a built-in one or load a YAML file, edit the text, and see the command
 * line's validation messages (file:line:col, path, value, fix) as you type; each message moves
 * the cursor to its place.
 */
import { useRef } from 'react';
import { builtInScenarios, formatProblem, type ScenarioProblem } from '../engine/index.js';

export function ScenarioEditor(props: {
  file: string;
  text: string;
  problems: readonly ScenarioProblem[];
  onText: (text: string) => void;
  onLoad: (file: string, text: string) => void;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const builtIns = builtInScenarios();
  const current = builtIns.find((scenario) => scenario.file === props.file)?.name ?? '';
  const goTo = (problem: ScenarioProblem) => {
    const element = area.current;
    if (!element || problem.line === 0) return;
    const lines = props.text.split('\n');
    const offset =
      lines.slice(0, problem.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + problem.column - 1;
    element.focus();
    element.setSelectionRange(offset, offset);
  };
  return (
    <section className="editor" aria-labelledby="scenario-heading">
      <h2 id="scenario-heading">Scenario</h2>
      <div className="row">
        <label htmlFor="builtin">Built-in</label>
        <select
          id="builtin"
          value={current}
          onChange={(event) => {
            const chosen = builtIns.find((scenario) => scenario.name === event.target.value);
            if (chosen) props.onLoad(chosen.file, chosen.text);
          }}
        >
          {current === '' && <option value="">{props.file} (yours)</option>}
          {builtIns.map((scenario) => (
            <option key={scenario.name} value={scenario.name}>
              {scenario.name}
            </option>
          ))}
        </select>
        <label className="file-button">
          Load YAML…
          <input
            type="file"
            accept=".yaml,.yml,.json,text/yaml,application/json"
            onChange={async (event) => {
              const chosen = event.target.files?.[0];
              if (chosen) props.onLoad(chosen.name, await chosen.text());
              event.target.value = '';
            }}
          />
        </label>
      </div>
      <label htmlFor="scenario-text" className="visually-hidden">
        Scenario text ({props.file})
      </label>
      <textarea
        id="scenario-text"
        ref={area}
        spellCheck={false}
        wrap="off"
        value={props.text}
        onChange={(event) => props.onText(event.target.value)}
        aria-describedby="scenario-problems"
        aria-invalid={props.problems.length > 0}
      />
      <div id="scenario-problems" aria-live="polite">
        {props.problems.length === 0 ? (
          <p className="ok">✓ Valid scenario ({props.file})</p>
        ) : (
          <ul className="problems">
            {props.problems.map((problem, i) => (
              <li key={i}>
                <button type="button" className="link" onClick={() => goTo(problem)}>
                  <pre>{formatProblem(problem)}</pre>
                </button>
              </li>
            ))}
            <li className="count">
              {props.problems.length} problem{props.problems.length === 1 ? '' : 's'} found.
            </li>
          </ul>
        )}
      </div>
    </section>
  );
}

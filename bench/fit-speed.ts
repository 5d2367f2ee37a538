/**
 * How long `trialsim fit` takes on synthetic milton-keynes extracts of 5,000 and 50,000 people,
 * with everyone at risk for the whole of both windows (people collapse into few count patterns)
 * and with days at risk varying (60–100% of each window: every person is a pattern of their own).
 * Reports CPU seconds of the read-and-fit (parse the CSV text, fit, write the YAML), cold (the
 * first fit in the process, as the command runs) and warm (the third). Run after `npm run build`:
 * node dist/bench/fit-speed.js
 */
import { cpuUsage } from 'node:process';
import { fitExtract } from '../src/fit/fit-extract.js';
import { formatExtractCsv } from '../src/fit/format-extract-csv.js';
import { writeScenarioYaml } from '../src/fit/scenario-yaml.js';
import { synthesiseExtract } from '../src/fit/synthesise-extract.js';
import { loadDesign } from '../src/scenario/load-design.js';
import { parseExtractText } from '../src/scenario/parse-extract.js';

async function main(): Promise<void> {
  const { design } = await loadDesign('milton-keynes');
  for (const people of [5_000, 50_000]) {
    for (const minAtRiskShare of [1, 0.6]) {
      const text = formatExtractCsv(synthesiseExtract(design, { people, seed: 1, priorMonths: 24, minAtRiskShare }));
      const seconds: number[] = [];
      for (let repeat = 0; repeat < 3; repeat++) {
        const start = cpuUsage();
        const { extract } = parseExtractText(text, 'bench.csv', {
          groupColumn: null,
          outcomes: null,
          priorMonths: 24,
          followUpMonths: 12,
          harmFrom: null,
        });
        writeScenarioYaml(fitExtract(extract, design.selection), { from: null, effects: {} });
        const used = cpuUsage(start);
        seconds.push((used.user + used.system) / 1e6);
      }
      process.stdout.write(
        `${people.toLocaleString('en-GB')} people, at risk ${minAtRiskShare === 1 ? 'all the time' : '60–100%'}: ${seconds[0].toFixed(2)} s cold, ${seconds[2].toFixed(2)} s warm (CPU)\n`,
      );
    }
  }
}

await main();

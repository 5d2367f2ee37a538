#!/usr/bin/env node
// Times the browser page against the command line on the same run, back to back, several times:
// `node bin/trialsim run SCENARIO --trials N --json` and the page (served by `trialsim serve`,
// headless Chromium, Debian's package) opened on the same scenario and trial count. Reports each
// side's run time (as each reports it: the JSON's timing.seconds, the page's "Done … in X s",
// both from the start of the run, worker start-up included, to the tally) and its wall-clock time
// (process start to exit; page navigation to the result). A benchmark, not a test.
//   npm run build && npm run build:web && node scripts/bench-web.mjs [SCENARIO] [TRIALS] [ROUNDS]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [scenario = 'teaching-two-arm', trials = '20000', rounds = '5'] = process.argv.slice(2);
const root = new URL('..', import.meta.url).pathname;
const chromiumPath = process.env.TRIALSIM_CHROMIUM ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
args.push('--disable-background-networking', '--disable-component-update', '--disable-sync');

const server = spawn(process.execPath, [join(root, 'bin/trialsim'), 'serve'], { cwd: root });
const base = await new Promise((resolve) => server.stdout.once('data', (data) => resolve(String(data).trim())));
const profile = mkdtempSync(join(tmpdir(), 'trialsim-bench-'));
const browser = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args });

const results = { cli: [], page: [] };
for (let round = 1; round <= Number(rounds); round++) {
  const began = performance.now();
  const cli = spawnSync(
    process.execPath,
    [join(root, 'bin/trialsim'), 'run', scenario, '--trials', trials, '--json', '--quiet'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  const cliWall = (performance.now() - began) / 1000;
  const cliRun = JSON.parse(cli.stdout).timing.seconds;
  results.cli.push({ run: cliRun, wall: cliWall });

  const page = await browser.newPage();
  const opened = performance.now();
  await page.goto(`${base}?scenario=${scenario}&trials=${trials}`);
  await page.locator('[data-testid=status][data-state=done]').waitFor({ timeout: 300_000 });
  const pageWall = (performance.now() - opened) / 1000;
  const status = await page.getByTestId('status').textContent();
  const pageRun = Number(/in ([\d.]+) s/.exec(status)[1]);
  results.page.push({ run: pageRun, wall: pageWall });
  await page.close();
  console.log(
    `round ${round}: CLI run ${cliRun.toFixed(2)} s (wall ${cliWall.toFixed(2)} s) · page run ${pageRun.toFixed(2)} s (wall ${pageWall.toFixed(2)} s)`,
  );
}
await browser.close();
server.kill('SIGINT');
rmSync(profile, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cliRun = median(results.cli.map((r) => r.run));
const pageRun = median(results.page.map((r) => r.run));
const cliWall = median(results.cli.map((r) => r.wall));
const pageWall = median(results.page.map((r) => r.wall));
console.log(`\n${scenario}, ${Number(trials).toLocaleString('en-GB')} trials, median of ${rounds} rounds:`);
console.log(
  `  run time:  CLI ${cliRun.toFixed(2)} s, page ${pageRun.toFixed(2)} s → page/CLI ${(pageRun / cliRun).toFixed(2)}×`,
);
console.log(
  `  wall time: CLI ${cliWall.toFixed(2)} s, page ${pageWall.toFixed(2)} s → page/CLI ${(pageWall / cliWall).toFixed(2)}×`,
);

#!/usr/bin/env node
// Screenshots of the browser page's teaching and commissioning views at 1280×800 and 1920×1080,
// for looking at the page and for the README (docs/images/). Serves the built page with
// `trialsim serve` and drives headless Chromium (Debian's package) with playwright-core.
// Each view opens on the scenario it is best shown with (teaching-two-arm; milton-keynes-scale-up,
// the built-in with costs) unless SCENARIO is given. Also writes each whole page (…-full.png).
//   npm run build && npm run build:web && node scripts/screenshot-web.mjs [OUTPUT_FOLDER] [TRIALS] [SCENARIO]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const [output = 'screenshots', trials = '2000', scenario] = process.argv.slice(2);
const scenarioOf = { teaching: scenario ?? 'teaching-two-arm', commissioning: scenario ?? 'milton-keynes-scale-up' };
const root = new URL('..', import.meta.url).pathname;
const chromiumPath = process.env.TRIALSIM_CHROMIUM ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
args.push('--disable-background-networking', '--disable-component-update', '--disable-sync');

mkdirSync(resolve(output), { recursive: true });
const server = spawn(process.execPath, [join(root, 'bin/trialsim'), 'serve'], { cwd: root });
const base = await new Promise((done) => server.stdout.once('data', (data) => done(String(data).trim())));
const profile = mkdtempSync(join(tmpdir(), 'trialsim-shots-'));
const browser = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args });
try {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    for (const view of ['teaching', 'commissioning']) {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`${base}?scenario=${scenarioOf[view]}&trials=${trials}&view=${view}`);
      await page.locator('[data-testid=status][data-state=done]').waitFor({ timeout: 300_000 });
      // Charts are drawn when a run ends; give them a moment to lay out.
      await page.waitForTimeout(1500);
      const file = resolve(output, `page-${view}-${width}x${height}.png`);
      await page.screenshot({ path: file });
      await page.screenshot({ path: file.replace(/\.png$/, '-full.png'), fullPage: true });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.kill('SIGINT');
  rmSync(profile, { recursive: true, force: true });
}

/**
 * The page in a real browser (headless Chromium, Debian's package, driven by playwright-core):
 * every built-in scenario gives exactly the command line's JSON; sliders re-run; a broken
 * scenario shows the command line's located messages; long runs stop; nothing is fetched from
 * anywhere else, and the page goes on working offline. Runs against the built page and CLI
 * (`npm test`'s pretest builds both). Without Chromium the tests are skipped and the closing
 * reporter says so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.js';
import { projectRoot, trialsim } from '../support/run-cli.js';

const browserPath = chromiumPath();
const scenarioNames = readdirSync(join(projectRoot, 'scenarios'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));

/** The document without `timing`, the one field that may differ between identical runs. */
function withoutTiming(text: string): Record<string, unknown> {
  const document = JSON.parse(text) as Record<string, unknown>;
  delete document.timing;
  return document;
}

describe.skipIf(browserPath === null)('the page in Chromium [browser]', () => {
  let server: ChildProcess;
  let base = '';
  let context: BrowserContext;
  let work = '';
  const elsewhere: string[] = [];
  const pageErrors: string[] = [];
  // The command line's documents, started at once so they run while the browser starts.
  const cliDocuments = new Map<string, Promise<Awaited<ReturnType<typeof trialsim>>>>();

  beforeAll(async () => {
    if (!existsSync(join(projectRoot, 'dist/web/index.html'))) {
      // Run on its own (not through `npm test`, whose pretest builds the page): build it first.
      const build = await new Promise<number | null>((resolve) =>
        spawn('npm', ['run', 'build:web'], { cwd: projectRoot, stdio: 'ignore' }).on('close', resolve),
      );
      expect(build).toBe(0);
    }
    for (const name of scenarioNames)
      cliDocuments.set(name, trialsim(['run', name, '--trials', '40', '--json', '--quiet']));
    work = mkdtempSync(join(tmpdir(), 'trialsim-browser-'));
    server = spawn(process.execPath, [join(projectRoot, 'bin/trialsim'), 'serve'], { cwd: projectRoot });
    base = await new Promise<string>((resolve, reject) => {
      server.stdout!.once('data', (data) => resolve(String(data).trim()));
      server.once('exit', (code) => reject(new Error(`trialsim serve exited with ${code}`)));
    });
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: browserPath!,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const origin = new URL(base).origin;
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith(`blob:${origin}`) && !url.startsWith('data:')) elsewhere.push(url);
    });
  });

  afterAll(async () => {
    await context?.close();
    server?.kill('SIGINT');
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function open(query: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${base}${query}`);
    await waitUntil(page, 'done');
    return page;
  }

  async function waitUntil(page: Page, state: 'done' | 'stopped' | 'running') {
    await page.locator(`[data-testid=status][data-state=${state}]`).waitFor({ timeout: 30_000 });
  }

  /** Waits for the run of a design other than the one run when `before` was read to finish. */
  async function waitForNewRun(page: Page, before: string) {
    await page
      .locator(`[data-testid=status][data-state=done]:not([data-sha="${before}"])`)
      .waitFor({ timeout: 30_000 });
  }

  const shaOf = async (page: Page) => (await page.getByTestId('status').getAttribute('data-sha')) ?? '';

  async function download(page: Page, what: string): Promise<string> {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: what, exact: true }).click(),
    ]);
    return readFileSync((await file.path())!, 'utf8');
  }

  it.each(scenarioNames)('runs the built-in %s and gives exactly the command line’s JSON', async (name) => {
    const page = await open(`?scenario=${name}&trials=40`);
    const json = await download(page, 'JSON');
    await page.close();
    const cli = await cliDocuments.get(name)!;
    expect(cli.code).toBe(0);
    expect(withoutTiming(json)).toEqual(withoutTiming(cli.stdout));
  });

  it('re-runs when a slider moves, and the downloaded YAML gives the same JSON on the command line', async () => {
    const page = await open('?scenario=teaching-two-arm&trials=300');
    const before = await page.getByTestId('power-value').textContent();
    const sha = await shaOf(page);
    const slider = page.getByTestId('slider-people');
    await slider.focus();
    await slider.press('ArrowRight');
    await slider.press('ArrowRight');
    await expect.poll(() => page.getByTestId('command').textContent()).toContain('design.size={ treated: 150');
    await waitForNewRun(page, sha);
    expect(await page.getByTestId('power-value').textContent()).not.toBe(before);
    const json = await download(page, 'JSON');
    const yaml = await download(page, 'YAML');
    await page.close();
    const file = join(work, 'teaching-two-arm.yaml');
    writeFileSync(file, yaml);
    const cli = await trialsim(['run', file, '--json', '--quiet']);
    expect(cli.code).toBe(0);
    const document = withoutTiming(json);
    expect((document.design as { treated: number }).treated).toBe(150);
    // The downloaded file is a new file (the overrides written in), so its own hash differs from
    // that of the scenario the page holds; the design, and so its hash, are the same.
    const fromCli = withoutTiming(cli.stdout);
    const withoutFileHash = (d: Record<string, unknown>) => ({
      ...d,
      scenario: { ...(d.scenario as Record<string, unknown>), fileSha256: undefined },
    });
    expect(withoutFileHash(document)).toEqual(withoutFileHash(fromCli));
  });

  it('shows the command line’s located messages for a broken scenario as you type', async () => {
    const page = await open('?scenario=teaching-two-arm&trials=100');
    await page.getByTestId('toggle-editor').click();
    const original = await page.locator('#scenario-text').inputValue();
    const broken = original
      .replace('prevalence: 0.5', 'prevalence: 1.5')
      .replace('followUpMonths: 12', 'folowUpMonths: 12');
    await page.locator('#scenario-text').fill(broken);
    const problems = page.locator('.problems pre');
    await problems.first().waitFor();
    const shown = await problems.allTextContents();
    await page.close();
    const file = join(work, 'teaching-two-arm.yaml');
    writeFileSync(file, broken);
    const cli = await trialsim(['validate', file]);
    expect(cli.code).toBe(2);
    const expected = cli.stderr
      .replaceAll(`${work}/`, '')
      .split(/\n(?=\S)/)
      .filter((problem) => problem.startsWith('teaching-two-arm.yaml:'));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(shown).toEqual(expected.map((problem) => problem.trimEnd()));
    expect(shown[0]).toMatch(/^teaching-two-arm\.yaml:\d+:\d+: /);
  });

  it('stops a long run and keeps the trials it finished', async () => {
    const page = await context.newPage();
    await page.goto(`${base}?scenario=milton-keynes&trials=20000`);
    await waitUntil(page, 'running');
    // The first chunks take a while on a loaded machine: wait for some trials, not for a time.
    await expect
      .poll(async () => (await page.getByTestId('status').textContent()) ?? '', { timeout: 30_000 })
      .toMatch(/Simulating: [1-9]/);
    await page.getByTestId('stop').click();
    await waitUntil(page, 'stopped');
    const document = JSON.parse(await download(page, 'JSON')) as { complete: boolean; trials: number };
    await page.close();
    expect(document.complete).toBe(false);
    expect(document.trials).toBeGreaterThan(0);
    expect(document.trials).toBeLessThan(20000);
  });

  it('finds the command line’s sample size in the commissioning view', async () => {
    const page = await open('?scenario=teaching-two-arm&trials=200&view=commissioning');
    expect(await page.getByTestId('verdict').textContent()).toMatch(/power/);
    await page.getByTestId('find-size').click();
    await page.getByTestId('size-answer').waitFor({ timeout: 30_000 });
    const answer = await page.getByTestId('size-answer').textContent();
    await page.close();
    const cli = await trialsim([
      'sample-size',
      'teaching-two-arm',
      '--target',
      '0.8',
      '--trials',
      '200',
      '--json',
      '--quiet',
    ]);
    const value = (JSON.parse(cli.stdout) as { value: number }).value;
    expect(answer).toContain(`: ${value.toLocaleString('en-GB')} people randomised`);
  });

  it('keeps working offline once loaded, and never asks anywhere else for anything', async () => {
    const page = await open('?scenario=teaching-two-arm&trials=200');
    await context.setOffline(true);
    try {
      const before = await page.getByTestId('power-value').textContent();
      const sha = await shaOf(page);
      const slider = page.getByTestId('slider-engagement');
      await slider.focus();
      await slider.press('Home');
      await expect.poll(() => page.getByTestId('command').textContent()).toContain('design.engagement=0.05');
      await waitForNewRun(page, sha);
      expect(await page.getByTestId('power-value').textContent()).not.toBe(before);
    } finally {
      await context.setOffline(false);
      await page.close();
    }
    expect(elsewhere).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

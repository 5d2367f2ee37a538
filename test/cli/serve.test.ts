/**
 * `trialsim serve`: serves the built page (dist/web/, which `npm test`'s pretest builds) on
 * 127.0.0.1, prints its address, serves a scenario file beside it, refuses paths outside the
 * folder, and ends with exit 130 on Ctrl-C (SIGINT), as every command Ctrl-C stops.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot, trialsim } from '../support/run-cli.js';

/** Starts `trialsim serve ARGS`, resolves with its printed address and a way to stop it. */
function startServe(
  args: string[],
): Promise<{ url: string; stop: () => Promise<{ code: number | null; stderr: string }> }> {
  const child = spawn(process.execPath, [join(projectRoot, 'bin/trialsim'), 'serve', ...args], { cwd: projectRoot });
  let stderr = '';
  child.stderr.on('data', (data) => (stderr += data));
  const ended = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (data) =>
      resolve({
        url: String(data).trim(),
        stop: () => {
          child.kill('SIGINT');
          return ended;
        },
      }),
    );
    void ended.then(({ code }) => reject(new Error(`trialsim serve exited early (${code}): ${stderr}`)));
  });
}

describe('trialsim serve', () => {
  let work = '';
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'trialsim-serve-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('serves the page on 127.0.0.1 at an ephemeral port, opening a built-in by name, and exits 130 on Ctrl-C', async () => {
    const server = await startServe(['teaching-two-arm']);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?scenario=teaching-two-arm$/);
      const page = await fetch(server.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = await page.text();
      expect(html).toBe(readFileSync(join(projectRoot, 'dist/web/index.html'), 'utf8'));
      const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1];
      const asset = await fetch(new URL(script, server.url));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/../../package.json', '/nothing-here'])
        expect((await fetch(new URL(server.url).origin + path)).status, path).toBe(404);
      expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
    } finally {
      const { code, stderr } = await server.stop();
      expect(code).toBe(130);
      expect(stderr).toContain('stopped serving');
    }
  });

  test('serves a scenario file beside the page, for the page to open', async () => {
    const file = join(work, 'my-study.yaml');
    writeFileSync(file, 'name: my-study\n# a comment\n');
    const server = await startServe([file, '--port', '0']);
    try {
      expect(server.url).toMatch(/\?scenario=my-study\.yaml$/);
      const text = await (await fetch(new URL('/scenario/my-study.yaml', server.url))).text();
      expect(text).toBe('name: my-study\n# a comment\n');
    } finally {
      await server.stop();
    }
  });

  test('is a user error (exit 2) for a missing scenario, a bad port or a port in use', async () => {
    const missing = await trialsim(['serve', join(work, 'absent.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('absent.yaml: does not exist');
    const badPort = await trialsim(['serve', '--port', '70000']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port must be a whole number from 0 (any free port) to 65535');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const busy = await trialsim(['serve', '--port', String(port)]);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`cannot listen on 127.0.0.1:${port} (the port is in use)`);
    } finally {
      blocker.close();
    }
  });
});

/**
 * `trialsim serve [SCENARIO] [--port N] [--open]`: serves the browser page (the static folder
 * `npm run build:web` writes, dist/web/) on 127.0.0.1 and prints its address. With SCENARIO the
 * page opens on it: a built-in by name, a file served beside the page. Nothing is opened without
 * --open. Ctrl-C stops the server; the exit code is then 130, as for every command Ctrl-C stops
 * (docs/command-line.md, "Exit codes"), so a script can tell a user's stop from a failure (1) or bad input (2).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { listBuiltInScenarios, resolveScenario } from '../../scenario/builtin-scenarios.js';
import { readScenarioFile } from '../../scenario/load.js';
import { UserError } from '../../errors/user-error.js';
import { EXIT_INTERRUPTED, type SetExitCode } from '../exit-codes.js';
import { interruptOnCtrlC } from '../interrupt-on-ctrl-c.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.yaml': 'text/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

interface ServeOptions {
  port?: number;
  open?: boolean;
}

/** Registers `serve`. */
export function registerServe(program: Command, setExitCode: SetExitCode): void {
  program
    .command('serve')
    .description('serve the browser page on 127.0.0.1 (the same simulator, for classrooms and meetings)')
    .argument('[scenario]', 'open the page on this scenario: a file, or the name of a built-in scenario')
    .addOption(new Option('--port <n>', 'port to listen on (default 0: any free port)').argParser(portNumber))
    .option('--open', 'also open the page in the default browser')
    .action(async (scenario: string | undefined, options: ServeOptions) => {
      setExitCode(await serve(scenario, options));
    });
}

/**
 * The built page's folder: dist/web/ under the project's root, the nearest folder above this
 * module that holds package.json — whether it runs from source (src/cli/commands/), from the
 * build (dist/src/cli/commands/) or from the command line's bundle (dist/bundle/chunks/).
 */
export function webFolder(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return join(folder, 'dist', 'web', sep);
}

async function serve(scenario: string | undefined, options: ServeOptions): Promise<number> {
  const root = webFolder();
  if (!existsSync(join(root, 'index.html')))
    throw new UserError(
      `the browser page is not built (no ${join(root, 'index.html')})`,
      'run `npm run build:web` first',
    );
  const opening = scenario === undefined ? null : await scenarioToOpen(scenario);
  const interrupt = interruptOnCtrlC();
  const server = createServer((request, response) => {
    void answer(root, opening, request, response);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    interrupt.dispose();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES')
      throw new UserError(
        `cannot listen on 127.0.0.1:${options.port} (${code === 'EADDRINUSE' ? 'the port is in use' : 'permission denied'})`,
        'choose another --port, or leave it out for any free port',
      );
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const url = `http://127.0.0.1:${port}/${opening ? `?scenario=${encodeURIComponent(opening.name)}` : ''}`;
  process.stdout.write(`${url}\n`);
  process.stderr.write('trialsim: serving the browser page on this machine only; press Ctrl-C to stop.\n');
  if (options.open) openInBrowser(url);
  await new Promise<void>((resolve) => interrupt.signal.addEventListener('abort', () => resolve(), { once: true }));
  interrupt.dispose();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  process.stderr.write('trialsim: stopped serving.\n');
  return EXIT_INTERRUPTED;
}

/** A built-in scenario is opened by name; a file is read now (a missing file is a user error) and served beside the page. */
async function scenarioToOpen(scenario: string): Promise<{ name: string; text: string | null }> {
  const file = resolveScenario(scenario);
  if (listBuiltInScenarios().some((builtIn) => builtIn.file === file))
    return { name: basename(file, extname(file)), text: null };
  return { name: basename(file), text: (await readScenarioFile(file)).text };
}

async function answer(
  root: string,
  opening: { name: string; text: string | null } | null,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const headers = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  if (opening?.text !== null && opening !== null && path === `/scenario/${opening.name}`) {
    response.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES['.yaml'] }).end(opening.text);
    return;
  }
  const relative = normalize(path === '/' ? '/index.html' : path).replace(/^[/\\]+/, '');
  const file = join(root, relative);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || relative.split(/[/\\]/).includes('..')) {
    response.writeHead(404, headers).end('not found');
    return;
  }
  try {
    const body = await readFile(file);
    // Files under assets/ carry a hash of their content in their names, so they never change.
    const caching = relative.startsWith('assets') ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {};
    response
      .writeHead(200, {
        ...headers,
        ...caching,
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      })
      .end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, headers).end('not found');
  }
}

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => process.stderr.write(`trialsim: could not open a browser; open ${url} yourself.\n`));
    child.unref();
  } catch {
    process.stderr.write(`trialsim: could not open a browser; open ${url} yourself.\n`);
  }
}

function portNumber(value: string): number {
  const port = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(port) || port < 0 || port > 65535)
    throw new UserError(`--port must be a whole number from 0 (any free port) to 65535 (got "${value}")`);
  return port;
}

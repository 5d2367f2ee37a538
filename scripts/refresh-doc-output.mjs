#!/usr/bin/env node
// Re-captures the real output shown in the docs: every `<!-- output: trialsim ARGS -->` marker in
// README.md and docs/*.md is followed by a ```text block, which is replaced by `$ trialsim ARGS`
// and what the built CLI prints for ARGS (stdout, no colour, no progress). Run after `npm run build`:
//   node scripts/refresh-doc-output.mjs [FILE...]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : [
        'README.md',
        ...readdirSync(join(root, 'docs'))
          .filter((f) => f.endsWith('.md'))
          .map((f) => join('docs', f)),
      ];
const marker = /<!-- output: trialsim (.+?) -->\n```text\n[\s\S]*?```/g;

/** Splits ARGS as a shell would for the simple quoting the docs use ('…' and "…"). */
function splitArgs(text) {
  return [...text.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Commands that simulate (and so take --quiet to keep progress lines out of the captured output). */
const SIMULATING = new Set(['run', 'power', 'sample-size', 'mde', 'curve', 'explain', 'sensitivity']);

function capture(args) {
  const argv = splitArgs(args);
  if (SIMULATING.has(argv[0])) argv.push('--quiet');
  try {
    return execFileSync(process.execPath, [join(root, 'bin/trialsim'), ...argv], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
  } catch (error) {
    // Commands that end with exit 2 on purpose (e.g. validate on a bad file) still show their output.
    return `${error.stdout ?? ''}${error.stderr ?? ''}`;
  }
}

for (const file of files) {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(marker, (_, args) => {
    process.stderr.write(`${file}: trialsim ${args}\n`);
    return `<!-- output: trialsim ${args} -->\n\`\`\`text\n$ trialsim ${args}\n${capture(args).trimEnd()}\n\`\`\``;
  });
  if (after !== before) writeFileSync(path, after);
}

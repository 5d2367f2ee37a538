// Runs the built executable as a user would (bin/trialsim loads dist/, which the pretest build makes).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '../..');
const bin = join(projectRoot, 'bin/trialsim');

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `trialsim ARGS` in its own process, with CI set (no dashboard) unless `env` says otherwise. */
export function trialsim(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  return runNodeScript(bin, args, env);
}

/** Runs a Node script of the project (`node SCRIPT ARGS`) from the project's root, with CI set. */
export function runNodeScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: projectRoot,
      env: { ...process.env, CI: 'true', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

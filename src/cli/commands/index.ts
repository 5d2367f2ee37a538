/**
 * Registers every command on the program. Each command lives in its own file and exports one
 * `registerX(program, setExitCode)` function; add a line here for a new command.
 */
import type { Command } from 'commander';
import type { SetExitCode } from '../exit-codes.js';
import { registerMerge } from './merge.js';
import { registerRun } from './run.js';
import { registerExplain } from './explain.js';
import { registerValidate } from './validate.js';
import { registerSchema } from './schema.js';
import { registerScenarios } from './scenarios.js';
import { registerInit } from './init.js';
import { registerRetro } from './retro.js';
import { registerSampleSize } from './sample-size.js';
import { registerMde } from './mde.js';
import { registerCurve } from './curve.js';
import { registerSensitivity } from './sensitivity.js';
import { registerFit } from './fit.js';
import { registerSynth } from './synth.js';
import { registerServe } from './serve.js';

/** Adds every command to `program`; each reports its exit code through `setExitCode`. */
export function registerCommands(program: Command, setExitCode: SetExitCode): void {
  registerRun(program, setExitCode);
  registerExplain(program, setExitCode);
  registerMerge(program, setExitCode);
  registerValidate(program, setExitCode);
  registerSchema(program, setExitCode);
  registerScenarios(program, setExitCode);
  registerInit(program, setExitCode);
  registerRetro(program, setExitCode);
  registerSampleSize(program, setExitCode);
  registerMde(program, setExitCode);
  registerCurve(program, setExitCode);
  registerSensitivity(program, setExitCode);
  registerFit(program, setExitCode);
  registerSynth(program, setExitCode);
  registerServe(program, setExitCode);
}

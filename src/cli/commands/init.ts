/**
 * `trialsim init FILE`: writes a commented starter scenario that validates as it stands. Refuses to
 * overwrite an existing file unless `--force`.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { STARTER_SCENARIO } from '../../scenario/starter-scenario.js';
import { UserError } from '../../errors/user-error.js';
import type { SetExitCode } from '../exit-codes.js';

/** Registers `init`. */
export function registerInit(program: Command, _setExitCode: SetExitCode): void {
  program
    .command('init')
    .description('write a commented starter scenario')
    .argument('<file>', 'where to write it, e.g. my-trial.yaml')
    .option('--force', 'overwrite FILE if it exists')
    .action(async (file: string, options: { force?: boolean }) => {
      await writeStarter(file, options.force === true);
      process.stdout.write(
        `wrote ${file}; check it with \`trialsim validate ${file}\`, run it with \`trialsim run ${file}\`\n`,
      );
    });
}

async function writeStarter(file: string, force: boolean): Promise<void> {
  try {
    // 'wx' fails if the file exists, so a check-then-write race cannot overwrite it.
    await writeFile(file, STARTER_SCENARIO, { encoding: 'utf8', flag: force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new UserError(`${file} already exists`, 'choose another name, or add --force to overwrite it');
    if (code === 'EISDIR') throw new UserError(`${file} is a directory`, 'give a file name such as my-trial.yaml');
    if (code === 'ENOENT')
      throw new UserError(`cannot write ${file}: its folder does not exist`, 'create the folder first');
    if (code === 'EACCES' || code === 'EPERM')
      throw new UserError(`cannot write ${file}: permission denied`, 'write it somewhere you can write');
    throw error;
  }
}

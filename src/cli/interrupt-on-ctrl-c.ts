/**
 * Ctrl-C for long commands: the first SIGINT aborts the returned signal (the command stops its
 * workers and prints what it has, exit 130); a second one exits at once, for a user who does not
 * want to wait. Shared by `run`, `explain` and the planning commands so they all behave alike.
 */
import { EXIT_INTERRUPTED } from './exit-codes.js';

/** An abort signal wired to SIGINT, and `dispose` to unwire it when the command is done. */
export function interruptOnCtrlC(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onInterrupt) };
}

/**
 * One simulation at a time on the page's runner: starting a job stops the one before it (a slider
 * moved again, the scenario edited) and waits for it to settle before the new one begins.
 */
export class JobQueue {
  private current: { controller: AbortController; done: Promise<void> } | null = null;
  private generation = 0;

  /** Stops the running job, then runs `work` unless another job was started meanwhile. */
  async start(work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const generation = ++this.generation;
    const previous = this.current;
    previous?.controller.abort();
    await previous?.done;
    if (generation !== this.generation) return;
    const controller = new AbortController();
    const done = work(controller.signal).catch((error: unknown) => {
      // A stopped job's rejection is expected; anything else is reported by the job itself.
      if (!controller.signal.aborted) console.error(error);
    });
    this.current = { controller, done };
    await done;
  }

  /** Stops the running job (its finished trials are kept by the job). */
  stop(): void {
    this.current?.controller.abort();
  }
}

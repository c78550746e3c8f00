/**
 * Runs an async computation so that every caller gets a result computed AFTER its call: a call arriving while
 * a run is in progress does not get that (possibly stale) run's answer, and all such calls share one follow-up
 * run, so bursts never pile up.
 */
export class Rerunner<T> {
  private running: Promise<T> | undefined;
  private queued: Promise<T> | undefined;

  constructor(private readonly task: () => Promise<T>) {}

  run(): Promise<T> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    this.queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<T> {
    const run: Promise<T> = (async () => this.task())().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}

/**
 * Saves a document's layer shortly after each change, with no save button: changes are
 * coalesced for a moment, written once, and retried with a growing delay when a save
 * fails. It holds no state of its own: `save` writes whatever is newest when it runs
 * (the state may be rebased onto another window's save meanwhile, see layer-editor.ts),
 * and the state stays in memory until it is on disk.
 */

export type SaveStatus =
  | { state: 'saved' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'failed'; message: string; retryInMs: number };

export interface AutosaveOptions {
  /** Writes the newest state. */
  save: () => Promise<void>;
  onStatus: (status: SaveStatus) => void;
  /** Quiet time before a save, so a burst of keys is one write. */
  delayMs?: number;
  /** Delays between retries after failures; the last one repeats. */
  retryMs?: readonly number[];
  timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

export class Autosaver {
  /** A change not yet on its way to disk. */
  private pending = false;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private failures = 0;
  private readonly delayMs: number;
  private readonly retryMs: readonly number[];
  private readonly timers: NonNullable<AutosaveOptions['timers']>;

  constructor(private readonly options: AutosaveOptions) {
    this.delayMs = options.delayMs ?? 150;
    this.retryMs = options.retryMs ?? [1000, 2000, 5000, 10000];
    this.timers = options.timers ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };
  }

  /** The state changed: save it soon. */
  change(): void {
    this.pending = true;
    this.options.onStatus({ state: 'pending' });
    this.schedule(this.failures > 0 ? this.retryDelay() : this.delayMs);
  }

  /** A save is on its way to disk right now. */
  get isSaving(): boolean {
    return this.running !== null;
  }

  get hasUnsaved(): boolean {
    return this.pending || this.running !== null;
  }

  /** Saves now whatever is waiting (before switching documents, or closing). */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.timers.clear(this.timer);
      this.timer = null;
    }
    if (this.running) await this.running;
    if (this.pending) await this.run();
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private retryDelay(): number {
    return this.retryMs[Math.min(this.failures - 1, this.retryMs.length - 1)] ?? 1000;
  }

  private async run(): Promise<void> {
    if (this.running) {
      // One write at a time; the newest state goes out after this one.
      await this.running;
      if (this.timer === null && this.pending) this.schedule(0);
      return;
    }
    if (!this.pending) return;
    this.pending = false;
    this.options.onStatus({ state: 'saving' });
    this.running = this.options.save().then(
      () => {
        this.failures = 0;
        this.running = null;
        if (this.pending) this.schedule(this.delayMs);
        else this.options.onStatus({ state: 'saved' });
      },
      (error: unknown) => {
        this.failures++;
        this.running = null;
        this.pending = true; // what failed is still in memory: try again
        const retryInMs = this.retryDelay();
        this.options.onStatus({ state: 'failed', message: error instanceof Error ? error.message : String(error), retryInMs });
        this.schedule(retryInMs);
      },
    );
    await this.running;
  }
}

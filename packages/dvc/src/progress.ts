/** Stage of a transfer command. */
export type TransferPhase = 'listing' | 'hash' | 'query' | 'download' | 'upload' | 'checkout';

/**
 * Progress report: `done` of `total` objects finished in `phase`, `bytes` moved so far in it,
 * of `totalBytes` when known (for downloads an estimate from the pointers' sizes), and the time
 * since the phase started.
 */
export interface TransferProgress {
  readonly phase: TransferPhase;
  readonly done: number;
  readonly total: number;
  readonly bytes: number;
  readonly totalBytes?: number;
  readonly elapsedMs: number;
}

export type ProgressListener = (progress: TransferProgress) => void;

/** Bytes per second over the phase so far; undefined before any time has passed. */
export function transferRate(progress: TransferProgress): number | undefined {
  if (progress.elapsedMs <= 0 || progress.bytes === 0) return undefined;
  return (progress.bytes * 1000) / progress.elapsedMs;
}

/** Seconds left at the rate so far; undefined when the total bytes or the rate are unknown. */
export function etaSeconds(progress: TransferProgress): number | undefined {
  const rate = transferRate(progress);
  if (rate === undefined || progress.totalBytes === undefined) return undefined;
  return Math.max(0, progress.totalBytes - progress.bytes) / rate;
}

/** Counts objects and bytes of one phase and reports each change to `listener`. */
export class PhaseProgress {
  done = 0;
  bytes = 0;
  readonly #started: number;
  constructor(
    readonly phase: TransferPhase,
    readonly total: number,
    readonly listener?: ProgressListener,
    readonly totalBytes?: number,
    readonly clock: () => number = Date.now,
  ) {
    this.#started = clock();
    this.#emit();
  }
  addBytes(count: number): void {
    this.bytes += count;
    this.#emit();
  }
  finishOne(): void {
    this.done += 1;
    this.#emit();
  }
  #emit(): void {
    if (this.listener === undefined) return;
    const elapsedMs = this.clock() - this.#started;
    const { phase, done, total, bytes } = this;
    this.listener(
      this.totalBytes === undefined
        ? { phase, done, total, bytes, elapsedMs }
        : { phase, done, total, bytes, totalBytes: this.totalBytes, elapsedMs },
    );
  }
}

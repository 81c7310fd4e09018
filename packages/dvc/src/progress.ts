/** Stage of a transfer command. */
export type TransferPhase = 'listing' | 'hash' | 'query' | 'download' | 'upload' | 'checkout';

/** Progress report: `done` of `total` objects finished in `phase`, `bytes` moved so far in it. */
export interface TransferProgress {
  readonly phase: TransferPhase;
  readonly done: number;
  readonly total: number;
  readonly bytes: number;
}

export type ProgressListener = (progress: TransferProgress) => void;

/** Counts objects and bytes of one phase and reports each change to `listener`. */
export class PhaseProgress {
  done = 0;
  bytes = 0;
  constructor(
    readonly phase: TransferPhase,
    readonly total: number,
    readonly listener?: ProgressListener,
  ) {
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
    this.listener?.({ phase: this.phase, done: this.done, total: this.total, bytes: this.bytes });
  }
}

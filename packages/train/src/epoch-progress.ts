import type { EpochReport } from './train-mlp';

/** The part of a writable stream the progress display needs (a fake in tests). */
export interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

export interface EpochProgressOptions {
  readonly stream?: ProgressStream;
  /** Rewrite one line with `\r` (terminal) instead of one line per epoch (CI, pipes). */
  readonly isTTY?: boolean;
  /** Width of the bar in characters. */
  readonly width?: number;
}

export interface EpochProgress {
  readonly onEpoch: (report: EpochReport) => void;
  /** Ends the rewritten line in a terminal; a no-op otherwise. Safe to call twice. */
  readonly done: () => void;
}

/**
 * Per-epoch progress: in a terminal one line `epoch 7/40 [#####.....] loss 0.1234 val 0.1301 120ms`
 * rewritten in place; elsewhere (CI, pipes) a plain line per epoch without the bar.
 */
export function createEpochProgress(options: EpochProgressOptions = {}): EpochProgress {
  const stream = options.stream ?? process.stderr;
  const isTTY = options.isTTY ?? (stream.isTTY === true && !process.env.CI);
  const width = options.width ?? 20;
  let open = false;
  return {
    onEpoch(report) {
      if (isTTY) {
        stream.write(`\r${formatLine(report, bar(report, width))}\x1b[K`);
        open = true;
      } else {
        stream.write(`${formatLine(report, null)}\n`);
      }
    },
    done() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}

function bar(report: EpochReport, width: number): string {
  const filled = Math.round((report.epoch / report.epochs) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

function formatLine(report: EpochReport, progressBar: string | null): string {
  const parts = [`epoch ${report.epoch}/${report.epochs}`];
  if (progressBar) parts.push(progressBar);
  parts.push(`loss ${report.loss.toFixed(4)}`);
  if (report.valLoss !== null) parts.push(`val ${report.valLoss.toFixed(4)}`);
  parts.push(`${Math.round(report.ms)}ms`);
  return parts.join(' ');
}

import { etaSeconds, type TransferProgress, transferRate } from '@repo/dvc';

/**
 * How a data transfer shows its progress, in bytes:
 * - on a terminal (`stream` is a TTY and `CI` is unset): one line, rewritten in place when the percentage
 *   moves or `REDRAW_MS` passed, with bytes moved (of the total when known), rate and ETA; erased at the end;
 * - elsewhere (CI, logs): a line through `log` at every quarter of a phase's bytes, only for
 *   phases moving at least `LARGE_BYTES`, and at least every `HEARTBEAT_MS` while one runs.
 * A small transfer prints nothing, so a command's output stays its one summary line.
 */
export interface TransferReporter {
  readonly onProgress: (progress: TransferProgress) => void;
  /** Erase the live line (terminal); call once the transfer ended, successfully or not. */
  readonly finish: () => void;
}

/** Phases moving fewer bytes than this are not logged outside a terminal. */
export const LARGE_BYTES = 32 * 1024 ** 2;
const HEARTBEAT_MS = 30_000;
const REDRAW_MS = 100;

export function transferReporter(
  log: (line: string) => void,
  stream: NodeJS.WritableStream | null,
): TransferReporter {
  const tty = stream !== null && (stream as NodeJS.WriteStream).isTTY === true && !process.env.CI;
  return tty ? liveLine(stream) : loggedLines(log);
}

/** `phase:percent` of bytes (or of objects when the bytes are unknown): redrawn when it moves. */
function step(progress: TransferProgress): string {
  const total = progress.totalBytes ?? 0;
  const percent =
    total > 0
      ? Math.floor((100 * progress.bytes) / total)
      : Math.floor((100 * progress.done) / Math.max(1, progress.total));
  return `${progress.phase}:${percent}`;
}

function liveLine(stream: NodeJS.WritableStream): TransferReporter {
  let drawn = '';
  let drawnStep = '';
  let lastDraw = Number.NEGATIVE_INFINITY;
  return {
    onProgress(progress) {
      const now = Date.now();
      const at = step(progress);
      if (at === drawnStep && now - lastDraw < REDRAW_MS) return;
      const line = describeProgress(progress);
      lastDraw = now;
      drawnStep = at;
      if (line === drawn) return;
      stream.write(`\r\x1b[K${line}`);
      drawn = line;
    },
    finish() {
      if (drawn !== '') stream.write('\r\x1b[K');
      drawn = '';
    },
  };
}

function loggedLines(log: (line: string) => void): TransferReporter {
  let phase = '';
  let lastQuarter = 0;
  let lastLine = 0;
  return {
    onProgress(progress) {
      if (progress.phase !== phase) {
        phase = progress.phase;
        lastQuarter = 0;
        lastLine = 0;
      }
      const total = progress.totalBytes ?? 0;
      const quarter = total > 0 ? Math.floor((4 * progress.bytes) / total) : 0;
      const large = total >= LARGE_BYTES && quarter > lastQuarter;
      const slow = progress.done < progress.total && progress.elapsedMs - lastLine >= HEARTBEAT_MS;
      if (!large && !slow) return;
      lastQuarter = Math.max(lastQuarter, quarter);
      lastLine = progress.elapsedMs;
      log(describeProgress(progress));
    },
    finish() {},
  };
}

/** `  download: 45.0 MiB of 107.0 MiB (42%), 3/7 objects, 12.3 MiB/s, ETA 5s` */
export function describeProgress(progress: TransferProgress): string {
  const parts: string[] = [];
  const { bytes, totalBytes } = progress;
  if (totalBytes !== undefined && totalBytes > 0) {
    const percent = Math.min(100, Math.floor((100 * bytes) / totalBytes));
    parts.push(`${formatBytes(bytes)} of ${formatBytes(totalBytes)} (${percent}%)`);
  } else if (bytes > 0) {
    parts.push(formatBytes(bytes));
  }
  parts.push(`${progress.done}/${progress.total} objects`);
  const rate = transferRate(progress);
  if (rate !== undefined) parts.push(`${formatBytes(rate)}/s`);
  const eta = etaSeconds(progress);
  if (eta !== undefined && progress.done < progress.total) parts.push(`ETA ${formatDuration(eta)}`);
  return `  ${progress.phase}: ${parts.join(', ')}`;
}

function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

import type { TransferProgress } from '@repo/dvc';

/**
 * Turns DVC transfer progress into log lines: one when a phase starts, then at every 25% of its
 * objects, with the bytes moved. Terminal or CI, the output stays a few lines long.
 */
export function transferLogger(log: (line: string) => void): (progress: TransferProgress) => void {
  let phase = '';
  let lastQuarter = -1;
  return (progress) => {
    if (progress.phase !== phase) {
      phase = progress.phase;
      lastQuarter = -1;
    }
    if (progress.total === 0) return;
    const quarter = Math.floor((4 * progress.done) / progress.total);
    if (quarter === lastQuarter) return;
    lastQuarter = quarter;
    log(
      `  ${progress.phase}: ${progress.done}/${progress.total} objects, ${formatBytes(progress.bytes)}`,
    );
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

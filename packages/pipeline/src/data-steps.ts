import { add, pull, push, type StatusReport, status, type TransferProgress } from '@repo/dvc';
import type { PipelineContext } from './context';
import { formatBytes, transferReporter } from './transfer-progress';

/** The pointer of the template's data: `data.dvc` at the repository root, tracking `data/`. */
export const DATA_POINTER = 'data.dvc';

export interface DataStepSummary {
  readonly message: string;
}

/** Runs `transfer` with byte progress on the context's progress stream or log. */
async function withProgress<T>(
  ctx: PipelineContext,
  transfer: (onProgress: (progress: TransferProgress) => void) => Promise<T>,
): Promise<T> {
  const reporter = transferReporter(ctx.log, ctx.progress);
  try {
    return await transfer(reporter.onProgress);
  } finally {
    reporter.finish();
  }
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * remote → cache → workspace for `data.dvc`; every object verified before it is written.
 * Workspace files whose changes are not in the cache are kept (DvcWorkspaceConflictError)
 * unless `force`.
 */
export async function pullData(
  ctx: PipelineContext,
  options: { remote?: string | undefined; force?: boolean | undefined } = {},
) {
  const result = await withProgress(ctx, (onProgress) =>
    pull({
      root: ctx.paths.root,
      pointer: DATA_POINTER,
      ...(options.remote === undefined ? {} : { remote: options.remote }),
      force: options.force === true,
      onProgress,
    }),
  );
  const overwritten =
    result.overwritten.length === 0
      ? ''
      : `; discarded the changes to ${result.overwritten.join(', ')}`;
  const message =
    result.checkedOut === 0 && result.downloaded === 0
      ? `data is up to date (${plural(result.unchanged, 'file')} verified)`
      : `pulled ${plural(result.downloaded, 'object')} (${formatBytes(result.bytesDownloaded)}), wrote ${plural(result.checkedOut, 'file')}, ${result.unchanged} unchanged${overwritten}`;
  return { ...result, message };
}

export async function pushData(
  ctx: PipelineContext,
  options: { remote?: string | undefined } = {},
) {
  const result = await withProgress(ctx, (onProgress) =>
    push({
      root: ctx.paths.root,
      pointer: DATA_POINTER,
      ...(options.remote === undefined ? {} : { remote: options.remote }),
      onProgress,
    }),
  );
  return {
    ...result,
    message: `uploaded ${plural(result.uploaded, 'object')} (${formatBytes(result.bytesUploaded)}); ${result.alreadyOnRemote} already on the remote`,
  };
}

export async function addData(ctx: PipelineContext, target: string) {
  const result = await add({ root: ctx.paths.root, target });
  return {
    ...result,
    message: `tracked ${target} as ${result.md5} (${formatBytes(result.size)}${result.nfiles === undefined ? '' : `, ${result.nfiles} files`}); stored ${result.stored} new object${result.stored === 1 ? '' : 's'} in the cache`,
  };
}

export async function dataStatus(ctx: PipelineContext): Promise<StatusReport & DataStepSummary> {
  const report = await status({ root: ctx.paths.root, pointer: DATA_POINTER });
  const lines = [`workspace: ${report.workspace}`];
  for (const change of report.changed) lines.push(`  ${change.state}: ${change.relpath}`);
  if (report.cache.missing.length > 0)
    lines.push(`cache: ${report.cache.missing.length} object(s) missing`);
  if (report.remote !== null) {
    lines.push(
      report.remote.missing.length === 0
        ? `remote ${report.remote.name}: has every object`
        : `remote ${report.remote.name}: ${report.remote.missing.length} object(s) missing (run mlops data push)`,
    );
  }
  for (const legacy of report.legacy) lines.push(`${legacy.pointer}: ${legacy.explanation}`);
  return { ...report, message: lines.join('\n') };
}

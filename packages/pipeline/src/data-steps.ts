import { add, pull, push, type StatusReport, status } from '@repo/dvc';
import type { PipelineContext } from './context';
import { formatBytes, transferLogger } from './transfer-progress';

/** The pointer of the template's data: `data.dvc` at the repository root, tracking `data/`. */
export const DATA_POINTER = 'data.dvc';

export interface DataStepSummary {
  readonly message: string;
}

/** remote → cache → workspace for `data.dvc`; every object verified before it is written. */
export async function pullData(
  ctx: PipelineContext,
  options: { remote?: string | undefined } = {},
) {
  ctx.log(`Pulling ${DATA_POINTER}...`);
  const result = await pull({
    root: ctx.paths.root,
    pointer: DATA_POINTER,
    ...(options.remote === undefined ? {} : { remote: options.remote }),
    onProgress: transferLogger(ctx.log),
  });
  const message =
    result.checkedOut === 0 && result.downloaded === 0
      ? `data is up to date (${result.unchanged} file${result.unchanged === 1 ? '' : 's'} verified)`
      : `pulled ${result.downloaded} object${result.downloaded === 1 ? '' : 's'} (${formatBytes(result.bytesDownloaded)}), wrote ${result.checkedOut} file${result.checkedOut === 1 ? '' : 's'}, ${result.unchanged} unchanged`;
  return { ...result, message };
}

export async function pushData(
  ctx: PipelineContext,
  options: { remote?: string | undefined } = {},
) {
  const result = await push({
    root: ctx.paths.root,
    pointer: DATA_POINTER,
    ...(options.remote === undefined ? {} : { remote: options.remote }),
    onProgress: transferLogger(ctx.log),
  });
  return {
    ...result,
    message: `uploaded ${result.uploaded} object${result.uploaded === 1 ? '' : 's'} (${formatBytes(result.bytesUploaded)}); ${result.alreadyOnRemote} already on the remote`,
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

import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readPointer, status } from '@repo/dvc';
import { assertValid, selectColumns, type Table, writeCsv } from '@repo/tabular';
import { concatTables } from './concat-tables';
import type { PipelineContext } from './context';
import { addData, DATA_POINTER } from './data-steps';
import { ReferenceDataError, WindowDataError } from './drift-errors';
import { type DriftCheck, type DriftOptions, driftCheck } from './drift-step';
import { DataOutOfDateError, WorkspaceError } from './errors';

export interface RetrainSummary {
  readonly model: string;
  /** True when a new data version was written and tracked. */
  readonly prepared: boolean;
  readonly reasons: readonly string[];
  readonly rows: {
    readonly reference: number;
    readonly current: number;
    readonly total: number;
  } | null;
  readonly file: string | null;
  /** The new md5 of the tracked data, when prepared. */
  readonly dataMd5: string | null;
  readonly message: string;
}

/** The rows of the next data version, as the policy says, with the data files' columns. */
function nextData(check: DriftCheck): { table: Table; reference: number } {
  const current = check.current.table;
  if (current === null) throw new WorkspaceError('no window rows to retrain on');
  const { data } = check.monitoring.retrain;
  const all = check.reference.all;
  if (all === null) {
    throw new ReferenceDataError(
      `${check.version.tag}: its data version ${check.record.lineage.dataMd5} cannot be pulled, so it cannot be extended with the window (the profile holds no rows)`,
    );
  }
  const names = [...all.columns.keys()];
  for (const name of names) {
    if (!current.columns.has(name)) {
      throw new WindowDataError(
        `${check.current.label}: the window has no column "${name}", which the data files have; retraining needs every column (the target too)`,
        check.current.label,
        name,
      );
    }
  }
  const window = selectColumns(current, names);
  return data === 'current'
    ? { table: window, reference: 0 }
    : { table: concatTables([all, window]), reference: all.rowCount };
}

/**
 * Writes `table` over `file` through a temp file in `.dvc/tmp` (git-ignored, outside the tracked
 * data, so an interrupted run leaves nothing in `data/`), tracks the data, and restores `file` on
 * failure.
 */
async function writeTracked(ctx: PipelineContext, target: string, file: string, table: Table) {
  const previous = existsSync(file) ? await readFile(file) : null;
  const tempDir = join(ctx.paths.root, '.dvc', 'tmp');
  const temp = join(tempDir, `retrain-${process.pid}-${basename(file)}`);
  await mkdir(dirname(file), { recursive: true });
  await mkdir(tempDir, { recursive: true });
  try {
    await writeCsv(table, temp);
    await rename(temp, file);
    return await addData(ctx, target);
  } catch (error) {
    await rm(temp, { force: true });
    if (previous === null) await rm(file, { force: true });
    else await writeFile(file, previous);
    throw error;
  }
}

/**
 * Prepares the retraining data version of `model` locally: runs the drift check; when the policy
 * (`monitoring.retrain.on`) calls for retraining (or `force`), writes the production data version
 * with the window appended (`data: reference+current`, the default) or the window alone
 * (`current`) into the model's data file, validated against its config, and `data add`s the
 * tracked folder so `data.dvc` changes and `mlops pipeline` trains on it. Refuses when the
 * workspace data has unsaved changes; on any failure the data file is restored and nothing is
 * tracked.
 */
export async function retrainData(
  ctx: PipelineContext,
  model: string,
  options: DriftOptions & { readonly force?: boolean } = {},
): Promise<RetrainSummary> {
  const check = await driftCheck(ctx, model, options);
  const reasons = options.force === true ? ['forced'] : check.report.retrain.reasons;
  const none = { model, reasons, rows: null, file: null, dataMd5: null };
  if (check.report.status === 'too-few-rows') {
    return {
      ...none,
      prepared: false,
      message: `${model}: too few rows in the window (${check.report.lineage.currentRows} of ${check.monitoring.minRows} needed); nothing written`,
    };
  }
  if (reasons.length === 0) {
    return {
      ...none,
      prepared: false,
      message: `${model}: the retraining policy is not met (no dataset drift, no degraded metric); nothing written (use --force)`,
    };
  }
  const files = check.loaded.config.data.files;
  if (files.length !== 1)
    throw new WorkspaceError(
      `${model}: retrain writes one data file, and data.files lists ${files.length}`,
    );
  const pointer = await readPointer(join(ctx.paths.root, DATA_POINTER));
  const target = pointer.outs[0]?.path ?? 'data';
  const report = await status({ root: ctx.paths.root, pointer: DATA_POINTER, remote: false });
  if (report.workspace === 'modified') {
    throw new DataOutOfDateError(
      `the data differs from ${DATA_POINTER}: run \`mlops data add ${target}\` or \`mlops data pull --force\` before \`mlops retrain\``,
    );
  }
  const next = nextData(check);
  assertValid(next.table, check.loaded.config);
  const file = join(ctx.paths.root, files[0] as string);
  const added = await writeTracked(ctx, target, file, next.table);
  const rows = {
    reference: next.reference,
    current: next.table.rowCount - next.reference,
    total: next.table.rowCount,
  };
  return {
    model,
    prepared: true,
    reasons,
    rows,
    file: files[0] as string,
    dataMd5: added.md5,
    message: `${model}: wrote ${rows.total} rows (${rows.reference} of ${check.version.tag}'s data version + ${rows.current} from the window) to ${files[0]}; ${added.message}. Run \`mlops pipeline\` to train on it`,
  };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type LoadedConfig,
  loadModelConfig,
  type ResolvedMonitoring,
  type ResolvedSource,
  resolveMonitoring,
} from '@repo/config';
import { type ColumnDriftResult, columnDrift, datasetDrift } from '@repo/drift';
import type { ConceptDrift, DriftReportData, GroupDrift } from '@repo/drift-report';
import { type ModelVersion, NoProductionError } from '@repo/registry';
import { type NumericColumn, selectRows, type Table } from '@repo/tabular';
import { initBackend } from '@repo/train';
import { readJsonRecord, TRAINING_RECORD, type TrainingRecord } from './candidate-files';
import { conceptDrift, groupDrift } from './concept-drift';
import type { PipelineContext } from './context';
import { type CurrentWindow, loadCurrentWindow } from './current-window';
import { WorkspaceError } from './errors';
import { predictTables } from './model-predictions';
import { loadReference, type ReferenceData } from './reference-data';
import { retrainReasons } from './retrain-policy';
import { modelDir } from './workspace';

export interface DriftOptions {
  /** Read the window from here instead of `monitoring.source`. */
  readonly current?: ResolvedSource;
  /** Refuse the profile.json fallback when the data version cannot be pulled. */
  readonly strictReference?: boolean;
}

/** What `driftCheck` measured, plus what `retrain` needs to build the next data version. */
export interface DriftCheck {
  readonly report: DriftReportData;
  readonly loaded: LoadedConfig;
  readonly monitoring: ResolvedMonitoring;
  readonly version: ModelVersion;
  readonly record: TrainingRecord;
  readonly reference: ReferenceData;
  readonly current: CurrentWindow;
}

async function productionRelease(ctx: PipelineContext, model: string): Promise<ModelVersion> {
  const version = await ctx.registry.resolve(model, 'production');
  if (version === undefined) {
    throw new NoProductionError(
      `${model} has no production version to compare the window with: run \`mlops pipeline\` first`,
    );
  }
  return version;
}

async function modelConfig(ctx: PipelineContext, model: string): Promise<LoadedConfig> {
  const file = join(modelDir(ctx.paths, model), 'model.yaml');
  try {
    return await loadModelConfig(file);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'ENOENT') {
      throw new WorkspaceError(`unknown model "${model}": ${file} does not exist`);
    }
    throw error;
  }
}

function numericColumn(name: string, values: Float64Array): NumericColumn {
  return { kind: 'numeric', name, values };
}

interface ModelDrift {
  readonly prediction: ColumnDriftResult;
  readonly concept: ConceptDrift | null;
  readonly groups: readonly GroupDrift[];
  readonly note?: string;
}

/** Prediction drift, and concept drift and group metrics on the window rows with a target. */
async function modelDrift(
  ctx: PipelineContext,
  dir: string,
  check: { record: TrainingRecord; version: ModelVersion; monitoring: ResolvedMonitoring },
  reference: Table,
  current: Table,
): Promise<ModelDrift> {
  const { config } = check.record;
  await initBackend(ctx.backend, { log: (line) => ctx.log(`${config.name}: ${line}`) });
  const [refPredicted, curPredicted] = (await predictTables(dir, config, [reference, current])) as [
    Float64Array,
    Float64Array,
  ];
  const prediction = columnDrift(
    numericColumn('prediction', refPredicted),
    numericColumn('prediction', curPredicted),
  );
  const target = current.columns.get(config.target.name);
  if (target?.kind !== 'numeric') return { prediction, concept: null, groups: [] };
  const finite: number[] = [];
  target.values.forEach((v, i) => {
    if (Number.isFinite(v)) finite.push(i);
  });
  const rows = Int32Array.from(finite);
  if (rows.length === 0) return { prediction, concept: null, groups: [] };
  const y = Float64Array.from(rows, (i) => target.values[i] as number);
  const yhat = Float64Array.from(rows, (i) => curPredicted[i] as number);
  const { concept: spec } = check.monitoring;
  const release = check.version.metrics[spec.metric];
  const groups = groupDrift(config, selectRows(current, rows), y, yhat, spec.metric);
  if (release === undefined) {
    return {
      prediction,
      concept: null,
      groups,
      note: `${check.version.tag} recorded no \`${spec.metric}\` at its release: concept drift not measured.`,
    };
  }
  const concept = conceptDrift(config.task, y, yhat, release, { ...spec, seed: config.seed });
  return { prediction, concept, groups };
}

function lineageOf(check: Omit<DriftCheck, 'report' | 'loaded'>): DriftReportData['lineage'] {
  const { version, reference, current, monitoring } = check;
  return {
    releaseTag: version.tag,
    version: version.version,
    referenceDataMd5: check.record.lineage.dataMd5,
    referenceFrom: reference.from,
    referenceRows: reference.train.rowCount,
    currentSource: current.label,
    currentMd5: current.md5,
    currentRowsRead: current.rowsRead,
    currentRows: current.table?.rowCount ?? 0,
    minRows: monitoring.minRows,
    window: current.window,
  };
}

type CheckBase = Omit<DriftCheck, 'report' | 'loaded'>;

/** The verdicts on a window with enough rows: columns, predictions, concept, retraining. */
async function judge(
  ctx: PipelineContext,
  dir: string,
  base: CheckBase,
  table: Table,
  notes: string[],
): Promise<DriftReportData> {
  const { monitoring, record, reference } = base;
  const dataset = datasetDrift(reference.train, table, {
    include: record.config.features.map((f) => f.name),
    defaults: monitoring.drift.defaults,
    columns: monitoring.drift.columns,
    driftShare: monitoring.drift.driftShare,
  });
  const drift = await modelDrift(ctx, dir, base, reference.train, table);
  if (drift.note !== undefined) notes.push(drift.note);
  const degraded = drift.concept?.degraded === true;
  const reasons = retrainReasons(
    monitoring.retrain.on,
    dataset.drifted,
    drift.prediction.drifted,
    degraded,
  );
  return {
    model: record.model,
    status: dataset.drifted || degraded ? 'drift' : 'no-drift',
    lineage: lineageOf(base),
    dataset,
    prediction: drift.prediction,
    concept: drift.concept,
    groups: drift.groups,
    retrain: { recommended: reasons.length > 0, reasons },
    notes,
  };
}

function tooFewRows(model: string, base: CheckBase, notes: string[]): DriftReportData {
  return {
    model,
    status: 'too-few-rows',
    lineage: lineageOf(base),
    dataset: null,
    prediction: null,
    concept: null,
    groups: [],
    retrain: { recommended: false, reasons: [] },
    notes,
  };
}

/**
 * The drift check of `model`: the production release's training rows (its data version pulled
 * from DVC and split again) against the current window (from `monitoring.source` or
 * `options.current`): column drift of every feature and the dataset verdict, prediction drift of
 * the production model, concept drift and group metrics when the window has the target, and
 * whether the retraining policy calls for a new data version. Below `minRows`: no verdict.
 */
export async function driftCheck(
  ctx: PipelineContext,
  model: string,
  options: DriftOptions = {},
): Promise<DriftCheck> {
  const loaded = await modelConfig(ctx, model);
  const monitoring = resolveMonitoring(loaded.config);
  const version = await productionRelease(ctx, model);
  const dir = await mkdtemp(join(tmpdir(), `mlops-drift-${model}-`));
  try {
    await ctx.registry.download(model, version.version, dir);
    const record = await readJsonRecord<TrainingRecord>(
      dir,
      TRAINING_RECORD,
      `${version.tag} has no ${TRAINING_RECORD}`,
    );
    const source = options.current ?? monitoring.source;
    const current = await loadCurrentWindow(ctx.paths.root, source, record.config, monitoring);
    const reference = await loadReference(ctx.paths.root, record, dir, {
      strict: options.strictReference === true,
    });
    ctx.log(
      `${model}: ${reference.train.rowCount} reference rows (${reference.from}) against ${current.table?.rowCount ?? 0} current rows`,
    );
    const base: CheckBase = { monitoring, version, record, reference, current };
    const notes = reference.note === undefined ? [] : [reference.note];
    const table = current.table;
    const report =
      table === null || table.rowCount < monitoring.minRows
        ? tooFewRows(model, base, notes)
        : await judge(ctx, dir, base, table, notes);
    return { ...base, loaded, report };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

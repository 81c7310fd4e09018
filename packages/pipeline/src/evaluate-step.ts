import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeatureColumnError } from '@repo/features';
import type { ModelVersion } from '@repo/registry';
import {
  type EvaluationResult,
  evaluateGates,
  type GateResult,
  type MetricsDiff,
  metricsDiff,
  type ParamsDiff,
  paramsDiff,
  renderMetricsJson,
  renderReport,
} from '@repo/report';
import { ColumnNotFoundError } from '@repo/tabular';
import { initBackend } from '@repo/train';
import {
  EVALUATION_RECORD,
  METRICS_FILE,
  REPORT_FILE,
  readJsonRecord,
  TRAINING_RECORD,
  type TrainingRecord,
} from './candidate-files';
import type { PipelineContext } from './context';
import { StaleCandidateError } from './errors';
import { loadModelData, type ModelData } from './model-data';
import { scoreModel } from './score-model';
import { modelParams } from './train-step';
import { candidateDir } from './workspace';

export interface EvaluationSummary {
  readonly model: string;
  readonly passed: boolean;
  readonly gates: readonly GateResult[];
  readonly candidate: EvaluationResult;
  /** The production version evaluated on the same test rows, if there is one. */
  readonly production: EvaluationResult | null;
  readonly metricsDiff: MetricsDiff;
  readonly paramsDiff: ParamsDiff;
  readonly testRows: number;
  readonly trainRows: number;
  readonly reportFile: string;
  readonly markdown: string;
}

/**
 * Scores the trained candidate and the production version on the same test rows, checks the
 * quality gates and writes `report.md`, `metrics.json` and `evaluation.json` beside the candidate.
 */
export async function evaluateModel(
  ctx: PipelineContext,
  model: string,
  options: { readonly runUrl?: string; readonly data?: ModelData } = {},
): Promise<EvaluationSummary> {
  const dir = candidateDir(ctx.paths, model);
  const record = await readJsonRecord<TrainingRecord>(
    dir,
    TRAINING_RECORD,
    `run \`mlops train ${model}\` first`,
  );
  const data = options.data ?? (await loadModelData(ctx, model));
  if (data.loaded.hash !== record.lineage.configHash || data.dataMd5 !== record.lineage.dataMd5) {
    throw new StaleCandidateError(
      `the candidate in ${dir} was trained on another config or data version than the workspace has: run \`mlops train ${model}\` again`,
    );
  }
  const { config } = data.loaded;
  await initBackend(ctx.backend, { log: (line) => ctx.log(`${model}: ${line}`) });
  const testRows = data.split.test;
  ctx.log(`${model}: scoring the candidate on ${testRows.length} test rows`);
  const candidateScore = await scoreModel(dir, config, data.table, testRows);
  const candidate: EvaluationResult = {
    model,
    ...candidateScore,
    params: modelParams(record),
    history: record.history,
    lineage: record.lineage,
    data: { md5: data.dataMd5, rows: data.table.rowCount },
  };

  const productionVersion = await ctx.registry.resolve(model, 'production');
  const production =
    productionVersion === undefined
      ? undefined
      : await scoreProduction(ctx, productionVersion, data);

  const gates = evaluateGates(config.gates, candidate, production);
  const passed = gates.every((gate) => gate.passed);
  const diff = metricsDiff(candidate, production);
  const params = paramsDiff(candidate.params, production?.params);
  const markdown = renderReport({
    candidate,
    ...(production === undefined ? {} : { production }),
    gates,
    metricsDiff: diff,
    paramsDiff: params,
    ...(options.runUrl === undefined ? {} : { runUrl: options.runUrl }),
  });
  const summary: EvaluationSummary = {
    model,
    passed,
    gates,
    candidate,
    production: production ?? null,
    metricsDiff: diff,
    paramsDiff: params,
    testRows: testRows.length,
    trainRows: data.split.train.length,
    reportFile: join(dir, REPORT_FILE),
    markdown,
  };
  await writeFile(join(dir, REPORT_FILE), markdown);
  await writeFile(join(dir, METRICS_FILE), renderMetricsJson(candidate));
  await writeFile(
    join(dir, EVALUATION_RECORD),
    `${JSON.stringify({ ...summary, markdown: undefined }, null, 2)}\n`,
  );
  ctx.log(
    `${model}: ${passed ? 'all gates passed' : `${gates.filter((g) => !g.passed).length} gate(s) failed`}`,
  );
  return summary;
}

/**
 * Downloads (verified) and scores the production version on the candidate's test rows. When it
 * cannot read this data (its input columns changed), a warning, and the metrics recorded at its
 * release instead. A checksum mismatch is never degraded: it fails the evaluation.
 */
async function scoreProduction(
  ctx: PipelineContext,
  version: ModelVersion,
  data: ModelData,
): Promise<EvaluationResult> {
  const dir = await mkdtemp(join(tmpdir(), `mlops-${version.model}-${version.version}-`));
  try {
    await ctx.registry.download(version.model, version.version, dir);
    const record = await readJsonRecord<TrainingRecord>(
      dir,
      TRAINING_RECORD,
      `${version.tag} has no ${TRAINING_RECORD}`,
    );
    ctx.log(`${version.model}: scoring production ${version.tag} on the same test rows`);
    let score: { metrics: Record<string, number>; groups: EvaluationResult['groups'] };
    try {
      score = await scoreModel(dir, record.config, data.table, data.split.test);
    } catch (error) {
      if (!(error instanceof ColumnNotFoundError || error instanceof FeatureColumnError))
        throw error;
      ctx.log(
        `warning: ${version.tag} cannot be scored on this data (${error.message}); comparing with the metrics recorded at its release`,
      );
      score = { metrics: version.metrics, groups: {} };
    }
    return {
      model: version.model,
      version: version.version,
      ...score,
      params: modelParams(record),
      history: record.history,
      lineage: version.lineage,
      data: { md5: String(version.lineage.dataMd5), rows: Number(version.lineage.dataRows) },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

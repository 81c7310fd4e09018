import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { canonicalJson } from '@repo/config';
import {
  fitPreprocessor,
  serializePreprocessor,
  targetValues,
  transformTable,
  transformTarget,
} from '@repo/features';
import { createEpochProgress, initBackend, saveModel, trainMlp } from '@repo/train';
import { artifactDigest } from './artifact-digest';
import { PROFILE_FILE, TRAINING_RECORD, type TrainingRecord } from './candidate-files';
import type { PipelineContext } from './context';
import { profileTable } from './data-profile';
import { gitState, type Lineage } from './lineage';
import { loadModelData, type ModelData } from './model-data';
import { candidateDir } from './workspace';

export interface TrainSummary {
  readonly model: string;
  readonly dir: string;
  readonly backend: string;
  readonly epochsRun: number;
  readonly bestEpoch: number;
  readonly stoppedEarly: boolean;
  readonly trainingMs: number;
  readonly artifactDigest: string;
  readonly dataMd5: string;
  readonly configHash: string;
}

/**
 * Trains the candidate of `model` into `models/<model>/artifacts/candidate/`: TF.js layers files,
 * the fitted preprocessing, the training-data profile and `training.json` (lineage and history).
 * The folder is replaced as a whole only when training succeeded. `data` skips loading the data
 * again when the caller already holds it (the pipeline loads it once for train and evaluate).
 */
export async function trainModel(
  ctx: PipelineContext,
  model: string,
  options: {
    readonly data?: ModelData;
    /**
     * The commit the lineage names when HEAD is not it: a pull request run checks out a
     * temporary test-merge commit, and the commit reviewed is the pull request's head.
     */
    readonly commit?: string;
  } = {},
): Promise<TrainSummary> {
  const { loaded, table, split, dataMd5 } = options.data ?? (await loadModelData(ctx, model));
  const { config } = loaded;
  ctx.log(
    `${model}: ${table.rowCount} rows (train ${split.train.length}, validation ${split.validation.length}, test ${split.test.length}), data ${dataMd5.slice(0, 12)}`,
  );

  const preprocessor = fitPreprocessor(table, config, split.train);
  const train = transformTable(preprocessor, table, split.train);
  const validation = transformTable(preprocessor, table, split.validation);
  const backend = await initBackend(ctx.backend, { log: (line) => ctx.log(`${model}: ${line}`) });

  const progress =
    ctx.progress === null ? undefined : createEpochProgress({ stream: ctx.progress });
  const result = await trainMlp({
    x: train.x,
    y: transformTarget(preprocessor, targetValues(preprocessor, table, split.train)),
    nFeatures: train.width,
    xVal: validation.x,
    yVal: transformTarget(preprocessor, targetValues(preprocessor, table, split.validation)),
    architecture: config.model,
    training: config.training,
    task: config.task,
    seed: config.seed,
    ...(progress === undefined ? {} : { onEpoch: progress.onEpoch }),
  });
  progress?.done();
  ctx.log(
    `${model}: ${result.epochsRun} epochs in ${(result.durationMs / 1000).toFixed(2)} s on ${result.backend}` +
      (result.backend === 'fused'
        ? ` (${result.threads} thread${result.threads === 1 ? '' : 's'})`
        : '') +
      (result.stoppedEarly ? `, stopped early; best epoch ${result.bestEpoch}` : ''),
  );
  if (result.threadFallback !== null) {
    ctx.log(`${model}: warning: trained on one thread: ${result.threadFallback}`);
  }

  const finalDir = candidateDir(ctx.paths, model);
  const stagingDir = join(dirname(finalDir), `.candidate-${process.pid}-${Date.now()}`);
  await rm(stagingDir, { recursive: true, force: true });
  await mkdir(stagingDir, { recursive: true });
  try {
    await saveModel(result.model, stagingDir);
    result.model.dispose();
    await writeFile(join(stagingDir, 'preprocessor.json'), serializePreprocessor(preprocessor));
    const profileColumns = [
      ...config.features.map((f) => f.name),
      config.target.name,
      ...config.groups.filter((g) => !config.features.some((f) => f.name === g)),
    ];
    await writeFile(
      join(stagingDir, PROFILE_FILE),
      `${JSON.stringify(profileTable(table, profileColumns, split.train), null, 2)}\n`,
    );
    const digest = await artifactDigest(stagingDir);
    const git = await gitState(ctx.paths.root);
    const lineage: Lineage = {
      model,
      dataMd5,
      dataFiles: config.data.files,
      dataRows: table.rowCount,
      gitCommit: options.commit ?? git.commit,
      gitDirty: git.dirty,
      ...(options.commit === undefined || options.commit === git.commit
        ? {}
        : { checkoutCommit: git.commit }),
      configHash: loaded.hash,
      artifactDigest: digest,
      packages: {
        '@tensorflow/tfjs-core': backend.version,
        node: process.version,
        ...(backend.kernel === undefined ? {} : { 'mlp-kernel.wasm (sha256)': backend.kernel }),
      },
      backend: result.backend,
      seed: config.seed,
      trainingMs: Math.round(result.durationMs),
      epochsRun: result.epochsRun,
      trainedAt: new Date().toISOString(),
      inputSchema: config.features.map((f) => ({ name: f.name, type: f.type })),
    };
    const record: TrainingRecord = {
      model,
      config,
      lineage,
      history: result.history,
      bestEpoch: result.bestEpoch,
      stoppedEarly: result.stoppedEarly,
      rows: {
        train: split.train.length,
        validation: split.validation.length,
        test: split.test.length,
      },
      inputSchema: lineage.inputSchema as TrainingRecord['inputSchema'],
    };
    await writeFile(join(stagingDir, TRAINING_RECORD), `${JSON.stringify(record, null, 2)}\n`);
    await rm(finalDir, { recursive: true, force: true });
    await rename(stagingDir, finalDir);
    return {
      model,
      dir: finalDir,
      backend: result.backend,
      epochsRun: result.epochsRun,
      bestEpoch: result.bestEpoch,
      stoppedEarly: result.stoppedEarly,
      trainingMs: lineage.trainingMs,
      artifactDigest: digest,
      dataMd5,
      configHash: loaded.hash,
    };
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    throw error;
  }
}

/** The parameters a report compares: the configuration without what does not change the model. */
export function modelParams(record: TrainingRecord): Record<string, unknown> {
  const { name: _name, description: _description, gates: _gates, ...params } = record.config;
  return JSON.parse(canonicalJson(params)) as Record<string, unknown>;
}

/**
 * The data of the train benches: the reference job's synthetic regression set and the example
 * model's features, as `npm run bench -w @repo/train` has always made them.
 */
import { loadModelConfig } from '@repo/config';
import { fitPreprocessor, targetValues, transformTable, transformTarget } from '@repo/features';
import { generateHouseSales, splitRows } from '@repo/tabular';
import type { MlpArchitecture, Task, TrainingSettings } from '../src/index';
import { mulberry32 } from '../src/prng';

/** y = Σ sin((j+1)·x_j) + noise, x uniform in [-1, 1]. */
export function referenceData(rows: number, features: number, seed: number) {
  const random = mulberry32(seed);
  const x = new Float32Array(rows * features);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let j = 0; j < features; j++) {
      const value = random() * 2 - 1;
      x[i * features + j] = value;
      sum += Math.sin((j + 1) * value);
    }
    y[i] = sum + (random() - 0.5) * 0.1;
  }
  return { x, y };
}

/** One training job of the benches: data, shape and settings. */
export interface TrainJob {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly nFeatures: number;
  readonly architecture: MlpArchitecture;
  readonly training: TrainingSettings;
  readonly task: Task;
}

/** The reference job: 8→64→32→1 relu, 20 epochs, batch 256, Adam 1e-3, MSE, on `rows` rows. */
export function referenceJob(rows = 20_000, epochs = 20): TrainJob {
  return {
    ...referenceData(rows, 8, 7),
    nFeatures: 8,
    architecture: { type: 'mlp', hiddenLayers: [64, 32], activation: 'relu' },
    training: {
      epochs,
      batchSize: 256,
      learningRate: 1e-3,
      optimizer: 'adam',
      earlyStopping: null,
    },
    task: 'regression',
  };
}

/**
 * The example model (models/house-prices) as configured, on 12,000 generated sales (its training
 * split, preprocessed as the pipeline does), without early stopping so that every trainer runs
 * the configured number of epochs.
 */
export async function exampleJob(): Promise<TrainJob & { readonly seed: number }> {
  const { config } = await loadModelConfig(
    new URL('../../../models/house-prices/model.yaml', import.meta.url).pathname,
  );
  const table = generateHouseSales({ rows: 12_000, seed: 42 });
  const split = splitRows(table, config.split, config.seed);
  const preprocessor = fitPreprocessor(table, config, split.train);
  const features = transformTable(preprocessor, table, split.train);
  return {
    x: features.x,
    y: transformTarget(preprocessor, targetValues(preprocessor, table, split.train)),
    nFeatures: features.width,
    architecture: config.model,
    training: { ...config.training, earlyStopping: null },
    task: config.task,
    seed: config.seed,
  };
}

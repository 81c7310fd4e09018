/**
 * `npm run bench -w @repo/train` (RUNS=3 by default; MLOPS_BACKEND picks the backend).
 *
 * 1. The reference job: MLP 8→64→32→1 (relu), 20,000 rows × 8 features, 20 epochs, batch 256,
 *    Adam lr 1e-3, MSE.
 * 2. The example model (models/house-prices) on the example data, as configured, without early
 *    stopping so both trainers run the same number of epochs.
 * Each next to tfjs `model.fit` on the same backend, in the same process.
 */
import { loadModelConfig } from '@repo/config';
import { fitPreprocessor, targetValues, transformTable, transformTarget } from '@repo/features';
import { generateHouseSales, splitRows } from '@repo/tabular';
import { initBackend } from '../src/index';
import { mulberry32 } from '../src/prng';
import { compareWithFit } from './compare-with-fit';

const RUNS = Number(process.env.RUNS ?? 3);
const backend = await initBackend('auto', { log: (msg) => console.log(msg) });

/** y = Σ sin((j+1)·x_j) + noise, x uniform in [-1, 1]. */
function referenceData(rows: number, features: number, seed: number) {
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

const reference = await compareWithFit({
  label: `reference job (${backend.name})`,
  ...referenceData(20_000, 8, 7),
  nFeatures: 8,
  architecture: { type: 'mlp', hiddenLayers: [64, 32], activation: 'relu' },
  training: {
    epochs: 20,
    batchSize: 256,
    learningRate: 1e-3,
    optimizer: 'adam',
    earlyStopping: null,
  },
  task: 'regression',
  runs: RUNS,
});

const { config } = await loadModelConfig(
  new URL('../../../models/house-prices/model.yaml', import.meta.url).pathname,
);
const table = generateHouseSales({ rows: 12_000, seed: 42 });
const split = splitRows(table, config.split, config.seed);
const preprocessor = fitPreprocessor(table, config, split.train);
const features = transformTable(preprocessor, table, split.train);
const example = await compareWithFit({
  label: `example model house-prices (${backend.name})`,
  x: features.x,
  y: transformTarget(preprocessor, targetValues(preprocessor, table, split.train)),
  nFeatures: features.width,
  architecture: config.model,
  training: { ...config.training, earlyStopping: null },
  task: config.task,
  runs: RUNS,
});

console.log(
  `\nsummary (${backend.name}): reference ${reference.ours.toFixed(0)} ms vs model.fit ${reference.fit.toFixed(0)} ms (${reference.ratio.toFixed(2)}×); ` +
    `example ${example.ours.toFixed(0)} ms vs ${example.fit.toFixed(0)} ms (${example.ratio.toFixed(2)}×); PyTorch CPU goal for the reference job: ~1500 ms`,
);

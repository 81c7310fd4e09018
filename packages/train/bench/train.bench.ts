/**
 * Reference job: MLP 8→64→32→1 (relu), 20,000 rows × 8 features, 20 epochs, batch 256,
 * Adam lr 1e-3, MSE. Runs `trainMlp` and tfjs `model.fit` alternately on the same backend
 * (MLOPS_BACKEND, default auto) after a warm-up and prints medians, the ratio and memory.
 *
 *   npm run bench -w @repo/train            # RUNS=3 by default
 *   MLOPS_BACKEND=cpu RUNS=1 npm run bench -w @repo/train
 */
import * as tf from '@tensorflow/tfjs';
import { buildMlp, initBackend, trainMlp } from '../src/index';
import { mulberry32 } from '../src/prng';
import type { MlpArchitecture, TrainingSettings } from '../src/specs';

const ROWS = 20_000;
const FEATURES = 8;
const RUNS = Number(process.env.RUNS ?? 3);
const architecture: MlpArchitecture = { type: 'mlp', hiddenLayers: [64, 32], activation: 'relu' };
const training: TrainingSettings = {
  epochs: 20,
  batchSize: 256,
  learningRate: 1e-3,
  optimizer: 'adam',
  earlyStopping: null,
};

/** y = Σ sin((j+1)·x_j) + noise, x uniform in [-1, 1]. */
function syntheticData(seed: number) {
  const random = mulberry32(seed);
  const x = new Float32Array(ROWS * FEATURES);
  const y = new Float32Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    let sum = 0;
    for (let j = 0; j < FEATURES; j++) {
      const value = random() * 2 - 1;
      x[i * FEATURES + j] = value;
      sum += Math.sin((j + 1) * value);
    }
    y[i] = sum + (random() - 0.5) * 0.1;
  }
  return { x, y };
}

/** Wall time and this process's CPU time (robust against other load on the machine). */
function clock() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}

async function runTrainMlp(data: ReturnType<typeof syntheticData>) {
  const stop = clock();
  const result = await trainMlp({
    ...data,
    nFeatures: FEATURES,
    architecture,
    training,
    task: 'regression',
    seed: 42,
  });
  const time = stop();
  const loss = result.history.loss.at(-1) ?? Number.NaN;
  result.model.dispose();
  return { ...time, loss };
}

async function runFit(data: ReturnType<typeof syntheticData>) {
  const model = buildMlp(FEATURES, architecture, 'regression', 42);
  model.compile({ optimizer: tf.train.adam(training.learningRate), loss: 'meanSquaredError' });
  const x = tf.tensor2d(data.x, [ROWS, FEATURES]);
  const y = tf.tensor2d(data.y, [ROWS, 1]);
  const stop = clock();
  const history = await model.fit(x, y, {
    epochs: training.epochs,
    batchSize: training.batchSize,
    shuffle: true,
    verbose: 0,
  });
  const time = stop();
  const loss = Number(history.history.loss?.at(-1));
  tf.dispose([x, y]);
  model.optimizer.dispose();
  model.dispose();
  return { ...time, loss };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const backend = await initBackend('auto', { log: (msg) => console.log(msg) });
const data = syntheticData(7);
console.log(
  `reference job: ${ROWS}×${FEATURES}, 8→64→32→1 relu, ${training.epochs} epochs, batch ${training.batchSize}, adam 1e-3, runs ${RUNS}`,
);

// Warm-up: kernels, wasm code caches, JIT.
await runTrainMlp({ x: data.x.subarray(0, 2000 * FEATURES), y: data.y.subarray(0, 2000) });
await runFit({ x: data.x, y: data.y }).catch(() => undefined);

const ours: number[] = [];
const fit: number[] = [];
const oursCpu: number[] = [];
const fitCpu: number[] = [];
let peakRss = process.memoryUsage().rss;
for (let run = 0; run < RUNS; run++) {
  const a = await runTrainMlp(data);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const b = await runFit(data);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  ours.push(a.ms);
  fit.push(b.ms);
  oursCpu.push(a.cpuMs);
  fitCpu.push(b.cpuMs);
  console.log(
    `run ${run + 1}: trainMlp ${a.ms.toFixed(0)} ms (cpu ${a.cpuMs.toFixed(0)} ms, loss ${a.loss.toFixed(4)})  ` +
      `model.fit ${b.ms.toFixed(0)} ms (cpu ${b.cpuMs.toFixed(0)} ms, loss ${b.loss.toFixed(4)})`,
  );
}
const mOurs = median(ours);
const mFit = median(fit);
const memory = tf.memory();
console.log(
  `backend ${backend.name}: trainMlp median ${mOurs.toFixed(0)} ms, model.fit median ${mFit.toFixed(0)} ms`,
);
console.log(`speed-up (model.fit / trainMlp): ${(mFit / mOurs).toFixed(2)}× wall`);
console.log(
  `cpu time: trainMlp median ${median(oursCpu).toFixed(0)} ms, model.fit median ${median(fitCpu).toFixed(0)} ms, ` +
    `speed-up ${(median(fitCpu) / median(oursCpu)).toFixed(2)}×`,
);
console.log(
  `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB; tf.memory(): ${memory.numTensors} tensors, ${memory.numBytes} bytes`,
);

import { initBackend, trainMlp } from '../src/index';
import { mulberry32 } from '../src/prng';

await initBackend((process.env.B as 'wasm') ?? 'wasm');
const r = mulberry32(1);
const n = 20000,
  f = 8;
const x = new Float32Array(n * f).map(() => r() * 2 - 1);
const y = new Float32Array(n).map((_, i) => Math.sin(x[i * f] as number));
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage().user;
  const res = await trainMlp({
    x,
    y,
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
    seed: 1,
  });
  console.log(
    (performance.now() - t0).toFixed(0),
    'cpu',
    ((process.cpuUsage().user - c0) / 1000).toFixed(0),
    res.history.loss.at(-1),
  );
  res.model.dispose();
}

import { initBackend, trainMlp } from '../src/index';
import { mulberry32 } from '../src/prng';

await initBackend((process.env.B as 'wasm') ?? 'wasm');
const r = mulberry32(1);
const n = 20000,
  f = 8;
const x = new Float32Array(n * f).map(() => r() * 2 - 1);
const y = new Float32Array(n).map((_, i) => Math.sin(x[i * f] as number));
const variants = (process.env.VARIANTS ?? '')
  .split(';')
  .map((v) => Object.fromEntries(v.split(',').map((kv) => kv.split('='))));
const times: number[][] = variants.map(() => []);
const walls: number[][] = variants.map(() => []);
for (let k = 0; k < Number(process.env.N ?? 4); k++) {
  for (const [vi, v] of variants.entries()) {
    Object.assign(process.env, v);
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
    if (k > 0) {
      times[vi]!.push((process.cpuUsage().user - c0) / 1000);
      walls[vi]!.push(performance.now() - t0);
    }
    res.model.dispose();
  }
}
const med = (a: number[]) => [...a].sort((p, q) => p - q)[Math.floor(a.length / 2)]!;
variants.forEach((v, i) =>
  console.log(
    JSON.stringify(v),
    'cpu med',
    med(times[i]!).toFixed(0),
    'wall med',
    med(walls[i]!).toFixed(0),
    times[i]!.map((t) => t.toFixed(0)).join(' '),
  ),
);

import { initBackend, trainMlp } from '../src/index';
for (const b of ['cpu', 'wasm', 'auto'] as const) {
  const info = await initBackend(b, { log: console.log });
  const r = await trainMlp({ x: new Float32Array(40).fill(1), y: new Float32Array(10), nFeatures: 4, architecture: { type: 'mlp', hiddenLayers: [3], activation: 'elu' }, training: { epochs: 1, batchSize: 4, learningRate: 0.1, optimizer: 'adam', earlyStopping: null }, task: 'regression', seed: 1 });
  console.log(info.name, r.backend);
}

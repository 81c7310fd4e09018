import * as tf from '@tensorflow/tfjs';
import { initBackend, trainMlp } from '../src/index';
await initBackend('wasm');
const x = new Float32Array(512 * 4).map((_, i) => (i % 7) / 7); const y = new Float32Array(512).map((_, i) => i % 2);
for (const es of [null, { patience: 1, minDelta: 0 }]) {
  const before = tf.memory().numTensors;
  const res = await trainMlp({ x, y, xVal: x, yVal: y, nFeatures: 4, architecture: { type: 'mlp', hiddenLayers: [8], activation: 'relu' }, training: { epochs: 3, batchSize: 64, learningRate: 1e-3, optimizer: 'adam', earlyStopping: es }, task: 'classification', seed: 1 });
  console.log('model weights', res.model.getWeights().length, 'delta', tf.memory().numTensors - before);
  res.model.dispose();
  console.log('after dispose delta', tf.memory().numTensors - before);
}

import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/index';

await initBackend('wasm');
console.log(
  'simd',
  await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
  'mt',
  await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
);
const a = new Float32Array(16384).fill(1.5);
const b = new Float32Array(16384).fill(2);
const t0 = performance.now();
const c = new Float32Array(16384);
for (let k = 0; k < 2000; k++)
  for (let i = 0; i < 16384; i++) c[i] = (a[i] as number) * (b[i] as number);
console.log('js mul µs', ((performance.now() - t0) / 2).toFixed(1));

import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/index';

await initBackend((process.env.B as 'wasm') ?? 'wasm');
const rnd = (s: number[]) => tf.randomUniform(s, -1, 1, 'float32', 1);
const shapes: [number, number, number][] = [
  [256, 8, 64],
  [256, 64, 32],
  [256, 32, 1],
  [8, 256, 64],
  [64, 256, 32],
  [32, 256, 1],
  [64, 256, 8],
  [32, 256, 64],
  [1, 256, 32],
  [256, 32, 64],
  [256, 1, 32],
];
for (const [m, k, n] of shapes) {
  const A = rnd([m, k]),
    B = rnd([k, n]);
  const run = (fresh: boolean) => tf.tidy(() => tf.matMul(A, fresh ? tf.neg(B) : B));
  const negOnly = () => tf.tidy(() => tf.neg(B));
  for (const fresh of [false, true]) {
    for (let i = 0; i < 100; i++) run(fresh);
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) run(fresh);
    const t = ((performance.now() - t0) / 1000) * 1000;
    let tn = 0;
    if (fresh) {
      const t1 = performance.now();
      for (let i = 0; i < 1000; i++) negOnly();
      tn = ((performance.now() - t1) / 1000) * 1000;
    }
    console.log(
      `${m}x${k} · ${k}x${n} ${fresh ? 'fresh B' : 'same B '}`,
      (t - tn).toFixed(1),
      'µs',
    );
  }
}

import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/index';

await initBackend((process.env.B as 'wasm') ?? 'wasm');
const rnd = (s: number[]) => tf.randomUniform(s, -1, 1, 'float32', 1);
const cases: [string, () => tf.Tensor][] = [];
const a = rnd([256, 8]),
  w1 = rnd([8, 64]),
  h1 = rnd([256, 64]),
  w2 = rnd([64, 32]),
  h2 = rnd([256, 32]),
  d3 = rnd([256, 1]),
  w3 = rnd([32, 1]),
  d2 = rnd([256, 32]),
  d1 = rnd([256, 64]),
  b1 = rnd([64]);
cases.push(['fwd x·W1', () => tf.matMul(a, w1)]);
cases.push([
  'fused x·W1+b relu',
  () => tf.fused.matMul({ a, b: w1, bias: b1, activation: 'relu' }),
]);
cases.push(['fwd h1·W2', () => tf.matMul(h1, w2)]);
cases.push(['gW2 h1^T·d2 (tA)', () => tf.matMul(h1, d2, true, false)]);
cases.push(['gW2 via transpose', () => tf.matMul(tf.transpose(h1), d2)]);
cases.push(['gW1 x^T·d1 (tA)', () => tf.matMul(a, d1, true, false)]);
cases.push(['dh1 d2·W2^T (tB)', () => tf.matMul(d2, w2, false, true)]);
cases.push(['dh1 via transpose', () => tf.matMul(d2, tf.transpose(w2))]);
cases.push(['gW3 h2^T·d3', () => tf.matMul(h2, d3, true, false)]);
cases.push(['sum axis0 d1', () => tf.sum(d1, 0)]);
cases.push(['step h1', () => tf.step(h1)]);
cases.push(['mul', () => tf.mul(h1, d1)]);
cases.push(['add scalar small', () => tf.add(b1, 1)]);
for (const [name, fn] of cases) {
  for (let i = 0; i < 200; i++) tf.tidy(fn);
  const t0 = performance.now();
  for (let i = 0; i < 2000; i++) tf.tidy(fn);
  console.log(name.padEnd(24), (((performance.now() - t0) / 2000) * 1000).toFixed(1), 'µs');
}

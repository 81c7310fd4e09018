import type { Rng } from './rng';

/** Fisher–Yates: a uniformly random permutation of 0..n-1 drawn from `rng`. */
export function shuffleIndices(n: number, rng: Rng): Int32Array {
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = indices[i] ?? 0;
    indices[i] = indices[j] ?? 0;
    indices[j] = t;
  }
  return indices;
}

/** A seeded generator of uniform floats in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a 32-bit state PRNG (Tommy Ettinger), small and fast, good enough for shuffling.
 * The same seed always yields the same sequence.
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derives an independent 31-bit seed for the `index`-th consumer (e.g. a layer) from a base seed,
 * by hashing both through one mulberry32 step. Positive and below 2^31 so it is a valid TF.js seed.
 */
export function deriveSeed(seed: number, index: number): number {
  const mixed = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  return Math.floor(mulberry32(mixed)() * 0x7fffffff);
}

/** Fills `order` with a Fisher–Yates permutation of 0..n-1 drawn from `random`. */
export function shuffledIndices(order: Int32Array, random: Random): Int32Array {
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = order[i] as number;
    order[i] = order[j] as number;
    order[j] = tmp;
  }
  return order;
}

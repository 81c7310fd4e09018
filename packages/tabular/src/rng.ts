/** A seeded source of uniform random numbers. */
export interface Rng {
  /** A uniform float in [0, 1), with 32 random bits. */
  next(): number;
  /** A uniform integer in [0, n), without modulo bias. `n` must be a positive integer ≤ 2^32. */
  nextInt(n: number): number;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, 128-bit state, passes PractRand and
 * BigCrush), its state filled from the seed by splitmix32 and warmed up by 12 outputs.
 * The seed is taken as a 32-bit integer (`seed >>> 0` of its integer part); the same seed always
 * yields the same sequence on every platform (only 32-bit integer arithmetic is used).
 */
export function createRng(seed: number): Rng {
  let s = Math.trunc(seed) >>> 0;
  const splitmix32 = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = 1;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32();
  return {
    next: () => nextUint32() / 4294967296,
    nextInt: (n: number) => {
      if (!Number.isInteger(n) || n <= 0 || n > 4294967296) {
        throw new RangeError(`nextInt: n must be an integer in [1, 2^32], got ${n}`);
      }
      // Rejection sampling: drop the top partial block of 2^32 so every residue is equally likely.
      const limit = 4294967296 - (4294967296 % n);
      for (;;) {
        const x = nextUint32();
        if (x < limit) return x % n;
      }
    },
  };
}

/** A standard normal draw (Box–Muller on two `next()` values). */
export function nextGaussian(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

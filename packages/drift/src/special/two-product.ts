/** 2²⁷ + 1, Veltkamp's splitter for doubles. */
const SPLITTER = 134_217_729;

/**
 * a·b as an unevaluated sum hi + lo with hi = fl(a·b) and lo the exact rounding error
 * (Dekker's TwoProduct, no fused multiply-add needed). Exact unless a·b overflows.
 */
export function twoProduct(a: number, b: number): { hi: number; lo: number } {
  const hi = a * b;
  const ca = SPLITTER * a;
  const aHi = ca - (ca - a);
  const aLo = a - aHi;
  const cb = SPLITTER * b;
  const bHi = cb - (cb - b);
  const bLo = b - bHi;
  const lo = aLo * bLo - (hi - aHi * bHi - aLo * bHi - aHi * bLo);
  return { hi, lo };
}

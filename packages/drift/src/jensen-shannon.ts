import { EmptySampleError, InvalidValueError, SampleLengthError } from './errors';

/** x·ln(x/y) with scipy's `rel_entr` conventions (0 for x = 0). */
function relativeEntropyTerm(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Number.POSITIVE_INFINITY;
}

function normalized(weights: ArrayLike<number>, what: string): Float64Array {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (!(Number.isFinite(w) && w >= 0)) {
      throw new InvalidValueError(
        `jensenShannonDistance: ${what}[${i}] is ${w}; a weight ≥ 0 is required`,
      );
    }
    total += w;
  }
  if (total === 0) throw new EmptySampleError(`jensenShannonDistance: ${what} sums to 0`);
  return Float64Array.from(weights, (w) => w / total);
}

/**
 * Jensen–Shannon distance between two discrete distributions over the same bins, natural log,
 * as `scipy.spatial.distance.jensenshannon(p, q)`: both normalized to sum 1, m = (p + q)/2,
 * √((KL(p‖m) + KL(q‖m)) / 2). In [0, √ln 2]. Accepts counts or shares.
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) {
    throw new SampleLengthError(
      `jensenShannonDistance: ${p.length} bins in p but ${q.length} in q`,
    );
  }
  const P = normalized(p, 'p');
  const Q = normalized(q, 'q');
  let left = 0;
  let right = 0;
  for (let i = 0; i < P.length; i++) {
    const pi = P[i] as number;
    const qi = Q[i] as number;
    const m = (pi + qi) / 2;
    left += relativeEntropyTerm(pi, m);
    right += relativeEntropyTerm(qi, m);
  }
  return Math.sqrt((left + right) / 2);
}

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** What test/reference/make-reference.py computed with scipy / numpy (see that script). */
export interface Expected {
  readonly versions: { readonly scipy: string; readonly numpy: string };
  readonly samples: Readonly<Record<string, number[]>>;
  readonly ksTwoSample: readonly {
    reference: string;
    current: string;
    statistic: number;
    pValue: number;
    method: 'exact' | 'asymptotic';
  }[];
  readonly kolmogorovSf: readonly { n: number; x: number; sf: number }[];
  readonly smirnovSf: readonly { n: number; x: number; sf: number }[];
  readonly ksExactP: readonly { n1: number; n2: number; h: number; ok: boolean; p: number }[];
  readonly gamma: readonly { a: number; x: number; q: number; p: number }[];
  readonly erfc: readonly { x: number; erfc: number }[];
  readonly chiSquare: readonly {
    reference: number[];
    current: number[];
    statistic: number;
    pValue: number;
  }[];
  readonly chiSquareSf: readonly { df: number; x: number; sf: number }[];
  readonly zTest: readonly {
    x1: number;
    n1: number;
    x2: number;
    n2: number;
    statistic: number;
    pValue: number;
  }[];
  readonly wasserstein: readonly {
    reference: string;
    current: string;
    distance: number;
    normed: number;
  }[];
  readonly binned: readonly {
    reference: string;
    current: string;
    numeric: boolean;
    edges: number[] | null;
    psi: number;
    jensenShannon: number;
  }[];
  readonly jensenShannonVectors: readonly { p: number[]; q: number[]; distance: number }[];
}

export const expected: Expected = JSON.parse(
  readFileSync(new URL('./reference/expected.json', import.meta.url), 'utf8'),
);

/** A named fixed input of the reference script as a Float64Array. */
export function sample(name: string): Float64Array {
  const values = expected.samples[name];
  if (values === undefined) throw new Error(`no sample "${name}" in expected.json`);
  return Float64Array.from(values);
}

/** The tolerance of every comparison with scipy: relative 1e-9 (|a − e| ≤ 1e-9·|e|). */
export const RELATIVE_TOLERANCE = 1e-9;

/**
 * Asserts |actual − wanted| ≤ 1e-9·|wanted| (relative), or an exact match when wanted is 0, ±∞
 * or NaN. `absolute` widens it to an absolute floor where a value is a difference of O(1)
 * quantities that scipy itself only knows to about 1e-16 absolute.
 */
export function expectClose(actual: number, wanted: number, label: string, absolute = 0): void {
  if (!Number.isFinite(wanted) || wanted === 0) {
    expect(actual, label).toBe(wanted);
    return;
  }
  const error = Math.abs(actual - wanted);
  const allowed = Math.max(RELATIVE_TOLERANCE * Math.abs(wanted), absolute);
  expect(error, `${label}: got ${actual}, scipy ${wanted}`).toBeLessThanOrEqual(allowed);
}

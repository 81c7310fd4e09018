import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Values computed by `reference/sklearn_reference.py` (scikit-learn and numpy). */
export interface Reference {
  readonly sklearn_version: string;
  readonly regression: {
    readonly y: number[];
    readonly yhat: number[];
    readonly expected: Record<'mse' | 'rmse' | 'mae' | 'mape' | 'r2', number>;
  };
  readonly regression_constant_perfect: Pair & { readonly expected: { readonly r2: number } };
  readonly regression_constant_imperfect: Pair & { readonly expected: { readonly r2: number } };
  readonly classification: Classification & { readonly threshold_0_3: ClassificationExpected };
  readonly classification_no_predicted_positive: Classification;
  readonly groups: {
    readonly levels: string[];
    readonly codes: number[];
    readonly expected: Record<string, Record<string, number>>;
  };
  readonly percentile: {
    readonly values: number[];
    readonly p: number[];
    readonly expected: number[];
  };
}

interface Pair {
  readonly y: number[];
  readonly yhat: number[];
}

type ClassificationExpected = Record<
  'accuracy' | 'precision' | 'recall' | 'f1' | 'roc_auc' | 'log_loss',
  number
>;

interface Classification {
  readonly y: number[];
  readonly scores: number[];
  readonly expected: ClassificationExpected;
}

export const reference: Reference = JSON.parse(
  readFileSync(new URL('./reference/reference.json', import.meta.url), 'utf8'),
);

/** Relative tolerance 1e-9 (absolute 1e-12 near zero). */
export function expectClose(actual: number, expected: number, what = ''): void {
  const tolerance = 1e-9 * Math.max(Math.abs(expected), 1e-3);
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

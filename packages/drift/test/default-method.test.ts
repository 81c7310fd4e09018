import { describe, expect, it } from 'vitest';
import { columnDrift } from '../src/column-drift';
import { defaultMethod } from '../src/default-method';
import { resolveRules } from '../src/options';
import { categorical, cycling, numeric } from './columns';

describe('defaultMethod', () => {
  it('picks KS for a numeric column with 6 distinct values and a reference of 1,000 rows', () => {
    expect(defaultMethod({ kind: 'numeric', referenceRows: 1000, distinctValues: 6 })).toBe('ks');
  });

  it('picks normed Wasserstein for the same column from 1,001 reference rows', () => {
    expect(defaultMethod({ kind: 'numeric', referenceRows: 1001, distinctValues: 6 })).toBe(
      'wasserstein',
    );
  });

  it('picks chi-square for 3 to 5 values and the Z-test for 2 values up to 1,000 rows', () => {
    for (const kind of ['numeric', 'categorical'] as const) {
      expect(defaultMethod({ kind, referenceRows: 1000, distinctValues: 5 })).toBe('chisquare');
      expect(defaultMethod({ kind, referenceRows: 1000, distinctValues: 3 })).toBe('chisquare');
      expect(defaultMethod({ kind, referenceRows: 1000, distinctValues: 2 })).toBe('z');
      expect(defaultMethod({ kind, referenceRows: 10, distinctValues: 1 })).toBe('z');
    }
  });

  it('picks Jensen–Shannon above 1,000 rows for categorical columns and numeric ones with ≤ 5 values', () => {
    expect(defaultMethod({ kind: 'numeric', referenceRows: 1001, distinctValues: 5 })).toBe(
      'jensenshannon',
    );
    expect(defaultMethod({ kind: 'numeric', referenceRows: 1001, distinctValues: 2 })).toBe(
      'jensenshannon',
    );
    expect(defaultMethod({ kind: 'categorical', referenceRows: 1001, distinctValues: 50 })).toBe(
      'jensenshannon',
    );
  });

  it('keeps a categorical column off KS however many values it has', () => {
    expect(defaultMethod({ kind: 'categorical', referenceRows: 1000, distinctValues: 6 })).toBe(
      'chisquare',
    );
  });

  it('moves every cut-off when the rules are overridden', () => {
    const rules = resolveRules({
      smallReferenceRows: 50,
      numericDistinctValues: 10,
      binaryDistinctValues: 3,
    });
    expect(defaultMethod({ kind: 'numeric', referenceRows: 50, distinctValues: 11 }, rules)).toBe(
      'ks',
    );
    expect(defaultMethod({ kind: 'numeric', referenceRows: 50, distinctValues: 10 }, rules)).toBe(
      'chisquare',
    );
    expect(defaultMethod({ kind: 'numeric', referenceRows: 50, distinctValues: 3 }, rules)).toBe(
      'z',
    );
    expect(defaultMethod({ kind: 'numeric', referenceRows: 51, distinctValues: 11 }, rules)).toBe(
      'wasserstein',
    );
  });

  it('is what columnDrift applies, counting non-missing reference rows and distinct values of both sides', () => {
    const method = (rows: number, distinct: number) =>
      columnDrift(numeric('x', cycling(rows, distinct)), numeric('x', cycling(300, distinct)))
        .method;
    expect(method(1000, 6)).toBe('ks');
    expect(method(1001, 6)).toBe('wasserstein');
    expect(method(1000, 5)).toBe('chisquare');
    expect(method(1000, 3)).toBe('chisquare');
    expect(method(1000, 2)).toBe('z');
    expect(method(1001, 5)).toBe('jensenshannon');
    // 1,001 rows of which one is missing: 1,000 count.
    const withMissing = numeric('x', [...cycling(1000, 6), Number.NaN]);
    expect(columnDrift(withMissing, numeric('x', cycling(300, 6))).method).toBe('ks');
    // 2 values in the reference and a third, new one in the current data: 3 distinct → chi-square.
    const labels = (n: number, values: string[]) =>
      Array.from({ length: n }, (_, i) => values[i % values.length] ?? null);
    const result = columnDrift(
      categorical('c', labels(500, ['a', 'b'])),
      categorical('c', labels(300, ['a', 'b', 'c'])),
    );
    expect(result.method).toBe('chisquare');
    expect(result.methodSource).toBe('default');
  });
});

import { describe, expect, it } from 'vitest';
import { DriftOptionError } from '../src/errors';
import { assertMethod, assertThreshold, DEFAULT_DRIFT_RULES, resolveRules } from '../src/options';

describe('resolveRules', () => {
  it("is Evidently's defaults without an override: 1,000 rows, 5 / 2 / 20 values, 0.05 / 0.1, share 0.5", () => {
    expect(resolveRules()).toEqual(DEFAULT_DRIFT_RULES);
    expect(DEFAULT_DRIFT_RULES).toMatchObject({
      smallReferenceRows: 1000,
      numericDistinctValues: 5,
      binaryDistinctValues: 2,
      maxDiscreteValues: 20,
      driftShare: 0.5,
      thresholds: {
        ks: 0.05,
        chisquare: 0.05,
        z: 0.05,
        wasserstein: 0.1,
        jensenshannon: 0.1,
        psi: 0.1,
      },
    });
  });

  it('overrides single thresholds and keeps the others', () => {
    const rules = resolveRules({ thresholds: { psi: 0.25 }, driftShare: 0.3 });
    expect(rules.thresholds.psi).toBe(0.25);
    expect(rules.thresholds.ks).toBe(0.05);
    expect(rules.driftShare).toBe(0.3);
  });

  it('rejects negative counts, p-value thresholds above 1 and shares outside (0, 1]', () => {
    expect(() => resolveRules({ smallReferenceRows: -1 })).toThrow(DriftOptionError);
    expect(() => resolveRules({ thresholds: { ks: 1.5 } })).toThrow(/threshold 1.5 for ks/);
    expect(() => resolveRules({ driftShare: 1.2 })).toThrow(/driftShare is 1.2/);
  });
});

describe('assertThreshold and assertMethod', () => {
  it('accept a distance threshold above 1 and name the column in their errors', () => {
    expect(() => assertThreshold('psi', 2)).not.toThrow();
    expect(() => assertThreshold('psi', Number.NaN, 'price')).toThrow(/column "price"/);
    expect(() => assertMethod('ks')).not.toThrow();
    expect(() => assertMethod('kolmogorov', 'price')).toThrow(
      /column "price": unknown drift method/,
    );
  });
});

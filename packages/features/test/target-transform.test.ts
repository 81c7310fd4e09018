import { describe, expect, it } from 'vitest';
import {
  fitPreprocessor,
  inverseTarget,
  type PreprocessSpec,
  TargetTransformError,
  targetValues,
  transformTarget,
} from '../src/index';
import { numeric, rows, table } from './tables';

const data = table([numeric('sqft', [1, 2, 3, 4]), numeric('price', [100, 200, 400, 800])]);

function fit(transform: 'none' | 'log' | 'standardize') {
  const spec: PreprocessSpec = {
    features: [{ name: 'sqft', type: 'numeric' }],
    target: { name: 'price', transform },
    missing: { numeric: 'mean', categorical: 'unknown' },
  };
  return fitPreprocessor(data, spec, rows(0, 1, 2));
}

describe('the target transform', () => {
  it('standardizes the logarithm with training statistics and inverts it with exp', () => {
    const state = fit('log');
    // Training rows are 100, 200, 400: ln values ln200 − ln2, ln200, ln200 + ln2.
    if (state.target.transform !== 'log') throw new Error('expected a log target');
    expect(state.target.mean).toBeCloseTo(Math.log(200), 12);
    expect(state.target.std).toBeCloseTo(Math.LN2 * Math.sqrt(2 / 3), 12);
    const y = targetValues(state, data);
    expect(Array.from(y)).toEqual([100, 200, 400, 800]);
    const t = transformTarget(state, y);
    expect(t[1]).toBeCloseTo(0, 6);
    expect(t[3]).toBeCloseTo(Math.log(4) / (Math.LN2 * Math.sqrt(2 / 3)), 5);
    const back = inverseTarget(state, t);
    back.forEach((v, i) => {
      expect(v / (y[i] as number)).toBeCloseTo(1, 6);
    });
  });

  it('standardizes with the training mean and population std', () => {
    const state = fit('standardize');
    const mean = 700 / 3;
    const std = Math.sqrt(((100 - mean) ** 2 + (200 - mean) ** 2 + (400 - mean) ** 2) / 3);
    expect(state.target).toEqual({ name: 'price', transform: 'standardize', mean, std });
    const t = transformTarget(state, [800]);
    expect(t[0]).toBeCloseTo((800 - mean) / std, 5);
    expect(inverseTarget(state, [1])[0]).toBeCloseTo(std + mean, 10);
  });

  it('passes values through unchanged with none', () => {
    const state = fit('none');
    expect(Array.from(transformTarget(state, [1.5, -2]))).toEqual([1.5, -2]);
    expect(Array.from(inverseTarget(state, [1.5, -2]))).toEqual([1.5, -2]);
  });

  it('rejects a non-positive value under log and a missing value, naming the index', () => {
    const state = fit('log');
    expect(() => transformTarget(state, [3, 0])).toThrow(TargetTransformError);
    expect(() => transformTarget(state, [3, 0])).toThrow(/index 1 is 0/);
    expect(() => transformTarget(fit('none'), [Number.NaN])).toThrow(/index 0 is missing/);
  });
});

import { describe, expect, it } from 'vitest';
import { networkLayout, packWeights, pad4, padRows, unpackWeights } from '../src/layout';

describe('networkLayout', () => {
  it('pads every layer to the SIMD width and places kernel then bias per layer', () => {
    const layout = networkLayout([5, 7, 1], 'tanh', 'classification');
    expect(layout.layers).toEqual([
      { inputs: 5, units: 7, inPad: 8, outPad: 8, kernelOffset: 0, biasOffset: 64 },
      { inputs: 7, units: 1, inPad: 8, outPad: 4, kernelOffset: 72, biasOffset: 104 },
    ]);
    expect(layout.paramCount).toBe(108);
    expect(layout.activation).toBe(2);
    expect(layout.task).toBe(1);
  });

  it('refuses sizes that are not positive integers', () => {
    expect(() => networkLayout([3, 0, 1], 'relu', 'regression')).toThrow(/positive integers/);
    expect(() => networkLayout([3], 'relu', 'regression')).toThrow(/input and an output/);
  });
});

describe('packWeights and unpackWeights', () => {
  const layout = networkLayout([3, 2, 1], 'relu', 'regression');
  const weights = [
    Float32Array.of(1, 2, 3, 4, 5, 6),
    Float32Array.of(0.5, -0.5),
    Float32Array.of(7, 8),
    Float32Array.of(9),
  ];

  it('round-trips TF.js kernels and biases through the padded vector, padding zero', () => {
    const params = packWeights(layout, weights);
    expect(Array.from(params.subarray(0, 8))).toEqual([1, 2, 0, 0, 3, 4, 0, 0]);
    expect(Array.from(params.subarray(8, 16))).toEqual([5, 6, 0, 0, 0, 0, 0, 0]);
    expect(unpackWeights(layout, params)).toEqual(weights);
  });

  it('names the layer whose weights have the wrong shape', () => {
    expect(() =>
      packWeights(layout, [
        weights[0],
        weights[1],
        Float32Array.of(7),
        weights[3],
      ] as Float32Array[]),
    ).toThrow(/layer 2: kernel has 1 values and bias 1, expected 2×1 and 1/);
    expect(() => packWeights(layout, weights.slice(0, 2))).toThrow(/expected 4 weight arrays/);
  });
});

describe('padRows', () => {
  it('copies rows into SIMD-wide rows with zero padding', () => {
    expect(Array.from(padRows(Float32Array.of(1, 2, 3, 4, 5, 6), 2, 3))).toEqual([
      1, 2, 3, 0, 4, 5, 6, 0,
    ]);
    expect(pad4(4)).toBe(4);
    expect(pad4(5)).toBe(8);
  });
});

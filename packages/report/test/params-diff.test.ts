import { describe, expect, it } from 'vitest';
import { flattenParams, paramsDiff } from '../src/params-diff';

describe('flattenParams', () => {
  it('joins nested keys with dots and keeps arrays as values', () => {
    expect(
      flattenParams({
        training: { learningRate: 0.01, earlyStopping: { patience: 5 } },
        layers: [64, 32],
      }),
    ).toEqual({
      'training.learningRate': 0.01,
      'training.earlyStopping.patience': 5,
      layers: [64, 32],
    });
  });
});

describe('paramsDiff', () => {
  it('lists only changed keys in the dvc params diff --json shape', () => {
    const candidate = {
      training: { learningRate: 0.001, epochs: 10 },
      model: { layers: [64, 32] },
    };
    const production = { training: { learningRate: 0.003, epochs: 10 }, model: { layers: [64] } };
    const diff = paramsDiff(candidate, production);
    expect(Object.keys(diff)).toEqual(['params.yaml']);
    expect(Object.keys(diff['params.yaml'] ?? {})).toEqual([
      'training.learningRate',
      'model.layers',
    ]);
    expect(diff['params.yaml']?.['training.learningRate']?.old).toBe(0.003);
    expect(diff['params.yaml']?.['training.learningRate']?.new).toBe(0.001);
    expect(diff['params.yaml']?.['training.learningRate']?.diff).toBeCloseTo(-0.002, 12);
    expect(diff['params.yaml']?.['model.layers']).toEqual({ old: [64], new: [64, 32] });
  });

  it('shows added and removed keys with null on the missing side', () => {
    const diff = paramsDiff({ a: { b: 'adam' } }, { a: { c: true } });
    expect(diff).toEqual({
      'params.yaml': { 'a.b': { old: null, new: 'adam' }, 'a.c': { old: true, new: null } },
    });
  });

  it('returns an empty object when nothing changed', () => {
    expect(paramsDiff({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual({});
  });

  it('lists every parameter with old set to null when there is no production', () => {
    expect(
      paramsDiff({ seed: 42, training: { epochs: 5 } }, undefined, { file: 'model.yaml' }),
    ).toEqual({
      'model.yaml': { seed: { old: null, new: 42 }, 'training.epochs': { old: null, new: 5 } },
    });
  });
});

import type { EvaluationResult } from '../src/evaluation-result';

/** A small regression evaluation; override any field. */
export function evaluation(overrides: Partial<EvaluationResult> = {}): EvaluationResult {
  return {
    model: 'house-prices',
    version: '1.1.0',
    metrics: { rmse: 50_000, mae: 35_000, r2: 0.8 },
    groups: {
      ocean_proximity: {
        INLAND: { count: 600, rmse: 60_000 },
        'NEAR BAY': { count: 300, rmse: 45_000 },
      },
    },
    params: { training: { learningRate: 0.001, epochs: 10 }, seed: 42 },
    history: { loss: [1, 0.6, 0.4, 0.3], valLoss: [1.1, 0.7, 0.5, 0.45] },
    lineage: {
      gitCommit: 'abcdef0123456789abcdef0123456789abcdef01',
      configHash: 'c0ffee00c0ffee00',
      backend: 'tensorflow',
      seed: 42,
      trainingMs: 83_400,
      dataMd5: '5d41402abc4b2a76b9719d911017c592',
      packages: { '@tensorflow/tfjs-node': '4.22.0' },
    },
    data: { md5: '5d41402abc4b2a76b9719d911017c592', rows: 20_640 },
    ...overrides,
  };
}

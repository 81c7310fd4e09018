import { describe, expect, it } from 'vitest';
import { ConfigValidationError, parseModelConfig, resolveMonitoring } from '../src/index';
import { validYaml } from './fixtures';

/** validYaml has 25 lines; the monitoring section starts on line 26. */
const withMonitoring = (section: string) => `${validYaml}monitoring:\n${section}`;

function issuesOf(text: string): ConfigValidationError {
  try {
    parseModelConfig(text, 'models/house-prices/model.yaml', 'house-prices');
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('the monitoring section', () => {
  it('accepts every documented key and resolves them over the defaults', () => {
    const loaded = parseModelConfig(
      withMonitoring(`  source: incoming/house-prices/*.csv
  window: { column: sale_date, last: 30d }
  minRows: 50
  drift:
    method: psi
    driftShare: 0.3
    columns: { sqft_living: { method: ks, threshold: 0.01 } }
  concept: { metric: rmse, tolerance: 0.2 }
  retrain: { on: [dataset-drift], data: current }
`),
      'model.yaml',
      'house-prices',
    );
    const resolved = resolveMonitoring(loaded.config);
    expect(resolved.source).toEqual({ kind: 'path', pattern: 'incoming/house-prices/*.csv' });
    expect(resolved.window).toEqual({ column: 'sale_date', last: '30d' });
    expect(resolved.minRows).toBe(50);
    expect(resolved.drift).toEqual({
      defaults: { method: 'psi' },
      driftShare: 0.3,
      columns: { sqft_living: { method: 'ks', threshold: 0.01 } },
    });
    expect(resolved.concept).toMatchObject({ metric: 'rmse', tolerance: 0.2, resamples: 1000 });
    expect(resolved.retrain).toEqual({ on: ['dataset-drift'], data: 'current' });
  });

  it('defaults to the incoming folder of the model when the section is absent', () => {
    const loaded = parseModelConfig(validYaml, 'model.yaml', 'house-prices');
    expect(resolveMonitoring(loaded.config)).toMatchObject({
      source: { kind: 'path', pattern: 'incoming/house-prices/*.csv' },
      minRows: 100,
      drift: { defaults: {}, driftShare: 0.5, columns: {} },
      concept: { metric: 'rmse', tolerance: 0.1, confidence: 0.95 },
      retrain: { on: ['dataset-drift', 'concept-degraded'], data: 'reference+current' },
    });
  });

  it('reads a URL source with its timeout', () => {
    const loaded = parseModelConfig(
      withMonitoring('  source: { url: "http://127.0.0.1:9/w.jsonl", timeoutMs: 500 }\n'),
      'model.yaml',
      'house-prices',
    );
    expect(resolveMonitoring(loaded.config).source).toEqual({
      kind: 'url',
      url: 'http://127.0.0.1:9/w.jsonl',
      timeoutMs: 500,
    });
  });

  it('leaves the monitoring section out of the config hash, so adding it changes no lineage', () => {
    const plain = parseModelConfig(validYaml, 'model.yaml', 'house-prices');
    const monitored = parseModelConfig(
      withMonitoring('  minRows: 10\n'),
      'model.yaml',
      'house-prices',
    );
    expect(monitored.hash).toBe(plain.hash);
  });

  it('names a misspelled key with its line and suggests the right one', () => {
    const error = issuesOf(withMonitoring('  minrows: 10\n'));
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        path: 'monitoring.minrows',
        line: 27,
        hint: 'did you mean "minRows"?',
      }),
    );
  });

  it('suggests the closest drift method and checks the share bounds with lines', () => {
    const error = issuesOf(
      withMonitoring('  drift:\n    method: wasserstien\n    driftShare: 1.5\n'),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        path: 'monitoring.drift.method',
        line: 28,
        hint: 'did you mean "wasserstein"?',
      }),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        path: 'monitoring.drift.driftShare',
        line: 29,
        expected: 'a number ≤ 1',
      }),
    );
  });

  it('refuses per-column options for a column that is not a feature, suggesting one', () => {
    const error = issuesOf(
      withMonitoring('  drift:\n    columns:\n      sqft_livng: { method: psi }\n'),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        path: 'monitoring.drift.columns.sqft_livng',
        line: 29,
        hint: 'did you mean "sqft_living"?',
      }),
    );
  });

  it('refuses a window without a bound, a malformed span and a source outside the workspace', () => {
    expect(issuesOf(withMonitoring('  window: { column: sale_date }\n')).issues).toContainEqual(
      expect.objectContaining({ path: 'monitoring.window', line: 27 }),
    );
    expect(
      issuesOf(withMonitoring('  window: { column: sale_date, last: 30 days }\n')).issues,
    ).toContainEqual(expect.objectContaining({ path: 'monitoring.window.last', line: 27 }));
    expect(issuesOf(withMonitoring('  source: ../elsewhere/*.csv\n')).issues).toContainEqual(
      expect.objectContaining({ path: 'monitoring.source', line: 27 }),
    );
  });

  it('refuses an unknown retraining trigger and data policy', () => {
    const error = issuesOf(
      withMonitoring('  retrain: { on: [dataset_drift], data: everything }\n'),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        path: 'monitoring.retrain.on[0]',
        hint: 'did you mean "dataset-drift"?',
      }),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({ path: 'monitoring.retrain.data' }),
    );
  });
});

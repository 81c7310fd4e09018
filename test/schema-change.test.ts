import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli';
import { cloneTemplate, editFile } from './helpers/template-repo';

describe('a change of the input schema', () => {
  it('compares with the recorded production metrics and registers a major version', async () => {
    const root = cloneTemplate({ epochs: 6 });
    const first = await runCli(['pipeline'], { cwd: root });
    expect(first.code, first.stderr).toBe(0);

    // Drop the sqft_lot column from the data and the model: production can no longer read the data.
    editFile(join(root, 'data/house-sales/sales.csv'), (csv) => {
      const lines = csv.split('\n');
      const column = (lines[0] ?? '').split(',').indexOf('sqft_lot');
      return lines
        .map((line) =>
          line
            .split(',')
            .filter((_, i) => i !== column)
            .join(','),
        )
        .join('\n');
    });
    editFile(join(root, 'models/house-prices/model.yaml'), (text) =>
      text.replace(/ {2}- \{ name: sqft_lot,.*\n/, ''),
    );
    // Loosen the regression gate: this test is about versions, not about the quality of the smaller model.
    editFile(join(root, 'models/house-prices/model.yaml'), (text) =>
      text.replace('tolerance: 0.02', 'tolerance: 10'),
    );
    expect((await runCli(['data', 'add', 'data'], { cwd: root })).code).toBe(0);

    const second = await runCli(['pipeline', '--json'], { cwd: root });
    expect(second.stderr).toMatch(
      /warning: house-prices@v1\.0\.0 cannot be scored on this data \(.*sqft_lot/,
    );
    expect(second.stderr).toContain(
      'input schema changed since house-prices@v1.0.0: major version',
    );
    const summary = JSON.parse(second.stdout) as {
      models: {
        promotion: { status: string; version: string; bump: string };
        evaluation: { production: { version: string; metrics: Record<string, number> } };
      }[];
    };
    const result = summary.models[0];
    expect(result?.evaluation.production.version).toBe('1.0.0');
    expect(result?.evaluation.production.metrics.rmse).toBeGreaterThan(0);
    expect(result?.promotion).toMatchObject({
      status: 'promoted',
      version: '2.0.0',
      bump: 'major',
    });
  });
});

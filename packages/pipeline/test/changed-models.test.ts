import { describe, expect, it } from 'vitest';
import { changedModels, DEFAULT_SHARED_PATHS } from '../src/index';

const models = ['house-prices', 'churn', 'demand'];

describe('changedModels', () => {
  it('returns the model whose folder holds a changed file', () => {
    expect(
      changedModels({ changedFiles: ['models/churn/model.yaml', 'README.md'], models }),
    ).toEqual(['churn']);
  });

  it('returns every model when data.dvc changes', () => {
    expect(changedModels({ changedFiles: ['data.dvc'], models })).toEqual([
      'churn',
      'demand',
      'house-prices',
    ]);
  });

  it('returns every model when the DVC config or the lockfile changes', () => {
    expect(changedModels({ changedFiles: ['.dvc/config'], models })).toHaveLength(3);
    expect(changedModels({ changedFiles: ['package-lock.json'], models })).toHaveLength(3);
  });

  it('returns every model when shared code under packages/ changes', () => {
    expect(
      changedModels({ changedFiles: ['packages/metrics/src/rmse.ts'], models: ['b', 'a'] }),
    ).toEqual(['a', 'b']);
  });

  it('returns no model when only docs change', () => {
    expect(
      changedModels({
        changedFiles: ['docs/contributing.md', 'README.md', '.github/workflows/ci.yml'],
        models,
      }),
    ).toEqual([]);
  });

  it('ignores the folder of a model it was not told about', () => {
    expect(
      changedModels({ changedFiles: ['models/retired/model.yaml', 'models/churn/x.ts'], models }),
    ).toEqual(['churn']);
  });

  it('returns the models sorted and once each', () => {
    expect(
      changedModels({
        changedFiles: [
          'models/house-prices/params.yaml',
          'models/churn/model.yaml',
          'models/house-prices/features.ts',
        ],
        models,
      }),
    ).toEqual(['churn', 'house-prices']);
  });

  it('does not mistake a file named like a model folder or a lookalike path for a change', () => {
    expect(
      changedModels({
        changedFiles: [
          'models/churn',
          'models-old/churn/model.yaml',
          'xpackages/a.ts',
          'data.dvc.bak',
        ],
        models,
      }),
    ).toEqual([]);
  });

  it('accepts ./ prefixes and backslashes', () => {
    expect(
      changedModels({
        changedFiles: ['./models/demand/model.yaml', 'models\\churn\\a.ts'],
        models,
      }),
    ).toEqual(['churn', 'demand']);
  });

  it('uses the given shared paths instead of the default ones', () => {
    const sharedPaths = [...DEFAULT_SHARED_PATHS, 'features/'];
    expect(changedModels({ changedFiles: ['features/a.ts'], models, sharedPaths })).toHaveLength(3);
    expect(changedModels({ changedFiles: ['data.dvc'], models, sharedPaths: [] })).toEqual([]);
  });

  it('returns nothing when there are no models', () => {
    expect(changedModels({ changedFiles: ['data.dvc'], models: [] })).toEqual([]);
  });
});

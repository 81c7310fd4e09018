import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigReadError,
  ConfigValidationError,
  configHash,
  loadModelConfig,
  parseModelConfig,
} from '../src/index';
import { validYaml } from './fixtures';

function issuesOf(text: string): ConfigValidationError {
  try {
    parseModelConfig(text, 'models/house-prices/model.yaml', 'house-prices');
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('loadModelConfig', () => {
  it('parses a valid configuration and hashes it independently of key order', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'config-')), 'house-prices');
    await mkdir(dir);
    await writeFile(join(dir, 'model.yaml'), validYaml);
    const loaded = await loadModelConfig(join(dir, 'model.yaml'));
    expect(loaded.config.training.learningRate).toBe(0.001);
    expect(loaded.config.gates).toHaveLength(4);
    const reordered = { ...loaded.config, seed: loaded.config.seed, name: loaded.config.name };
    expect(configHash(reordered)).toBe(loaded.hash);
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells the line of a path in the file, for errors found after validation', () => {
    const loaded = parseModelConfig(validYaml, 'models/house-prices/model.yaml', 'house-prices');
    expect(loaded.lineOf('data.files[0]')).toBe(4);
    expect(loaded.lineOf('features[1].type')).toBe(8);
    expect(loaded.lineOf('training.epochs')).toBe(15);
  });

  it('names the file when it cannot be read', async () => {
    await expect(loadModelConfig('/nonexistent/house-prices/model.yaml')).rejects.toThrow(
      /\/nonexistent\/house-prices\/model.yaml: cannot read/,
    );
  });

  it('reports a YAML syntax error with its line', () => {
    expect(() => parseModelConfig('name: [unclosed\nseed: 1\n', 'm.yaml')).toThrow(ConfigReadError);
    expect(() => parseModelConfig('name: [unclosed\nseed: 1\n', 'm.yaml')).toThrow(
      /m.yaml: not valid YAML/,
    );
  });

  it('reports an empty file as an empty document', () => {
    expect(() => parseModelConfig('', 'm.yaml')).toThrow(
      /expected a mapping of keys, found an empty file/,
    );
  });
});

describe('schema errors', () => {
  it('names a misspelled key, its line, and suggests the right one', () => {
    const error = issuesOf(validYaml.replace('learningRate:', 'learning_rate:'));
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        path: 'training.learning_rate',
        line: 17,
        hint: 'did you mean "learningRate"?',
      }),
    );
    expect(error.message).toContain('models/house-prices/model.yaml');
    expect(error.message).toContain(
      'training.learningRate (line 14): expected a value (the key is required), found nothing',
    );
  });

  it('says what type was expected and what was found', () => {
    const error = issuesOf(validYaml.replace('epochs: 40', 'epochs: ten'));
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        path: 'training.epochs',
        expected: 'an integer',
        found: '"ten"',
        line: 15,
      }),
    );
  });

  it('suggests the closest allowed value for a misspelled enum', () => {
    const error = issuesOf(validYaml.replace('type: categorical', 'type: categorial'));
    const issue = error.issues.find((i) => i.path === 'features[1].type');
    expect(issue?.hint).toBe('did you mean "categorical"?');
    expect(issue?.line).toBe(8);
  });

  it('checks numeric bounds', () => {
    const error = issuesOf(validYaml.replace('maxMissingRate: 0.1', 'maxMissingRate: 1.5'));
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        path: 'data.maxMissingRate',
        expected: 'a number ≤ 1',
        found: '1.5',
      }),
    );
  });

  it('validates each gate by its type', () => {
    const error = issuesOf(
      validYaml.replace(
        '{ type: min, metric: r2, value: 0.7 }',
        '{ type: min, metric: r2, tolerance: 0.7 }',
      ),
    );
    const paths = error.issues.map((i) => i.path);
    expect(paths).toContain('gates[1].tolerance');
    expect(paths).toContain('gates[1].value');
  });
});

describe('cross-field rules', () => {
  it('requires the name to match the model folder', () => {
    const error = issuesOf(validYaml.replace('name: house-prices', 'name: other-model'));
    expect(error.issues[0]).toMatchObject({ path: 'name', found: '"other-model"', line: 1 });
  });

  it('requires a time column for a time split', () => {
    const error = issuesOf(validYaml.replace('timeColumn: sale_date, ', ''));
    expect(error.issues[0]?.path).toBe('split.timeColumn');
  });

  it('requires group gates to name a declared group', () => {
    const error = issuesOf(validYaml.replace('group: neighborhood', 'group: zipcode'));
    expect(error.issues[0]).toMatchObject({ path: 'gates[2].group', found: '"zipcode"' });
  });

  it('refuses duplicate features and a target that is also a feature', () => {
    const error = issuesOf(
      validYaml
        .replace('name: neighborhood, type: categorical', 'name: sqft_living, type: numeric')
        .replace('name: price', 'name: sqft_living'),
    );
    const paths = error.issues.map((i) => i.path);
    expect(paths).toContain('features[1].name');
    expect(paths).toContain('target.name');
  });
});

describe('group gap gates', () => {
  it('accept a minimum count of rows per level and refuse a fractional one', () => {
    const withMinCount = validYaml.replace(
      'group: neighborhood, value: 0.15 }',
      'group: neighborhood, value: 0.15, minCount: 30 }',
    );
    const loaded = parseModelConfig(withMinCount, 'models/house-prices/model.yaml', 'house-prices');
    expect(loaded.config.gates[2]).toMatchObject({ type: 'max-group-gap', minCount: 30 });
    const error = issuesOf(
      validYaml.replace(
        'group: neighborhood, value: 0.15 }',
        'group: neighborhood, value: 0.15, minCount: 2.5 }',
      ),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({ path: 'gates[2].minCount', expected: 'an integer', found: '2.5' }),
    );
  });
});

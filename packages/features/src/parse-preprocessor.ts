import { PreprocessorFormatError } from './errors';
import { featureNames } from './feature-names';
import { compareCodeUnits } from './fit-feature';
import {
  type FeatureState,
  PREPROCESSOR_VERSION,
  type PreprocessorState,
  type TargetState,
} from './state';

type Json = Record<string, unknown>;

class Reader {
  constructor(readonly source: string) {}

  fail(field: string, problem: string): never {
    throw new PreprocessorFormatError(
      `${this.source}: field "${field || '(document)'}" ${problem}`,
      this.source,
      field,
    );
  }

  plain(value: unknown, field: string): Json {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail(field, `must be an object, got ${JSON.stringify(value)}`);
    }
    return value as Json;
  }

  object(value: unknown, field: string, keys: readonly string[]): Json {
    const json = this.plain(value, field);
    for (const key of Object.keys(json)) {
      if (!keys.includes(key)) this.fail(join(field, key), 'is not a known field');
    }
    for (const key of keys) {
      if (!(key in json)) this.fail(join(field, key), 'is missing');
    }
    return json;
  }

  array(value: unknown, field: string): unknown[] {
    if (!Array.isArray(value)) this.fail(field, `must be an array, got ${JSON.stringify(value)}`);
    return value;
  }

  string(value: unknown, field: string): string {
    if (typeof value !== 'string' || value === '') {
      this.fail(field, `must be a non-empty string, got ${JSON.stringify(value)}`);
    }
    return value;
  }

  finite(value: unknown, field: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(field, `must be a finite number, got ${JSON.stringify(value)}`);
    }
    return value;
  }

  positive(value: unknown, field: string): number {
    const n = this.finite(value, field);
    if (!(n > 0)) this.fail(field, `must be positive, got ${n}`);
    return n;
  }

  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(field, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
    }
    return value as T;
  }
}

function join(field: string, key: string): string {
  return field === '' ? key : `${field}.${key}`;
}

function readFeature(reader: Reader, value: unknown, field: string): FeatureState {
  const kind = reader.oneOf(reader.plain(value, field).kind, `${field}.kind`, [
    'numeric',
    'categorical',
  ] as const);
  if (kind === 'numeric') {
    const json = reader.object(value, field, [
      'kind',
      'name',
      'missing',
      'imputeValue',
      'mean',
      'std',
    ]);
    return {
      kind,
      name: reader.string(json.name, `${field}.name`),
      missing: reader.oneOf(json.missing, `${field}.missing`, ['mean', 'median', 'zero'] as const),
      imputeValue: reader.finite(json.imputeValue, `${field}.imputeValue`),
      mean: reader.finite(json.mean, `${field}.mean`),
      std: reader.positive(json.std, `${field}.std`),
    };
  }
  const json = reader.object(value, field, ['kind', 'name', 'missing', 'levels', 'imputeLevel']);
  const missing = reader.oneOf(json.missing, `${field}.missing`, ['mode', 'unknown'] as const);
  const levels = reader
    .array(json.levels, `${field}.levels`)
    .map((level, i) => reader.string(level, `${field}.levels[${i}]`));
  levels.forEach((level, i) => {
    const previous = levels[i - 1];
    if (previous !== undefined && compareCodeUnits(previous, level) >= 0) {
      reader.fail(`${field}.levels[${i}]`, 'breaks the sorted order of unique levels');
    }
  });
  let imputeLevel: string | null = null;
  if (missing === 'mode') {
    imputeLevel = reader.string(json.imputeLevel, `${field}.imputeLevel`);
    if (!levels.includes(imputeLevel)) {
      reader.fail(`${field}.imputeLevel`, `must be one of the levels, got "${imputeLevel}"`);
    }
  } else if (json.imputeLevel !== null) {
    reader.fail(`${field}.imputeLevel`, 'must be null when missing is "unknown"');
  }
  return { kind, name: reader.string(json.name, `${field}.name`), missing, levels, imputeLevel };
}

function readTarget(reader: Reader, value: unknown): TargetState {
  const transform = reader.oneOf(reader.plain(value, 'target').transform, 'target.transform', [
    'none',
    'log',
    'standardize',
  ] as const);
  if (transform !== 'none') {
    const json = reader.object(value, 'target', ['name', 'transform', 'mean', 'std']);
    return {
      name: reader.string(json.name, 'target.name'),
      transform,
      mean: reader.finite(json.mean, 'target.mean'),
      std: reader.positive(json.std, 'target.std'),
    };
  }
  const json = reader.object(value, 'target', ['name', 'transform']);
  return { name: reader.string(json.name, 'target.name'), transform: 'none' };
}

/**
 * Reads a state written by `serializePreprocessor`, checking every field; `source` (the file)
 * is named in errors. Throws `PreprocessorFormatError` naming the file and the field.
 */
export function parsePreprocessor(json: string, source: string): PreprocessorState {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (cause) {
    throw new PreprocessorFormatError(`${source}: not valid JSON`, source, '', { cause });
  }
  const reader = new Reader(source);
  const root = reader.object(document, '', ['version', 'features', 'target', 'featureNames']);
  if (root.version !== PREPROCESSOR_VERSION) {
    reader.fail('version', `must be ${PREPROCESSOR_VERSION}, got ${JSON.stringify(root.version)}`);
  }
  const features = reader
    .array(root.features, 'features')
    .map((feature, i) => readFeature(reader, feature, `features[${i}]`));
  const names = new Set<string>();
  features.forEach((feature, i) => {
    if (names.has(feature.name)) reader.fail(`features[${i}].name`, `repeats "${feature.name}"`);
    names.add(feature.name);
  });
  const target = readTarget(reader, root.target);
  const expected = featureNames(features);
  const stored = reader
    .array(root.featureNames, 'featureNames')
    .map((name, i) => reader.string(name, `featureNames[${i}]`));
  if (stored.length !== expected.length || stored.some((name, i) => name !== expected[i])) {
    reader.fail('featureNames', `does not match the features (expected ${expected.join(', ')})`);
  }
  return { version: PREPROCESSOR_VERSION, features, target, featureNames: expected };
}

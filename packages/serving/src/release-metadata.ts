import { readFile } from 'node:fs/promises';
import type { Task } from '@repo/train';
import { ReleaseFormatError } from './errors';

/** The record of a version's training (`training.json`), as published with the version. */
export const TRAINING_RECORD = 'training.json';

/**
 * One input column of the model, as declared in its config (`numeric`, `categorical`, …), with
 * the `min`/`max` its `model.yaml` declares for a numeric feature (read from the copy of the
 * config that `training.json` keeps), when it declares them.
 */
export interface InputField {
  readonly name: string;
  readonly type: string;
  readonly min?: number;
  readonly max?: number;
}

/** What serving needs from `training.json`: the task and the input columns the model reads. */
export interface ReleaseMetadata {
  readonly task: Task;
  readonly inputSchema: readonly InputField[];
}

const TASKS: readonly Task[] = ['regression', 'classification'];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads the task (`config.task`) and the input schema (`inputSchema`) from a `training.json`. */
export async function readReleaseMetadata(path: string): Promise<ReleaseMetadata> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ReleaseFormatError(`${path} cannot be read (missing from the version?)`, path, {
      cause,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new ReleaseFormatError(`${path} is not valid JSON`, path, { cause });
  }
  if (!isObject(parsed)) throw new ReleaseFormatError(`${path} must hold a JSON object`, path);
  const task = isObject(parsed.config) ? parsed.config.task : undefined;
  if (!TASKS.includes(task as Task)) {
    throw new ReleaseFormatError(
      `${path}: field config.task must be one of ${TASKS.join(', ')}, not ${JSON.stringify(task)}`,
      path,
    );
  }
  const schema = parsed.inputSchema;
  if (!Array.isArray(schema)) {
    throw new ReleaseFormatError(`${path}: field inputSchema must be a list`, path);
  }
  const inputSchema = schema.map((field: unknown, index): InputField => {
    if (!isObject(field) || typeof field.name !== 'string' || typeof field.type !== 'string') {
      throw new ReleaseFormatError(
        `${path}: field inputSchema[${index}] must be { name: string, type: string }`,
        path,
      );
    }
    return { name: field.name, type: field.type, ...declaredRange(parsed.config, field.name) };
  });
  return { task: task as Task, inputSchema };
}

/** The `min`/`max` of feature `name` in the config's `features` list (the keys it declares). */
function declaredRange(config: unknown, name: string): { min?: number; max?: number } {
  const features = isObject(config) && Array.isArray(config.features) ? config.features : [];
  const declared: unknown = features.find(
    (feature: unknown) => isObject(feature) && feature.name === name,
  );
  if (!isObject(declared)) return {};
  return {
    ...(typeof declared.min === 'number' ? { min: declared.min } : {}),
    ...(typeof declared.max === 'number' ? { max: declared.max } : {}),
  };
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelRegistry } from '@repo/registry';
import { SmokeRecordError } from './errors';
import { type LoadReleaseOptions, loadRelease } from './load-release';
import type { InputField } from './release-metadata';

/** The training-data profile every version carries. */
export const PROFILE_FILE = 'profile.json';

/** What a smoke record reads of a column of the training-data profile (`profile.json`). */
export type SmokeColumnProfile =
  | {
      readonly kind: 'numeric';
      readonly mean: number;
      /** Quantiles at 0, 0.1, …, 1. */
      readonly deciles: readonly number[];
    }
  | {
      readonly kind: 'categorical';
      /** Level → number of rows. */
      readonly frequencies: Readonly<Record<string, number>>;
    };

/** What a smoke record reads of the training-data profile (`profile.json`). */
export interface SmokeProfile {
  readonly columns: Readonly<Record<string, SmokeColumnProfile>>;
}

/**
 * A typical input row from the training-data profile: the median (middle decile) of each numeric
 * input and the most frequent level of each categorical input (ties: the first level in
 * UTF-16 order). Deterministic, so a deployment's smoke prediction can be compared over time.
 */
export function smokeRecord(
  profile: SmokeProfile,
  schema: readonly InputField[],
  source: string,
): Record<string, number | string> {
  const record: Record<string, number | string> = {};
  for (const field of schema) {
    const column = profile.columns[field.name];
    if (column === undefined) {
      throw new SmokeRecordError(`${source}: no profile of input column "${field.name}"`);
    }
    if (field.type === 'numeric') {
      if (column.kind !== 'numeric') {
        throw new SmokeRecordError(
          `${source}: column "${field.name}" is profiled as ${column.kind}, the model reads it as numeric`,
        );
      }
      const median = column.deciles[5];
      record[field.name] = median !== undefined && Number.isFinite(median) ? median : column.mean;
    } else if (field.type === 'categorical') {
      if (column.kind !== 'categorical') {
        throw new SmokeRecordError(
          `${source}: column "${field.name}" is profiled as ${column.kind}, the model reads it as categorical`,
        );
      }
      const levels = Object.entries(column.frequencies).sort(
        ([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0),
      );
      const level = levels[0]?.[0];
      if (level === undefined) {
        throw new SmokeRecordError(`${source}: column "${field.name}" has no level in the profile`);
      }
      record[field.name] = level;
    } else {
      throw new SmokeRecordError(
        `${source}: input column "${field.name}" has the unknown type "${field.type}"`,
      );
    }
  }
  return record;
}

export interface SmokeTestResult {
  /** `<model>@v<version>`. */
  readonly tag: string;
  readonly record: Readonly<Record<string, number | string>>;
  readonly prediction: number;
}

/**
 * The deployment smoke test: downloads (verifying every sha256) and loads `model@version` with
 * `loadRelease`, and predicts the `smokeRecord` of its training-data profile. Throws the
 * registry's `ChecksumMismatchError` for a tampered file, `SmokeRecordError` when the profile
 * cannot make a record or the prediction is not a finite number.
 */
export async function smokeTest(
  registry: ModelRegistry,
  model: string,
  version: string,
  options: LoadReleaseOptions,
): Promise<SmokeTestResult> {
  const loaded = await loadRelease(registry, model, version, options);
  try {
    let profile: SmokeProfile;
    try {
      profile = JSON.parse(await readFile(join(loaded.dir, PROFILE_FILE), 'utf8')) as SmokeProfile;
    } catch (cause) {
      throw new SmokeRecordError(`${loaded.tag}: ${PROFILE_FILE} cannot be read`, { cause });
    }
    const record = smokeRecord(profile, loaded.inputSchema, `${loaded.tag}/${PROFILE_FILE}`);
    const [prediction] = loaded.predict([record]).predictions;
    if (prediction === undefined || !Number.isFinite(prediction)) {
      throw new SmokeRecordError(
        `${loaded.tag}: the smoke prediction for ${JSON.stringify(record)} is ${prediction}, not a finite number`,
      );
    }
    return { tag: loaded.tag, record, prediction };
  } finally {
    loaded.dispose();
  }
}

import type { DataProfile } from '@repo/pipeline';
import type { InputField } from '@repo/serving';

/** A version's training-data profile lacks what a smoke-test row needs. */
export class SmokeRecordError extends Error {
  override readonly name = 'SmokeRecordError';
}

/**
 * A typical input row from the training-data profile: the median (middle decile) of each numeric
 * input and the most frequent level of each categorical input (ties: the first level in
 * UTF-16 order). Deterministic, so a deployment's smoke prediction can be compared over time.
 */
export function smokeRecord(
  profile: DataProfile,
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

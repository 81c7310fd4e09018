import type { ColumnKind } from './types';

/**
 * The part of `@repo/config`'s `ModelConfig` this package reads, stated structurally so that a
 * `ModelConfig` is assignable to it without importing `@repo/config`.
 */
export interface TableConfig {
  readonly task?: 'regression' | 'classification';
  readonly features: readonly {
    readonly name: string;
    readonly type: 'numeric' | 'categorical';
    readonly min?: number;
    readonly max?: number;
  }[];
  readonly target: { readonly name: string; readonly min?: number; readonly max?: number };
  readonly groups: readonly string[];
  readonly data: { readonly maxMissingRate: number };
  readonly split: {
    readonly method: 'random' | 'time';
    readonly timeColumn?: string;
    readonly validationFraction: number;
    readonly testFraction: number;
  };
}

/**
 * The column kinds a configuration declares, to pass as `readCsv(path, { types })`: features by
 * their type, groups categorical, the time column a date; the target numeric for regression.
 */
export function columnTypesFor(config: TableConfig): Record<string, ColumnKind> {
  const types: Record<string, ColumnKind> = {};
  for (const group of config.groups) types[group] = 'categorical';
  for (const feature of config.features) types[feature.name] = feature.type;
  if ((config.task ?? 'regression') === 'regression') types[config.target.name] = 'numeric';
  if (config.split.method === 'time' && config.split.timeColumn !== undefined) {
    types[config.split.timeColumn] = 'date';
  }
  return types;
}

import { type DatasetDriftResult, type DriftMethod, datasetDrift } from '@repo/drift';
import { readCsv } from '@repo/tabular';
import { WindowDataError } from './drift-errors';

export interface CompareOptions {
  /** Columns to compare; default every numeric or categorical column both files have. */
  readonly columns?: readonly string[] | undefined;
  /** One method for every column; default Evidently's choice per column. */
  readonly method?: DriftMethod | undefined;
  readonly threshold?: number | undefined;
  readonly driftShare?: number | undefined;
}

/**
 * `@repo/drift`'s `datasetDrift` of two CSV files, no model involved: kinds inferred by the CSV
 * reader, the columns asked for (each must be in both files) or every shared checkable one.
 */
export async function compareCsvFiles(
  referenceFile: string,
  currentFile: string,
  options: CompareOptions = {},
): Promise<DatasetDriftResult> {
  const reference = await readCsv(referenceFile);
  const current = await readCsv(currentFile);
  const shared = [...reference.columns.values()]
    .filter((c) => c.kind !== 'date' && current.columns.get(c.name)?.kind === c.kind)
    .map((c) => c.name);
  const include = options.columns ?? shared;
  for (const name of include) {
    for (const [file, table] of [
      [referenceFile, reference],
      [currentFile, current],
    ] as const) {
      if (!table.columns.has(name)) {
        throw new WindowDataError(
          `${file}: no column "${name}"; it has: ${[...table.columns.keys()].join(', ')}`,
          file,
          name,
        );
      }
    }
  }
  const defaults = {
    ...(options.method === undefined ? {} : { method: options.method }),
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
  };
  return datasetDrift(reference, current, {
    include,
    defaults,
    ...(options.driftShare === undefined ? {} : { driftShare: options.driftShare }),
  });
}

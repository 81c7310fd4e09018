/** From a header and the read options to the plan every chunk is parsed with, and back to errors. */
import { CATEGORICAL, type ChunkPlan, type ChunkProblem, DATE, NUMERIC, SKIP } from './csv-chunk';
import type { Header } from './csv-header';
import type { CsvReadOptions } from './csv-options';
import { ColumnNotFoundError, CsvFormatError, CsvTypeError } from './errors';
import type { ColumnKind } from './types';

const KIND_CODES: Readonly<Record<ColumnKind, number>> = {
  numeric: NUMERIC,
  date: DATE,
  categorical: CATEGORICAL,
};

export function planFor(header: Header, source: string, options: CsvReadOptions): ChunkPlan {
  const names = header.names;
  const kinds = new Int8Array(names.length);
  const declared = new Uint8Array(names.length);
  const wanted = options.columns === undefined ? null : new Set(options.columns);
  for (const name of [...(wanted ?? []), ...Object.keys(options.types ?? {})]) {
    if (!names.includes(name)) {
      throw new ColumnNotFoundError(
        `${source}: column "${name}" not found; the header has: ${names.join(', ')}`,
        source,
        name,
      );
    }
  }
  names.forEach((name, c) => {
    const type = options.types?.[name];
    if (wanted !== null && !wanted.has(name)) kinds[c] = SKIP;
    else if (type !== undefined) {
      kinds[c] = KIND_CODES[type];
      declared[c] = 1;
    } else kinds[c] = NUMERIC;
  });
  return { names, kinds, declared };
}

/**
 * The kinds of a whole file from its chunks' kinds (in any order): an inferred column is numeric
 * when every chunk that saw a value kept it numeric, a date when every such chunk made it a date,
 * else categorical; exactly what one pass over the whole file infers.
 */
export function combinedKinds(
  plan: ChunkPlan,
  chunks: readonly { kinds: Int8Array; seen: Uint8Array }[],
): Int8Array {
  const kinds = Int8Array.from(plan.kinds);
  for (let c = 0; c < kinds.length; c++) {
    if (kinds[c] === SKIP || plan.declared[c] === 1) continue;
    let numeric = false;
    let date = false;
    let categorical = false;
    for (const chunk of chunks) {
      const kind = chunk.kinds[c];
      if (kind === CATEGORICAL) categorical = true;
      else if (kind === DATE) date = true;
      else if (chunk.seen[c] === 1) numeric = true;
    }
    kinds[c] = categorical || (date && numeric) ? CATEGORICAL : date ? DATE : NUMERIC;
  }
  return kinds;
}

/** The error of a chunk's problem, with the row and line counted from the start of the file. */
export function problemError(
  found: ChunkProblem,
  source: string,
  rowsBefore: number,
  firstLine: number,
): CsvFormatError | CsvTypeError {
  const row = rowsBefore + found.row + 1;
  const line = firstLine + found.line;
  const where = `row ${row} (line ${line})`;
  const message = found.named
    ? `${source}: column "${found.column}" ${where}: ${found.detail}`
    : `${source}: ${where}: ${found.detail}`;
  const location = { file: source, column: found.column, row, line };
  return found.type === 'type'
    ? new CsvTypeError(message, location)
    : new CsvFormatError(message, location);
}

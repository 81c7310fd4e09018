/**
 * CSV loading benchmark: 1,000,000 rows × 11 columns (8 numeric with missing values, 2
 * categorical, 1 date) read into columnar typed arrays by `readCsv` and by the alternatives,
 * N runs each in this process. Prints the median time, the ratio against the fastest alternative,
 * the peak RSS sampled after each run and the bytes of the resulting arrays.
 *
 *   npm run bench -w @repo/tabular                      # all candidates, 5 runs
 *   npm run bench -w @repo/tabular -- --runs 3 --only tabular,polars
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as csvParseSync } from 'csv-parse/sync';
import pl from 'nodejs-polars';
import Papa from 'papaparse';
import { generateHouseSales } from '../src/house-sales';
import { parseDateText } from '../src/parse-date';
import { readCsv } from '../src/read-csv';
import { selectColumns } from '../src/select';
import { writeCsv } from '../src/write-csv';

const ROWS = 1_000_000;
const NAMES = [
  'sale_date',
  'price',
  'sqft_living',
  'sqft_lot',
  'bedrooms',
  'bathrooms',
  'floors',
  'year_built',
  'neighborhood',
  'property_type',
  'lat',
] as const;
const CATEGORICAL = new Set(['neighborhood', 'property_type']);
const DATE = 'sale_date';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? undefined : process.argv[index + 1];
}
const runs = Number(argument('runs') ?? 5);
const only = argument('only')?.split(',');

/** Typed arrays of one loaded file, the common result every candidate must produce. */
type Arrays = (Float64Array | Int32Array)[];

/** Rows of strings → typed arrays with the known kinds (the JS parsers' columnar step). */
function rowsToArrays(rows: readonly (readonly string[])[], start: number): Arrays {
  const n = rows.length - start;
  return NAMES.map((name, c) => {
    if (CATEGORICAL.has(name)) {
      const codes = new Int32Array(n);
      const dictionary = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const text = rows[i + start]?.[c] ?? '';
        let code = dictionary.get(text);
        if (code === undefined) {
          code = dictionary.size;
          dictionary.set(text, code);
        }
        codes[i] = text === '' ? -1 : code;
      }
      return codes;
    }
    const values = new Float64Array(n);
    const date = name === DATE;
    for (let i = 0; i < n; i++) {
      const text = rows[i + start]?.[c] ?? '';
      values[i] = text === '' ? Number.NaN : date ? Date.parse(text) : Number(text);
    }
    return values;
  });
}

const candidates: Record<string, (path: string) => Promise<Arrays> | Arrays> = {
  tabular: async (path) => {
    const table = await readCsv(path);
    return [...table.columns.values()].map((column) =>
      column.kind === 'categorical' ? column.codes : column.values,
    );
  },
  polars: (path) => {
    const frame = pl.readCSV(path, { tryParseDates: true });
    return NAMES.map((name) => {
      if (CATEGORICAL.has(name)) {
        return frame
          .select(pl.col(name).rank('dense').cast(pl.Int32))
          .getColumn(name)
          .toTypedArray() as Int32Array;
      }
      if (name === DATE) {
        const days = frame.getColumn(name).cast(pl.Int32).toTypedArray() as Int32Array;
        return Float64Array.from(days, (d) => d * 86_400_000);
      }
      return frame
        .select(pl.col(name).cast(pl.Float64).fillNull(pl.lit(Number.NaN)))
        .getColumn(name)
        .toTypedArray() as Float64Array;
    });
  },
  'polars (DataFrame only)': (path) => {
    const frame = pl.readCSV(path, { tryParseDates: true });
    return [new Float64Array(frame.height)];
  },
  papaparse: (path) => {
    const result = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true });
    return rowsToArrays(result.data, 1);
  },
  'csv-parse': (path) => {
    const rows = csvParseSync(readFileSync(path), { from_line: 2 }) as string[][];
    return rowsToArrays(rows, 0);
  },
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const path = join(tmpdir(), `tabular-bench-${ROWS}x${NAMES.length}-v1.csv`);
  if (!existsSync(path)) {
    const started = performance.now();
    const table = generateHouseSales({ rows: ROWS, seed: 1, start: '2023-01-01', months: 30 });
    await writeCsv(selectColumns(table, NAMES), path);
    console.log(`generated ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(
    `file: ${path} (${(statSync(path).size / 1e6).toFixed(1)} MB, ${ROWS} rows × ${NAMES.length} columns), ${runs} runs each, node ${process.version}`,
  );
  const gc = (globalThis as { gc?: () => void }).gc;
  const results: { name: string; median: number; times: number[]; rss: number; bytes: number }[] =
    [];
  for (const [name, load] of Object.entries(candidates)) {
    if (only !== undefined && !only.some((o) => name.startsWith(o))) continue;
    const times: number[] = [];
    let rss = 0;
    let bytes = 0;
    for (let run = 0; run < runs; run++) {
      gc?.();
      const started = performance.now();
      const arrays = await load(path);
      times.push(performance.now() - started);
      rss = Math.max(rss, process.memoryUsage().rss);
      bytes = arrays.reduce((sum, array) => sum + array.byteLength, 0);
      if (arrays[0]?.length !== ROWS) throw new Error(`${name}: got ${arrays[0]?.length} rows`);
    }
    results.push({ name, median: median(times), times, rss, bytes });
    console.log(
      `${name.padEnd(24)} median ${median(times).toFixed(0).padStart(6)} ms  runs [${times.map((t) => t.toFixed(0)).join(', ')}]  peak rss ${(rss / 2 ** 20).toFixed(0)} MiB  arrays ${(bytes / 2 ** 20).toFixed(0)} MiB`,
    );
  }
  const ours = results.find((r) => r.name === 'tabular');
  const baselines = results.filter((r) => r.name !== 'tabular' && !r.name.includes('only'));
  const baseline = baselines.sort((a, b) => a.median - b.median)[0];
  if (ours !== undefined && baseline !== undefined) {
    console.log(
      `\ntabular vs fastest alternative to typed arrays (${baseline.name}): ${(ours.median / baseline.median).toFixed(2)}× the time (${ours.median.toFixed(0)} ms vs ${baseline.median.toFixed(0)} ms)`,
    );
  }
  // A sanity check that the file parses the dates the bench expects.
  if (Number.isNaN(parseDateText('2023-01-01'))) throw new Error('date parsing broken');
}

await main();

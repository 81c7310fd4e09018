/**
 * CSV loading benchmark: 1,000,000 rows × 11 columns (8 numeric with missing values, 2
 * categorical, 1 date) read into columnar typed arrays by `readCsv` (worker threads, and on one
 * thread) and by the alternatives, alternated A B A B in this process (`@repo/bench`), pandas
 * `read_csv` in the same run through `runPythonBaseline`. Then the memory of one load in a fresh
 * process (peak RSS minus the RSS before, against the file size) and the per-row cost at 10k,
 * 100k and 1M rows.
 *
 *   npm run bench -w @repo/tabular                          # everything, 5 runs each
 *   npm run bench -w @repo/tabular -- --runs 5 --only tabular,polars
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BaselineResult,
  benchLine,
  type RunSummary,
  runPythonBaseline,
  type SkippedBaseline,
  timeAlternately,
} from '@repo/bench';
import { parse as csvParseSync } from 'csv-parse/sync';
import pl from 'nodejs-polars';
import Papa from 'papaparse';
import { generateHouseSales } from '../src/house-sales';
import { readCsv } from '../src/read-csv';
import { selectColumns } from '../src/select';
import { writeCsv } from '../src/write-csv';

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
const SIZES = [10_000, 100_000, 1_000_000];
const PANDAS_SCRIPT = fileURLToPath(new URL('./csv_pandas.py', import.meta.url));
const MEMORY_SCRIPT = fileURLToPath(new URL('./csv-memory.ts', import.meta.url));

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? undefined : process.argv[index + 1];
}
const runs = Math.max(5, Number(argument('runs') ?? 5));
const only = argument('only')?.split(',');
const wanted = (name: string) => only === undefined || only.some((o) => name.startsWith(o));

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

function polarsArrays(path: string): Arrays {
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
}

async function tabularArrays(path: string, workers?: number): Promise<Arrays> {
  const table = await readCsv(path, workers === undefined ? {} : { workers });
  return [...table.columns.values()].map((column) =>
    column.kind === 'categorical' ? column.codes : column.values,
  );
}

/** Every candidate loads `path` into typed arrays and must give `rows` rows. */
function candidates(path: string, rows: number): Record<string, () => Promise<void>> {
  const check = (name: string) => (arrays: Arrays) => {
    if (arrays[0]?.length !== rows) throw new Error(`${name}: got ${arrays[0]?.length} rows`);
  };
  const all: Record<string, () => Promise<void>> = {
    tabular: async () => check('tabular')(await tabularArrays(path)),
    'tabular (1 thread)': async () => check('tabular 1')(await tabularArrays(path, 1)),
    'polars readCSV': async () => {
      const frame = pl.readCSV(path, { tryParseDates: true });
      if (frame.height !== rows) throw new Error(`polars readCSV: got ${frame.height} rows`);
    },
    'polars → typed arrays': async () => check('polars')(polarsArrays(path)),
    papaparse: async () => {
      const result = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true });
      check('papaparse')(rowsToArrays(result.data, 1));
    },
    'csv-parse': async () => {
      const parsed = csvParseSync(readFileSync(path), { from_line: 2 }) as string[][];
      check('csv-parse')(rowsToArrays(parsed, 0));
    },
  };
  return Object.fromEntries(Object.entries(all).filter(([name]) => wanted(name)));
}

async function generated(rows: number): Promise<string> {
  const path = join(tmpdir(), `tabular-bench-${rows}x${NAMES.length}-v1.csv`);
  if (!existsSync(path)) {
    const table = generateHouseSales({ rows, seed: 1, start: '2023-01-01', months: 30 });
    await writeCsv(selectColumns(table, NAMES), path);
  }
  return path;
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

/** Peak RSS minus the RSS before one load, in a fresh process (no earlier runs' memory). */
function memoryLine(candidate: string, path: string, fileBytes: number): string {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', MEMORY_SCRIPT, candidate, path],
    { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) },
  );
  if (child.status !== 0) return `${candidate} memory: failed (${child.stderr.trim()})`;
  const { beforeBytes, peakBytes } = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
  const used = peakBytes - beforeBytes;
  const ratio = used / fileBytes;
  const verdict = candidate.startsWith('tabular')
    ? ` target < 2.00× ${ratio < 2 ? 'met' : 'MISSED'}`
    : '';
  return `${candidate} memory: peak RSS − RSS before = ${mib(used)} (${ratio.toFixed(2)}× the file's ${mib(fileBytes)}; before ${mib(beforeBytes)}, peak ${mib(peakBytes)})${verdict}`;
}

function baseline(
  label: string,
  summary: RunSummary | undefined,
): BaselineResult | SkippedBaseline | undefined {
  return summary === undefined ? undefined : { label, summary };
}

async function main(): Promise<void> {
  const paths = new Map<number, string>();
  for (const rows of SIZES) paths.set(rows, await generated(rows));
  const big = paths.get(1_000_000) as string;
  const fileBytes = statSync(big).size;
  console.log(
    `file: ${big} (${mib(fileBytes)}, 1000000 rows × ${NAMES.length} columns), ${runs} runs each after 1 warm-up, alternated; node ${process.version}, ${availableParallelism()} cores, readCsv workers: ${process.env.MLOPS_CSV_WORKERS ?? 'default'}`,
  );
  const sizeLabels = SIZES.map((rows) => `pandas read_csv ${rows}`);
  const pandas = await runPythonBaseline(PANDAS_SCRIPT, sizeLabels, {
    modules: ['pandas'],
    args: [
      '--runs',
      String(runs),
      ...SIZES.map((rows) => `pandas read_csv ${rows}=${paths.get(rows)}`),
    ],
    threads: 1,
  });
  const summaries = await timeAlternately(candidates(big, 1_000_000), { runs, warmup: 1 });
  // The target (≤ 1.0×) is against polars' readCSV alone (a DataFrame, no typed arrays yet);
  // polars' conversion to the same typed arrays and pandas are more baselines, without a target.
  const polars = baseline('polars readCSV', summaries['polars readCSV']);
  const polarsArrays = baseline('polars → typed arrays', summaries['polars → typed arrays']);
  const pandasBig = pandas['pandas read_csv 1000000'] as BaselineResult | SkippedBaseline;
  for (const [name, summary] of Object.entries(summaries)) {
    const label = `${name} 1M×11${name.startsWith('polars') ? '' : ' → typed arrays'}`;
    const extra = [polarsArrays, pandasBig].filter(
      (b): b is BaselineResult | SkippedBaseline =>
        b !== undefined && !('label' in b && b.label === name),
    );
    const more = benchLine(label, summary, extra).split(' | ').slice(1);
    const line =
      name.startsWith('polars') || polars === undefined
        ? benchLine(label, summary)
        : benchLine(label, summary, [polars], name.startsWith('tabular') ? { target: 1.0 } : {});
    console.log([line, ...more].join(' | '));
  }
  if (wanted('tabular')) {
    for (const candidate of ['tabular', 'tabular-1', 'polars']) {
      console.log(memoryLine(candidate, big, fileBytes));
    }
    console.log('\nscaling (readCsv, default workers; files under 1 MiB are read on one thread):');
    // The sizes alternate too, so a machine that slows down affects all of them alike.
    const jobs = Object.fromEntries(
      SIZES.map((rows) => [
        `${rows}`,
        async () => void (await tabularArrays(paths.get(rows) as string)),
      ]),
    );
    const bySize = await timeAlternately(jobs, { runs, warmup: 1 });
    const perRow: number[] = [];
    for (const rows of SIZES) {
      const summary = bySize[`${rows}`] as RunSummary;
      perRow.push((summary.medianMs * 1e6) / rows);
      const pandasRows = pandas[`pandas read_csv ${rows}`] as BaselineResult | SkippedBaseline;
      const line = benchLine(`tabular ${rows} rows`, summary, [pandasRows]);
      console.log(`${line} | ${((summary.medianMs * 1e6) / rows).toFixed(0)} ns/row`);
    }
    const [first, , last] = perRow;
    console.log(
      `per-row cost 1M / 10k: ${((last ?? 0) / (first ?? 1)).toFixed(2)} (1.00 is linear in rows)`,
    );
  }
}

await main();

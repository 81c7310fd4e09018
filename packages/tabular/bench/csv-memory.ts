/**
 * One load of a CSV file in a fresh process, for csv.bench.ts: prints the RSS before the load and
 * the peak RSS during it (the kernel's high-water mark, VmHWM, reset just before the load, so a
 * synchronous load that the JS sampler cannot interrupt is measured too; worker threads are in
 * the same process and count).
 *
 *   node --import tsx bench/csv-memory.ts <tabular|tabular-1|polars> <file.csv>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import pl from 'nodejs-polars';
import { readCsv } from '../src/read-csv';

function status(field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
    readFileSync('/proc/self/status', 'utf8'),
  );
  return Number(match?.[1] ?? Number.NaN) * 1024;
}

const [candidate, path] = process.argv.slice(2);
if (path === undefined) throw new Error('usage: csv-memory.ts <candidate> <file.csv>');
const load: Record<string, () => Promise<number> | number> = {
  tabular: async () => (await readCsv(path)).rowCount,
  'tabular-1': async () => (await readCsv(path, { workers: 1 })).rowCount,
  polars: () => pl.readCSV(path, { tryParseDates: true }).height,
};
const job = load[candidate ?? ''];
if (job === undefined) throw new Error(`unknown candidate ${candidate}`);
(globalThis as { gc?: () => void }).gc?.();
writeFileSync('/proc/self/clear_refs', '5');
const beforeBytes = status('VmRSS');
const rows = await job();
console.log(JSON.stringify({ candidate, rows, beforeBytes, peakBytes: status('VmHWM') }));

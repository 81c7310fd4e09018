// Prediction latency over real loopback HTTP (`POST /predict`, one record per request, keep-alive
// `fetch`) against the in-process `LoadedModel.predict` of the same record (the baseline).
// Run: npm run bench -w @repo/serving
import { performance } from 'node:perf_hooks';
import { loadRelease } from '../src/load-release';
import { startServer } from '../src/prediction-server';
import {
  cacheDir,
  MODEL,
  publishHousePrices,
  recordsOf,
  removeTemporaryDirs,
} from '../test/release-fixture';

const REQUESTS = 200;
const WARMUP = 20;
const RUNS = 5;

function percentile(sorted: readonly number[], p: number): number {
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return (
    (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (rank - low)
  );
}

function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

async function timings(n: number, call: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await call();
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

const release = await publishHousePrices();
const model = await loadRelease(release.registry, MODEL, 'production', {
  cacheDir: await cacheDir(),
  backend: process.env.MLOPS_BACKEND === undefined ? 'wasm' : 'auto',
});
const server = await startServer({ model });
const records = recordsOf(release.data, release.data.split.test);
const one = (i: number) => JSON.stringify({ records: [records[i % records.length]] });
const batch100 = JSON.stringify({ records: records.slice(0, 100) });

let i = 0;
const headers = { 'content-type': 'application/json' };
const http1 = async () => {
  const response = await fetch(`${server.url}/predict`, {
    method: 'POST',
    headers,
    body: one(i++),
  });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  await response.json();
};
const http100 = async () => {
  const response = await fetch(`${server.url}/predict`, {
    method: 'POST',
    headers,
    body: batch100,
  });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  await response.json();
};
const inProcess1 = () => model.predict([records[i++ % records.length] as (typeof records)[number]]);

const rows: Record<string, { p50: number[]; p95: number[] }> = {
  'in-process predict, 1 record': { p50: [], p95: [] },
  'HTTP POST /predict, 1 record': { p50: [], p95: [] },
  'HTTP POST /predict, 100 records': { p50: [], p95: [] },
};
const cases: [string, () => Promise<unknown> | unknown][] = [
  ['in-process predict, 1 record', inProcess1],
  ['HTTP POST /predict, 1 record', http1],
  ['HTTP POST /predict, 100 records', http100],
];
for (let run = 0; run < RUNS; run++) {
  for (const [name, call] of cases) {
    await timings(WARMUP, call);
    const sorted = await timings(REQUESTS, call);
    rows[name]?.p50.push(percentile(sorted, 50));
    rows[name]?.p95.push(percentile(sorted, 95));
  }
}
await server.close();
model.dispose();
await removeTemporaryDirs();

console.log(
  `${MODEL}@v${release.version} on ${model.backend}; ${REQUESTS} sequential calls per run after ${WARMUP} warm-up, median over ${RUNS} runs`,
);
const baseline = median(rows['in-process predict, 1 record']?.p50 ?? []);
for (const [name, { p50, p95 }] of Object.entries(rows)) {
  console.log(
    `${name.padEnd(34)} p50 ${median(p50).toFixed(3)} ms  p95 ${median(p95).toFixed(3)} ms  (p50 ×${(median(p50) / baseline).toFixed(1)} in-process)`,
  );
}

/**
 * Drift report benchmark of the example model, two ways, N runs each (default 5):
 * - in process: `datasetDrift` of the 12 features (8,400 training rows of the template data
 *   against the 1,500-row fresh window) and the Markdown, HTML and JSON renderers;
 * - end to end: `mlops drift house-prices` as a process (with `mlops registry list` as the
 *   start-up baseline: loading the bundle and TensorFlow.js) on a scratch copy of the template, after one
 *   `mlops pipeline` (4 epochs) has registered v1.0.0: config, registry download, reference pulled
 *   from DVC and split again, window read, column, prediction and concept drift (1,000 bootstrap
 *   resamples), report. Peak RSS from `/usr/bin/time -f %M` (skipped when it is absent).
 *
 *   npm run bench -w @repo/drift-report                 # 5 runs
 *   npm run bench -w @repo/drift-report -- --runs 9 --no-cli
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetDrift } from '@repo/drift';
import { generateHouseSales, generateHouseSalesWindow, selectRows, splitRows } from '@repo/tabular';
import type { DriftReportData } from '../src/index';
import { renderDriftHtml, renderDriftJson, renderDriftMarkdown } from '../src/index';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const argument = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? undefined : process.argv[index + 1];
};
const runs = Math.max(5, Number(argument('runs') ?? 5));
const FEATURES = [
  'sqft_living',
  'sqft_lot',
  'bedrooms',
  'bathrooms',
  'floors',
  'year_built',
  'condition',
  'lat',
  'long',
  'distance_to_center_km',
  'neighborhood',
  'property_type',
];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function inProcess(): void {
  const data = generateHouseSales();
  const split = splitRows(
    data,
    { method: 'time', timeColumn: 'sale_date', validationFraction: 0.15, testFraction: 0.15 },
    42,
  );
  const reference = selectRows(data, split.train);
  const current = generateHouseSalesWindow('fresh');
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const dataset = datasetDrift(reference, current, { include: FEATURES });
    const report = {
      model: 'house-prices',
      status: dataset.drifted ? 'drift' : 'no-drift',
      dataset,
      prediction: null,
      concept: null,
      groups: [],
      notes: [],
      retrain: { recommended: false, reasons: [] },
      lineage: {
        releaseTag: 'house-prices@v1.0.0',
        version: '1.0.0',
        referenceDataMd5: '-',
        referenceFrom: 'dvc',
        referenceRows: reference.rowCount,
        currentSource: 'fresh',
        currentMd5: '-',
        currentRowsRead: current.rowCount,
        currentRows: current.rowCount,
        minRows: 100,
        window: null,
      },
    } satisfies DriftReportData;
    bytes =
      renderDriftMarkdown(report).length +
      renderDriftHtml(report).length +
      renderDriftJson(report).length;
    times.push(performance.now() - started);
  }
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `in process  drift of 12 columns + 3 renderings  median ${median(times).toFixed(1)} ms  runs [${times.map((t) => t.toFixed(1)).join(', ')}]  peak rss ${rss.toFixed(0)} MiB  output ${(bytes / 1024).toFixed(0)} KiB`,
  );
}

function endToEnd(): void {
  const cli = join(repo, 'packages/cli/bin/mlops.js');
  if (!existsSync(join(repo, 'packages/cli/dist/mlops.js')))
    execFileSync(process.execPath, ['build.mjs'], { cwd: join(repo, 'packages/cli') });
  const root = mkdtempSync(join(tmpdir(), 'drift-bench-'));
  try {
    for (const path of [
      'models/house-prices/model.yaml',
      'models/house-prices/package.json',
      'data.dvc',
      '.dvc/config',
      '.dvc/.gitignore',
      '.dvc/storage',
    ]) {
      cpSync(join(repo, path), join(root, path), { recursive: true });
    }
    const yaml = join(root, 'models/house-prices/model.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/epochs: \d+/, 'epochs: 4'));
    const env = { ...process.env, MLOPS_BACKEND: 'wasm' };
    execFileSync(process.execPath, [cli, 'pipeline', '-q'], { cwd: root, env, stdio: 'ignore' });
    execFileSync(process.execPath, [cli, 'drift', 'generate-window', '--window', 'fresh'], {
      cwd: root,
      env,
      stdio: 'ignore',
    });
    const baseline: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      execFileSync(process.execPath, [cli, 'registry', 'list', '-q'], {
        cwd: root,
        env,
        stdio: 'ignore',
      });
      baseline.push(performance.now() - started);
    }
    console.log(
      `baseline    mlops registry list (CLI start-up)  median ${median(baseline).toFixed(0)} ms`,
    );
    const timed = existsSync('/usr/bin/time');
    const times: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < runs; i++) {
      const args = timed
        ? ['-f', '%M', process.execPath, cli, 'drift', 'house-prices', '-q']
        : [cli, 'drift', 'house-prices', '-q'];
      const started = performance.now();
      const result = spawnSync(timed ? '/usr/bin/time' : process.execPath, args, {
        cwd: root,
        env,
        encoding: 'utf8',
      });
      times.push(performance.now() - started);
      if (result.status !== 5)
        throw new Error(`mlops drift exited ${result.status}: ${result.stderr}`);
      if (timed) rss.push(Number(result.stderr.trim().split('\n').at(-1)) / 1024);
    }
    const peak = timed
      ? `peak rss ${Math.max(...rss).toFixed(0)} MiB`
      : 'peak rss skipped (no /usr/bin/time)';
    console.log(
      `end to end  mlops drift house-prices (8,400 vs 1,500 rows)  median ${median(times).toFixed(0)} ms  runs [${times.map((t) => t.toFixed(0)).join(', ')}]  ${peak}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

inProcess();
if (!process.argv.includes('--no-cli')) endToEnd();

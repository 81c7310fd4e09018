import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coldStartMs, median, processMs } from '../../common/bench/cold-start';

/**
 * Cold start of the bundled report action: process start to its first API request, against
 * `node -e ""` (a bare process start) and the deploy bundle (which carries TensorFlow.js)
 * measured the same way. Build first: `npm run build:actions`.
 */
const RUNS = 9;
const TARGET_MS = 300;
const actions = fileURLToPath(new URL('../..', import.meta.url));
const workspace = await mkdtemp(join(tmpdir(), 'report-bench-'));
await mkdir(join(workspace, 'reports', 'house-prices'), { recursive: true });
await writeFile(
  join(workspace, 'reports', 'house-prices', 'evaluation.json'),
  JSON.stringify({
    model: 'house-prices',
    passed: true,
    gates: [{ gate: { type: 'no-regression', metric: 'rmse', tolerance: 0.02 }, passed: true }],
    candidate: { metrics: { rmse: 1 } },
  }),
);
await writeFile(
  join(workspace, 'reports', 'house-prices', 'report.md'),
  '<!-- mlops-report:house-prices -->\n## report\n',
);

const bare: number[] = [];
for (let i = 0; i < RUNS; i++) bare.push(await processMs(['-e', ''], workspace));
const report = await coldStartMs({
  bundle: join(actions, 'report', 'dist', 'index.js'),
  cwd: workspace,
  runs: RUNS,
  env: {
    INPUT_TOKEN: 'bench',
    'INPUT_REPORT-PATH': 'reports',
    'INPUT_PR-NUMBER': '1',
    INPUT_SHA: 'b'.repeat(40),
  },
});
const deploy = await coldStartMs({
  bundle: join(actions, 'deploy', 'dist', 'index.js'),
  cwd: workspace,
  runs: RUNS,
  env: { INPUT_TOKEN: 'bench', INPUT_TAG: 'house-prices@v1.0.0' },
});
await rm(workspace, { recursive: true, force: true });

const m = { bare: median(bare), report: median(report), deploy: median(deploy) };
console.log(`cold start, median of ${RUNS} runs (process start → first API request):`);
console.log(`  node -e ""                     ${m.bare.toFixed(0)} ms (baseline)`);
console.log(
  `  report (with TF.js)            ${m.report.toFixed(0)} ms (${(m.report / m.bare).toFixed(2)}× baseline) — target < ${TARGET_MS} ms: ${m.report < TARGET_MS ? 'met' : 'MISSED'}`,
);
console.log(
  `  deploy (with TF.js)            ${m.deploy.toFixed(0)} ms (${(m.deploy / m.bare).toFixed(2)}× baseline)`,
);

import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, processMs } from '../../common/bench/cold-start';

/**
 * The whole run of the bundled changed-models action (it makes no API call): process start to
 * exit in a small git repository with two commits, against `node -e ""` measured the same way.
 * Build first: `npm run build:actions`.
 */
const RUNS = 9;
const bundle = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const repo = await mkdtemp(join(tmpdir(), 'changed-models-bench-'));
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], {
    cwd: repo,
    encoding: 'utf8',
  }).trim();
for (const model of ['a', 'b']) {
  await mkdir(join(repo, 'models', model), { recursive: true });
  await writeFile(join(repo, 'models', model, 'model.yaml'), `name: ${model}\n`);
}
git('init', '-q');
git('add', '-A');
git('commit', '-qm', 'base');
const base = git('rev-parse', 'HEAD');
await writeFile(join(repo, 'models', 'a', 'model.yaml'), 'name: a\nseed: 2\n');
git('commit', '-qam', 'change a');
const head = git('rev-parse', 'HEAD');
const output = join(repo, '.output');
const env = {
  'INPUT_BASE-SHA': base,
  'INPUT_HEAD-SHA': head,
  GITHUB_OUTPUT: output,
  GITHUB_WORKSPACE: repo,
};

const bare: number[] = [];
const action: number[] = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(await processMs(['-e', ''], repo));
  await writeFile(output, '');
  action.push(await processMs([bundle], repo, env));
}
await rm(repo, { recursive: true, force: true });
const m = { bare: median(bare), action: median(action) };
console.log(`changed-models, median of ${RUNS} runs (process start → exit, including git diff):`);
console.log(`  node -e ""        ${m.bare.toFixed(0)} ms (baseline)`);
console.log(
  `  changed-models    ${m.action.toFixed(0)} ms (${(m.action / m.bare).toFixed(2)}× baseline)`,
);

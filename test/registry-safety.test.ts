import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { killHard, startPausedCli } from './helpers/paused-cli';
import { type CliRun, runCli } from './helpers/run-cli';
import { cloneTemplate, editFile } from './helpers/template-repo';

const MODEL = 'house-prices';
const CONFIG = `models/${MODEL}/model.yaml`;
const REGISTRY = `.mlops/registry/${MODEL}`;

/** A clone whose gates only check fit, so every retraining registers: v1.0.0, then v1.1.0 in production. */
let trained: string;

beforeAll(async () => {
  trained = cloneTemplate({ epochs: 2 });
  editFile(join(trained, CONFIG), (text) => text.replace(/tolerance: [\d.]+/, 'tolerance: 100'));
  expect((await runCli(['pipeline'], { cwd: trained })).code).toBe(0);
  setLearningRate(trained, 0.0035);
  const second = await runCli(['pipeline'], { cwd: trained });
  expect(second.code, second.stderr).toBe(0);
  expect(second.stdout).toContain(`registered ${MODEL}@v1.1.0`);
});

/** A copy of the trained clone, registry included, for one test to change. */
function copyOfTrained(): string {
  const root = mkdtempSync(join(tmpdir(), 'mlops-registry-safety-'));
  cpSync(trained, root, { recursive: true });
  return root;
}

/** Another learning rate: a candidate with other weights than any before. */
function setLearningRate(root: string, rate: number): void {
  editFile(join(root, CONFIG), (text) =>
    text.replace(/learningRate: [\d.]+/, `learningRate: ${rate}`),
  );
}

function productionOf(root: string): unknown {
  return JSON.parse(readFileSync(join(root, REGISTRY, 'production.json'), 'utf8')).version;
}

function errorOf(run: CliRun): { name: string; message: string; exitCode: number } {
  return (JSON.parse(run.stdout) as { error: { name: string; message: string; exitCode: number } })
    .error;
}

describe('the registry never moves production to a bad or unintended version', () => {
  it('refuses to roll back to a version whose weights were tampered with, naming the file', async () => {
    const root = copyOfTrained();
    const weights = join(root, REGISTRY, '1.0.0', 'weights.bin');
    const bytes = readFileSync(weights);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    writeFileSync(weights, bytes);
    const run = await runCli(['registry', 'rollback', MODEL, '--json'], { cwd: root });
    expect(run.code, run.stderr).toBe(4);
    expect(errorOf(run).name).toBe('ChecksumMismatchError');
    expect(errorOf(run).message).toContain(weights);
    expect(productionOf(root)).toBe('1.1.0');
  });

  it('rolls back to the version named with --to, past the previous one', async () => {
    const root = copyOfTrained();
    setLearningRate(root, 0.004);
    expect((await runCli(['pipeline'], { cwd: root })).code).toBe(0);
    expect(productionOf(root)).toBe('1.2.0');
    const run = await runCli(['registry', 'rollback', MODEL, '--to', 'v1.0.0'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`production is now ${MODEL}@v1.0.0`);
    expect(productionOf(root)).toBe('1.0.0');
    const again = await runCli(['registry', 'rollback', MODEL, '--to', '1.2.0'], { cwd: root });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('not an earlier production version');
  });

  it('keeps a rollback when the pipeline retrains the rolled-back version; mlops promote undoes it', async () => {
    const root = copyOfTrained();
    const back = await runCli(['registry', 'rollback', MODEL], { cwd: root });
    expect(back.code, back.stderr).toBe(0);
    const run = await runCli(['pipeline'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`bit-identical to ${MODEL}@v1.1.0`);
    expect(run.stdout).toContain(`${MODEL}@v1.1.0 was rolled back`);
    expect(run.stdout).toContain(`production stays ${MODEL}@v1.0.0`);
    expect(run.stdout).not.toContain('is production again');
    expect(productionOf(root)).toBe('1.0.0');

    const promote = await runCli(['promote', MODEL], { cwd: root });
    expect(promote.code, promote.stderr).toBe(0);
    expect(promote.stdout).toContain(`${MODEL}@v1.1.0 is production again`);
    expect(productionOf(root)).toBe('1.1.0');
  });
});

describe('an inconsistent registry is an integrity error naming the file', () => {
  it('refuses to evaluate against a production.json that names a missing version', async () => {
    const root = copyOfTrained();
    const pointer = join(root, REGISTRY, 'production.json');
    editFile(pointer, (text) => text.replace('"1.1.0"', '"9.9.9"'));
    const run = await runCli(['pipeline', '--json'], { cwd: root });
    expect(run.code, run.stderr).toBe(4);
    expect(errorOf(run).name).toBe('RegistryCorruptError');
    expect(errorOf(run).message).toContain(pointer);
    expect(errorOf(run).message).toContain(`${MODEL}@v9.9.9`);
    const list = await runCli(['registry', 'list', '--json'], { cwd: root });
    expect(list.code).toBe(4);
  });

  it('refuses to list a version whose version.json was deleted instead of omitting it', async () => {
    const root = copyOfTrained();
    const manifest = join(root, REGISTRY, '1.0.0', 'version.json');
    rmSync(manifest);
    const run = await runCli(['registry', 'list', '--json'], { cwd: root });
    expect(run.code, run.stderr).toBe(4);
    expect(errorOf(run).message).toContain(manifest);
  });
});

describe('interrupted and concurrent writers leave the registry whole', () => {
  it('removes what a publish killed with kill -9 left behind on the next run', async () => {
    const root = copyOfTrained();
    setLearningRate(root, 0.004);
    const killed = await startPausedCli(['pipeline'], {
      cwd: root,
      step: 'registry:publish-staged',
      marker: join(root, 'paused'),
    });
    await killHard(killed);
    const modelDir = join(root, REGISTRY);
    expect(readdirSync(modelDir).filter((name) => name.startsWith('.publish-'))).toHaveLength(1);
    expect(existsSync(join(root, '.mlops/registry/.lock'))).toBe(true);
    expect(readdirSync(modelDir)).not.toContain('1.2.0');

    const run = await runCli(['pipeline'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`registered ${MODEL}@v1.2.0`);
    expect(readdirSync(modelDir).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(existsSync(join(root, '.mlops/registry/.lock'))).toBe(false);
  });

  it('completes a promotion killed between its log entry and production.json on the next run', async () => {
    const root = copyOfTrained();
    setLearningRate(root, 0.004);
    const killed = await startPausedCli(['pipeline'], {
      cwd: root,
      step: 'registry:promote-logged',
      marker: join(root, 'paused'),
    });
    await killHard(killed);
    expect(productionOf(root)).toBe('1.1.0');
    const list = await runCli(['registry', 'list', '--json'], { cwd: root });
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)[MODEL].production).toBe('1.2.0');

    const run = await runCli(['pipeline'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`bit-identical to ${MODEL}@v1.2.0`);
    expect(productionOf(root)).toBe('1.2.0');
    expect(existsSync(join(root, '.mlops/registry/.lock'))).toBe(false);
  });

  it('lets two pipelines sharing one registry register exactly one new version', async () => {
    const first = copyOfTrained();
    const second = copyOfTrained();
    setLearningRate(first, 0.004);
    setLearningRate(second, 0.004);
    const registry = join(first, '.mlops/registry');
    // Each holds production for 2 s before writing it: without a lock both would record it.
    const env = { MLOPS_TEST_PAUSE_AT: 'registry:promote', MLOPS_TEST_PAUSE_MS: '2000' };
    const runs = await Promise.all([
      runCli(['pipeline', '--registry', registry], { cwd: first, env }),
      runCli(['pipeline', '--registry', registry], { cwd: second, env }),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const output = runs.map((run) => run.stdout).join('\n');
    expect(output.match(/registered house-prices@v1\.2\.0/g)).toHaveLength(1);
    expect(output).toContain(`bit-identical to ${MODEL}@v1.2.0`);
    expect(readdirSync(join(registry, MODEL)).sort()).toEqual([
      '1.0.0',
      '1.1.0',
      '1.2.0',
      'production.json',
      'promotions.jsonl',
    ]);
    const log = readFileSync(join(registry, MODEL, 'promotions.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; version: string });
    expect(log.map((e) => `${e.action} ${e.version}`)).toEqual([
      'promote 1.0.0',
      'promote 1.1.0',
      'promote 1.2.0',
    ]);
    expect(productionOf(first)).toBe('1.2.0');
    expect(existsSync(join(registry, '.lock'))).toBe(false);
  });
});

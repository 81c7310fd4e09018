import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli';
import { cloneTemplate, editFile } from './helpers/template-repo';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the pipeline on a fresh clone of the template', () => {
  let root: string;
  const candidate = () => join(root, 'models/house-prices/artifacts/candidate');

  beforeAll(() => {
    root = cloneTemplate({ epochs: 12 });
  });

  it('pulls the data, prints the report and registers house-prices v1.0.0', async () => {
    expect(existsSync(join(root, 'data'))).toBe(false);
    const run = await runCli(['pipeline'], { cwd: root });
    expect(run.stderr).toContain('pulled 2 objects');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('<!-- mlops-report:house-prices -->');
    expect(run.stdout).toContain('No production model yet');
    expect(run.stdout).toContain('registered house-prices@v1.0.0');
    expect(run.stderr).toMatch(/epoch 1\/12 loss \d/);
    expect(run.stderr).toContain('backend: wasm');

    const list = await runCli(['registry', 'list', '--json'], { cwd: root });
    const registry = JSON.parse(list.stdout) as Record<
      string,
      { production: string; versions: { version: string; assets: { name: string }[] }[] }
    >;
    expect(registry['house-prices']?.production).toBe('1.0.0');
    expect(registry['house-prices']?.versions.map((v) => v.version)).toEqual(['1.0.0']);
    expect(registry['house-prices']?.versions[0]?.assets.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        'model.json',
        'weights.bin',
        'preprocessor.json',
        'metrics.json',
        'profile.json',
        'model-card.md',
      ]),
    );
  });

  it('trains a bit-identical artifact the second time and registers nothing new', async () => {
    const weightsBefore = sha256(join(candidate(), 'weights.bin'));
    const run = await runCli(['pipeline', '--json'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(sha256(join(candidate(), 'weights.bin'))).toBe(weightsBefore);
    const summary = JSON.parse(run.stdout) as {
      models: { promotion: { status: string; version: string } }[];
    };
    expect(summary.models[0]?.promotion).toMatchObject({ status: 'unchanged', version: '1.0.0' });
    const list = await runCli(['registry', 'list', 'house-prices', '--json'], { cwd: root });
    expect(JSON.parse(list.stdout)['house-prices'].versions).toHaveLength(1);
  });

  it('reports the diff against production when a hyperparameter changes', async () => {
    editFile(join(root, 'models/house-prices/model.yaml'), (text) =>
      text.replace(/learningRate: [\d.]+/, 'learningRate: 0.002'),
    );
    const weightsBefore = sha256(join(candidate(), 'weights.bin'));
    const run = await runCli(['pipeline', '--no-promote'], { cwd: root });
    expect([0, 1]).toContain(run.code);
    expect(sha256(join(candidate(), 'weights.bin'))).not.toBe(weightsBefore);
    expect(run.stdout).toContain('vs **production** `v1.0.0`');
    expect(run.stdout).toMatch(/\| `training.learningRate` \| `0.003` \| `0.002` \|/);
    expect(run.stdout).toMatch(/\| `rmse` ↓ \| [\d,]+ \| [\d,]+ \|/);
    const metrics = JSON.parse(readFileSync(join(candidate(), 'evaluation.json'), 'utf8')) as {
      metricsDiff: Record<string, Record<string, { old: number; new: number }>>;
    };
    const rmse = metrics.metricsDiff['metrics.json']?.rmse;
    expect(rmse?.old).toBeGreaterThan(0);
    expect(rmse?.new).toBeGreaterThan(0);
  });
});

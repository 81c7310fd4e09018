import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli';
import { cloneTemplate } from './helpers/template-repo';

describe('the steps as separate commands, as a workflow runs them', () => {
  it('trains, evaluates and promotes in three processes', async () => {
    const root = cloneTemplate({ epochs: 6 });
    const evaluateFirst = await runCli(['evaluate', 'house-prices'], { cwd: root });
    expect(evaluateFirst.code).toBe(3);
    expect(evaluateFirst.stderr).toContain('run `mlops train house-prices` first');

    const train = await runCli(['train', 'house-prices', '--json'], { cwd: root });
    expect(train.code, train.stderr).toBe(0);
    expect(JSON.parse(train.stdout)).toMatchObject({
      model: 'house-prices',
      backend: 'wasm',
      epochsRun: 6,
    });

    const evaluate = await runCli(['evaluate', 'house-prices'], { cwd: root });
    expect(evaluate.code, evaluate.stderr).toBe(0);
    expect(evaluate.stdout).toContain('<!-- mlops-report:house-prices -->');

    const promote = await runCli(['promote', 'house-prices', '--bump', 'patch', '--json'], {
      cwd: root,
    });
    expect(promote.code, promote.stderr).toBe(0);
    expect(JSON.parse(promote.stdout)).toMatchObject({
      status: 'promoted',
      version: '1.0.0',
      tag: 'house-prices@v1.0.0',
    });

    const show = await runCli(['registry', 'show', 'house-prices', '--json'], { cwd: root });
    const version = JSON.parse(show.stdout) as {
      tag: string;
      lineage: { backend: string; artifactDigest: string };
    };
    expect(version.tag).toBe('house-prices@v1.0.0');
    expect(version.lineage.backend).toBe('wasm');
    expect(version.lineage.artifactDigest).toBe(JSON.parse(train.stdout).artifactDigest);
  });
});
